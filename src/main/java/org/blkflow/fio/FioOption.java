package org.blkflow.fio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.blkflow.scenario.JobDraft;
import org.blkflow.trace.CpuList;
import org.blkflow.trace.SysfsCpuMap;

/**
 * The options of one job section and what each becomes. fio's own defaults stand where blkflow's
 * match them (rw=read, bs=4k, iodepth=1, ioengine=sync); anything unused is reported, never dropped.
 */
final class FioOption {

    static final Set<String> USED = Set.of("rw", "readwrite", "rwmixread", "rwmixwrite", "bs", "blocksize", "bssplit",
            "blocksize_range", "bsrange", "iodepth", "ioengine", "numjobs", "cpus_allowed", "size", "number_ios",
            "offset", "direct", "sync", "kb_base");
    /** Without number_ios a job's ios come from size / bs, at most this many per CPU. */
    static final int MAX_DERIVED_IOS = 1000;

    private final String job;
    private final Map<String, String> options;
    private final List<FioImport.Ignored> ignored;
    private final int kbBase;

    FioOption(String job, Map<String, String> options, List<FioImport.Ignored> ignored) {
        this.job = job;
        this.options = options;
        this.ignored = ignored;
        this.kbBase = "1000".equals(options.get("kb_base")) ? 1000 : 1024;
    }

    void apply(JobDraft d) {
        rw(d);
        blockSize(d);
        d.iodepth = (int) number("iodepth", d.iodepth);
        engine(d);
        cpus(d);
        d.size = round512("size", size("size", d.size));
        d.offset = round512("offset", size("offset", d.offset));
        ios(d);
        d.sync = FioJobs.flag(options, "sync");
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
                case "read", "write", "randread", "randwrite", "randrw" -> d.rw = mode;
                case "rw", "readwrite" -> {
                    d.rw = "randrw";
                    ignore("rw", "sequential mixed read/write has no blkflow mode; mapped to randrw, the only mixed one "
                            + "(offsets become random, so fewer merges than fio would see)");
                }
                default -> ignore("rw", "'" + mode + "' (trim and friends) is not modelled; the job reads");
            }
        }
        if (options.containsKey("rwmixread")) d.rwmixread = (int) number("rwmixread", d.rwmixread);
        else if (options.containsKey("rwmixwrite")) d.rwmixread = 100 - (int) number("rwmixwrite", 100 - d.rwmixread);
    }

    private void blockSize(JobDraft d) {
        String bs = options.containsKey("bs") ? options.get("bs") : options.get("blocksize");
        if (bs != null) {
            String[] perDirection = bs.split(",");
            d.bs = (int) FioSize.parse(perDirection[0], kbBase);
            if (perDirection.length > 1) ignore("bs", "separate write/trim sizes '" + bs + "': blkflow uses one size, the read one");
        }
        String range = options.containsKey("blocksize_range") ? options.get("blocksize_range") : options.get("bsrange");
        if (range != null) {
            d.bs = (int) FioSize.parse(range.split("[-,]")[0], kbBase);
            ignore(options.containsKey("blocksize_range") ? "blocksize_range" : "bsrange",
                    "blkflow uses one block size: took the low end of '" + range + "'");
        }
        if (options.containsKey("bssplit")) d.bs = bsSplit(options.get("bssplit"));
    }

    /** bssplit=4k/50:64k/40:1m/10 → the most frequent size; the others are listed as ignored. */
    private int bsSplit(String value) {
        long best = -1;
        int bestShare = -1;
        List<String> rest = new ArrayList<>();
        for (String part : value.split(":")) {
            String[] sizeShare = part.split("/");
            long size = FioSize.parse(sizeShare[0], kbBase);
            int share = sizeShare.length > 1 && !sizeShare[1].isBlank() ? Integer.parseInt(sizeShare[1].strip()) : 0;
            if (share > bestShare) {
                if (best >= 0) rest.add(best + " bytes");
                best = size;
                bestShare = share;
            } else {
                rest.add(size + " bytes");
            }
        }
        if (best < 0) throw new NumberFormatException("bssplit '" + value + "' lists no sizes");
        ignore("bssplit", "blkflow uses one block size: took " + best + " bytes (" + bestShare + "%), left out " + String.join(", ", rest));
        return (int) best;
    }

    private void engine(JobDraft d) {
        String engine = options.get("ioengine");
        if (engine == null) return;
        switch (engine) {
            case "sync", "psync", "vsync", "pvsync", "pvsync2" -> d.ioengine = "sync";
            case "libaio", "io_uring", "posixaio" -> d.ioengine = "libaio";
            default -> ignore("ioengine", "'" + engine + "' is not modelled; the job uses sync");
        }
        // io_submit() plugs around a batch (blk_start_plug in do_io_submit), and so does io_uring.
        d.plug = d.ioengine.equals("libaio");
    }

    private void cpus(JobDraft d) {
        int numjobs = (int) number("numjobs", 1);
        if (options.containsKey("cpus_allowed")) {
            d.cpus = CpuList.parse(options.get("cpus_allowed"), 0, 64);
            if (options.containsKey("numjobs") && numjobs != d.cpus.size()) {
                ignore("numjobs", "blkflow runs one task per CPU of cpus_allowed (" + d.cpus.size() + "), not " + numjobs);
            }
        } else {
            d.cpus = new ArrayList<>();
            for (int cpu = 0; cpu < Math.max(1, numjobs); cpu++) d.cpus.add(cpu);
        }
    }

    private void ios(JobDraft d) {
        if (options.containsKey("number_ios")) {
            d.ios = (int) number("number_ios", d.ios);
        } else if (options.containsKey("size")) {
            d.ios = (int) Math.max(1, Math.min(MAX_DERIVED_IOS, d.size / Math.max(512, d.bs)));
            if (d.size / Math.max(512, d.bs) > MAX_DERIVED_IOS) {
                ignore("size", "without number_ios fio would do size / bs = " + d.size / d.bs
                        + " I/Os; blkflow does " + MAX_DERIVED_IOS + " per CPU");
            }
        }
    }

    private long number(String key, long fallback) {
        String v = options.get(key);
        if (v == null) return fallback;
        try {
            return FioSize.parse(v, 1000);
        } catch (NumberFormatException e) {
            throw new FioJobFile.Rejected("[" + job + "] " + key + "=" + v + ": not a number");
        }
    }

    private long size(String key, long fallback) {
        String v = options.get(key);
        if (v == null) return fallback;
        try {
            return FioSize.parse(v, kbBase);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new FioJobFile.Rejected("[" + job + "] " + key + "=" + v + ": not a size like 4k, 1m or 1g");
        }
    }

    private long round512(String key, long bytes) {
        if (bytes % 512 == 0) return bytes;
        ignore(key, bytes + " bytes is not a whole number of 512-byte sectors; rounded down");
        return bytes / 512 * 512;
    }

    private void ignore(String option, String reason) {
        ignored.add(new FioImport.Ignored(job, option, reason));
    }
}
