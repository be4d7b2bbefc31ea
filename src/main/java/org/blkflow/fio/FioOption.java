package org.blkflow.fio;

import static org.blkflow.scenario.ScenarioFields.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.blkflow.input.BoundedNumber;
import org.blkflow.scenario.IoEngine;
import org.blkflow.scenario.JobDraft;
import org.blkflow.scenario.JobValidator;
import org.blkflow.scenario.Kernel;
import org.blkflow.scenario.Label;
import org.blkflow.scenario.Rw;
import org.blkflow.scenario.ScenarioValidator;
import org.blkflow.trace.CpuList;
import org.blkflow.trace.SysfsCpuMap;

/**
 * The options of one job section and what each becomes. fio's own defaults stand where blkflow's
 * match them (rw=read, bs=4k, iodepth=1, ioengine=sync); anything unused is reported, never dropped.
 * A number outside what a scenario allows refuses the file, naming the job, option and range.
 */
final class FioOption {

    static final Set<String> USED = Set.of("rw", "readwrite", "rwmixread", "rwmixwrite", "bs", "blocksize", "bssplit",
            "blocksize_range", "bsrange", "iodepth", "ioengine", "numjobs", "cpus_allowed", "size", "number_ios",
            "offset", "direct", "sync", "kb_base", "rate_iops", "thinktime", "thinktime_blocks", "hipri", "fixedbufs",
            "sqthread_poll");
    /** Without number_ios a job's ios come from size / bs, at most this many per CPU. */
    static final int MAX_DERIVED_IOS = 1000;

    private final String job;
    private final Map<String, String> options;
    private final Kernel kernel;
    private final List<FioImport.Ignored> ignored;
    private final int kbBase;

    /**
     * The largest bs the kernel read for can issue: 3.16 (modelled without splits) one request's worth,
     * 7.0 up to 4 MiB, split over the queue's limits.
     */
    int maxBs() {
        return kernel == Kernel.V7_0 ? JobValidator.MAX_BS_SPLIT : JobValidator.MAX_BS;
    }

    FioOption(String job, Map<String, String> options, Kernel kernel, List<FioImport.Ignored> ignored) {
        this.job = job;
        this.options = options;
        this.kernel = kernel;
        this.ignored = ignored;
        this.kbBase = "1000".equals(options.get("kb_base")) ? 1000 : 1024;
    }

    void apply(JobDraft d) {
        rw(d);
        new FioBlockSizes(this, options).apply(d);
        new FioPacing(this, options).apply(d);
        d.set(IODEPTH, (int) number("iodepth", d.get(IODEPTH), 1, JobValidator.MAX_IODEPTH));
        engine(d);
        cpus(d);
        d.set(SIZE, round512("size", size("size", d.get(SIZE), 0, JobValidator.MAX_BYTES)));
        d.set(OFFSET, round512("offset", size("offset", d.get(OFFSET), 0, JobValidator.MAX_BYTES)));
        ios(d);
        d.set(SYNC, FioJobs.flag(options, "sync"));
        if (options.containsKey("direct") && !FioJobs.flag(options, "direct")) {
            ignore("direct", "buffered I/O goes through the page cache, which blkflow does not model: bios are submitted as if direct=1");
        }
        for (String key : options.keySet()) {
            if (!USED.contains(key)) ignore(key, "not modelled by blkflow");
        }
    }

    private void rw(JobDraft d) {
        String rw = options.containsKey("rw") ? options.get("rw") : options.get("readwrite");
        if (rw != null) {
            String mode = rw.contains(":") ? rw.substring(0, rw.indexOf(':')) : rw;
            if (!mode.equals(rw)) ignore("rw", "the ':" + rw.substring(rw.indexOf(':') + 1) + "' offset modifier is not modelled");
            switch (mode) {
                case "read", "write", "randread", "randwrite", "randrw" -> d.set(RW, Label.parse(Rw.class, mode));
                case "rw", "readwrite" -> {
                    d.set(RW, Rw.RANDRW);
                    ignore("rw", "sequential mixed read/write has no blkflow mode; mapped to randrw, the only mixed one "
                            + "(offsets become random, so fewer merges than fio would see)");
                }
                default -> ignore("rw", "'" + mode + "' (trim and friends) is not modelled; the job reads");
            }
        }
        if (options.containsKey("rwmixread")) d.set(RWMIXREAD, (int) number("rwmixread", d.get(RWMIXREAD), 0, 100));
        else if (options.containsKey("rwmixwrite")) d.set(RWMIXREAD, 100 - (int) number("rwmixwrite", 100 - d.get(RWMIXREAD), 0, 100));
    }

