package org.blkflow.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.blkflow.scenario.ScenarioField.Group;

/** The limits on one fio-like job: its fields' own ranges ({@link ScenarioFields}) and the rules between them. */
public final class JobValidator {

    public static final int MAX_JOBS = 16;
    /** 1024 sectors: the largest max_sectors, so the largest bio 3.16 (whose model never splits) can issue. */
    public static final int MAX_BS = 1 << 19;
    /**
     * 7.0 splits a bio over the queue's limits (__bio_split_to_limits), so a bio may be larger: up to
     * 4 MiB, at most 1024 pieces even at the smallest max_sectors.
     */
    public static final int MAX_BS_SPLIT = 1 << 22;
    public static final int MAX_IODEPTH = 1024;
    public static final int MAX_IOS = 1_000_000;
    /** A petabyte: every sector number stays far from overflow. */
    public static final long MAX_BYTES = 1L << 50;
    /** One bio every 100 ns from a task: far beyond what a 2014 CPU path could submit. */
    public static final int MAX_RATE_IOPS = 10_000_000;
    /** A minute between bursts, in µs: a run of 1,000,000 thinks still ends far inside a long of ns. */
    public static final int MAX_THINKTIME_US = 60_000_000;

    private JobValidator() {
    }

    /** @param splits the kernel splits bios over the limits (7.0), so a bio need not fit one request */
    static void check(String at, Job job, int scenarioCpus, Device device, boolean splits, ProblemList p) {
        Set<ScenarioField<Job, ?>> broken = ScenarioValidator.checkFields(at + ".", Group.JOB, job, p);
        checkCpus(at + ".cpus", job.cpus(), scenarioCpus, p);
        Device limits = splits ? null : device;
        if (!broken.contains(ScenarioFields.BS) && validLimits(limits)) checkFitsOneRequest(at + ".bs", job.bs(), device, p);
        int maxBs = splits ? MAX_BS_SPLIT : MAX_BS;
        boolean mixes = checkSplit(at + ".bssplit", job.bssplit(), limits, maxBs, p)
                & checkSplit(at + ".bssplitWrite", job.bssplitWrite(), limits, maxBs, p);
        if (mixes && !broken.contains(ScenarioFields.SIZE) && job.size() < job.largestBs()) {
            p.add(at + ".size", job.size(), "must be at least the largest block size, " + job.largestBs()
                    + " (in bs or bssplit)");
        }
    }

    /**
     * fio's bssplit as blkflow takes it: 1 to 64 entries, each size a bs the model could issue whole,
     * whole percentages summing to exactly 100 (fio's own rule once every entry has its percent).
     */
    private static boolean checkSplit(String at, List<BsSplit> split, Device device, int maxBs, ProblemList p) {
        if (split == null) return true;
        if (split.isEmpty() || split.size() > BsSplit.MAX_ENTRIES) {
            p.add(at, split.size() + " entries", "must list 1 to " + BsSplit.MAX_ENTRIES + " {bs, percent} entries");
            return false;
        }
        boolean ok = true;
        long sum = 0;
        for (int i = 0; i < split.size(); i++) {
            BsSplit e = split.get(i);
            String entry = at + "[" + i + "]";
            if (e.bs() < 512 || e.bs() > maxBs || e.bs() % 512 != 0) {
                p.add(entry + ".bs", e.bs(), "must be a multiple of 512 between 512 and " + maxBs);
                ok = false;
            } else if (validLimits(device)) {
                ok &= checkFitsOneRequest(entry + ".bs", e.bs(), device, p);
            }
            if (e.percent() < 0 || e.percent() > 100) {
                p.add(entry + ".percent", e.percent(), "must be a whole number between 0 and 100");
                ok = false;
            }
            sum += e.percent();
        }
        if (ok && sum != 100) {
            p.add(at, BsSplit.format(split), "the percents must sum to 100, not " + sum);
            ok = false;
        }
        return ok;
    }

    /**
     * The 3.16 model never splits a bio (the kernel would, in the direct-I/O code or blk_queue_split),
     * so one bio must fit the queue limits: bs ≤ max_sectors × 512 and one segment per 4 KiB page.
     * 7.0 splits (see {@code Split70}), so there the check is not made.
     */
    private static boolean checkFitsOneRequest(String at, int bs, Device device, ProblemList p) {
        int sectors = bs / 512;
        int pages = (sectors + 7) / 8;
        if (sectors > device.maxSectors()) {
            p.add(at, bs, "is " + sectors + " sectors, more than device.maxSectors = " + device.maxSectors()
                    + " (3.16 is modelled without bio splits; kernel \"7.0\" splits)");
            return false;
        } else if (pages > device.maxSegments()) {
            p.add(at, bs, "needs " + pages + " segments (one per 4 KiB page), more than device.maxSegments = "
                    + device.maxSegments() + " (3.16 is modelled without bio splits; kernel \"7.0\" splits)");
            return false;
        }
        return true;
    }

    private static boolean validLimits(Device d) {
        return d != null && d.maxSectors() >= 8 && d.maxSectors() <= 1024 && d.maxSegments() >= 1;
    }

    private static void checkCpus(String at, List<Integer> cpus, int scenarioCpus, ProblemList p) {
        if (cpus == null) {
            return;
        }
        if (cpus.isEmpty()) {
            p.add(at, cpus, "must be \"all\" or list at least one CPU");
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < cpus.size(); i++) {
            Integer cpu = cpus.get(i);
            if (cpu == null || cpu < 0 || cpu >= scenarioCpus) {
                p.add(at + "[" + i + "]", cpu, "must be a CPU between 0 and " + (scenarioCpus - 1));
            } else if (!seen.add(cpu)) {
                p.add(at + "[" + i + "]", cpu, "CPU " + cpu + " is listed twice");
            }
        }
    }
}
