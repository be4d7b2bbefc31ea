package org.blkflow.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.blkflow.scenario.ScenarioField.Group;

/** The limits on one fio-like job: its fields' own ranges ({@link ScenarioFields}) and the rules between them. */
public final class JobValidator {

    public static final int MAX_JOBS = 16;
    /** 1024 sectors: the largest max_sectors, so the largest bio that can fit one request. */
    public static final int MAX_BS = 1 << 19;
    public static final int MAX_IODEPTH = 1024;
    public static final int MAX_IOS = 1_000_000;
    /** A petabyte: every sector number stays far from overflow. */
    public static final long MAX_BYTES = 1L << 50;

    private JobValidator() {
    }

    static void check(String at, Job job, int scenarioCpus, Device device, ProblemList p) {
        Set<ScenarioField<Job, ?>> broken = ScenarioValidator.checkFields(at + ".", Group.JOB, job, p);
        checkCpus(at + ".cpus", job.cpus(), scenarioCpus, p);
        if (!broken.contains(ScenarioFields.BS) && validLimits(device)) checkFitsOneRequest(at + ".bs", job.bs(), device, p);
    }

    /**
     * The model never splits a bio (the kernel would, in the direct-I/O code or blk_queue_split), so
     * one bio must fit the queue limits: bs ≤ max_sectors × 512 and one segment per 4 KiB page.
     */
    private static void checkFitsOneRequest(String at, int bs, Device device, ProblemList p) {
        int sectors = bs / 512;
        int pages = (sectors + 7) / 8;
        if (sectors > device.maxSectors()) {
            p.add(at, bs, "is " + sectors + " sectors, more than device.maxSectors = " + device.maxSectors()
                    + " (the model does not split bios)");
        } else if (pages > device.maxSegments()) {
            p.add(at, bs, "needs " + pages + " segments (one per 4 KiB page), more than device.maxSegments = "
                    + device.maxSegments() + " (the model does not split bios)");
        }
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