    private void engine(JobDraft d) {
        String engine = options.get("ioengine");
        if (engine != null) {
            switch (engine) {
                case "sync", "psync", "vsync", "pvsync", "pvsync2" -> d.set(IOENGINE, IoEngine.SYNC);
                case "libaio", "posixaio" -> d.set(IOENGINE, IoEngine.LIBAIO);
                case "io_uring" -> {
                    d.set(IOENGINE, kernel == Kernel.V7_0 ? IoEngine.IO_URING : IoEngine.LIBAIO);
                    if (kernel != Kernel.V7_0) {
                        ignore("ioengine", "io_uring came in Linux 5.1: under kernel 3.16 the job submits as libaio "
                                + "does (batches of iodepth under a plug); read the file for kernel 7.0 to keep io_uring");
                    }
                }
                default -> ignore("ioengine", "'" + engine + "' is not modelled; the job uses sync");
            }
            // io_submit() plugs around a batch (blk_start_plug in do_io_submit), and so does io_uring's
            // submission of several SQEs (blk_start_plug_nr_ios in io_submit_state_start).
            d.set(PLUG, d.get(IOENGINE) != IoEngine.SYNC);
        }
        hipri(d, engine);
        if (options.containsKey("fixedbufs")) {
            ignore("fixedbufs", "registered buffers spare io_uring the pinning of each I/O's pages, above the block "
                    + "layer: the bios are the same");
        }
        if (options.containsKey("sqthread_poll")) {
            ignore("sqthread_poll", "io_uring's SQPOLL kernel thread would submit the bios on its own CPU; blkflow "
                    + "submits from the job's task on the job's CPUs");
        }
    }

    /**
     * fio's hipri: polled completion (REQ_POLLED to a poll queue, reaped by the submitter) for
     * io_uring under kernel 7.0; anything else says why it has no effect, as the scenario's
     * validator would refuse hipri without io_uring.
     */
    private void hipri(JobDraft d, String engine) {
        if (!options.containsKey("hipri") || !FioJobs.flag(options, "hipri")) return;
        if (kernel != Kernel.V7_0) {
            ignore("hipri", "polled completion needs poll queues (Linux 5.0) and io_uring: kernel 7.0 only; under "
                    + "3.16 an interrupt completes every bio");
        } else if (d.get(IOENGINE) != IoEngine.IO_URING) {
            ignore("hipri", "polled I/O is modelled for io_uring only, and this job's ioengine is "
                    + (engine == null ? "sync (fio's default)" : engine) + "; an interrupt completes its bios");
        } else {
            d.set(HIPRI, true);
        }
    }

    private void cpus(JobDraft d) {
        int numjobs = (int) number("numjobs", 1, 1, ScenarioValidator.MAX_CPUS);
        if (options.containsKey("cpus_allowed")) {
            d.set(JOB_CPUS, checked("cpus_allowed", options.get("cpus_allowed"),
                    () -> CpuList.parse(options.get("cpus_allowed"), 0, ScenarioValidator.MAX_CPUS)));
            if (new HashSet<>(d.get(JOB_CPUS)).size() != d.get(JOB_CPUS).size()) {
                throw rejected("cpus_allowed", options.get("cpus_allowed"), "lists a CPU twice");
            }
            if (options.containsKey("numjobs") && numjobs != d.get(JOB_CPUS).size()) {
                ignore("numjobs", "blkflow runs one task per CPU of cpus_allowed (" + d.get(JOB_CPUS).size() + "), not " + numjobs);
            }
        } else {
            d.set(JOB_CPUS, new ArrayList<>());
            for (int cpu = 0; cpu < numjobs; cpu++) d.get(JOB_CPUS).add(cpu);
        }
    }

    private void ios(JobDraft d) {
        if (options.containsKey("number_ios")) {
            d.set(IOS, (int) number("number_ios", d.get(IOS), 1, JobValidator.MAX_IOS));
        } else if (options.containsKey("size")) {
            long perIo = FioBlockSizes.meanBytes(d);
            d.set(IOS, (int) Math.max(1, Math.min(MAX_DERIVED_IOS, d.get(SIZE) / perIo)));
            if (d.get(SIZE) / perIo > MAX_DERIVED_IOS) {
                ignore("size", "without number_ios fio would do size / bs = " + d.get(SIZE) / perIo
                        + " I/Os; blkflow does " + MAX_DERIVED_IOS + " per CPU");
            }
        }
    }

    /** A count (k/m/g suffixes are powers of 1000, as fio reads them), between min and max. */
    long number(String key, long fallback, long min, long max) {
        String v = options.get(key);
        if (v == null) return fallback;
        return checked(key, v, () -> FioSize.parse(key, v, 1000, min, max));
    }

    /** A size in bytes under the job's kb_base, between min and max. */
    private long size(String key, long fallback, long min, long max) {
        String v = options.get(key);
        if (v == null) return fallback;
        return sized(key, v, min, max);
    }

    long sized(String key, String v, long min, long max) {
        return checked(key, v, () -> FioSize.parse(key, v, kbBase, min, max));
    }

    /** A refused number becomes the job file's refusal, naming the job, the option and the range. */
    <T> T checked(String key, String value, Supplier<T> read) {
        try {
            return read.get();
        } catch (BoundedNumber.Refused | SysfsCpuMap.Rejected e) {
            throw rejected(key, value, e.getMessage());
        }
    }

    FioJobFile.Rejected rejected(String key, String value, String rule) {
        return new FioJobFile.Rejected(job + "." + key, "[" + job + "] " + key + "=" + value + ": " + rule);
    }

    private long round512(String key, long bytes) {
        if (bytes % 512 == 0) return bytes;
        ignore(key, bytes + " bytes is not a whole number of 512-byte sectors; rounded down");
        return bytes / 512 * 512;
    }

    void ignore(String option, String reason) {
        ignored.add(new FioImport.Ignored(job, option, reason));
    }
}
