package org.blkflow.fio;

import static org.blkflow.scenario.ScenarioFields.BS;
import static org.blkflow.scenario.ScenarioFields.BSSPLIT;
import static org.blkflow.scenario.ScenarioFields.BSSPLIT_WRITE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blkflow.input.BoundedNumber;
import org.blkflow.scenario.BsSplit;
import org.blkflow.scenario.JobDraft;

/**
 * fio's block sizes, each written {@code reads,writes[,trims]}: {@code bs}, then
 * {@code blocksize_range}/{@code bsrange}, then {@code bssplit}, a later one overriding an earlier
 * one as fio's get_next_buflen() prefers bssplit to a range and a range to one size. A direction
 * with a range or a split becomes a block-size mix ({@code bssplit} for reads, {@code bssplitWrite}
 * for writes when they differ); every size must be a bio the model can issue whole.
 */
final class FioBlockSizes {

    private final FioOption read;
    private final Map<String, String> options;

    FioBlockSizes(FioOption read, Map<String, String> options) {
        this.read = read;
        this.options = options;
    }

    void apply(JobDraft d) {
        List<BsSplit> reads = null;
        List<BsSplit> writes = null;
        String key = options.containsKey("bs") ? "bs" : "blocksize";
        if (options.containsKey(key)) {
            String[] dirs = options.get(key).split(",", -1);
            d.set(BS, (int) read.sized(key, dirs[0], 1, read.maxBs()));
            if (dirs.length > 1 && !dirs[1].isBlank()) writes = List.of(new BsSplit(size(key, dirs[1]), 100));
            if (dirs.length > 2) read.ignore(key, "trim sizes are not modelled");
        }
        String rangeKey = options.containsKey("blocksize_range") ? "blocksize_range" : "bsrange";
        if (options.containsKey(rangeKey)) {
            String[] dirs = options.get(rangeKey).split(",", -1);
            if (!dirs[0].isBlank()) reads = range(rangeKey, dirs[0]);
            if (dirs.length > 1 && !dirs[1].isBlank()) writes = range(rangeKey, dirs[1]);
        }
        if (options.containsKey("bssplit")) {
            String[] dirs = options.get("bssplit").split(",", -1);
            if (!dirs[0].isBlank()) reads = split(dirs[0]);
            if (dirs.length > 1 && !dirs[1].isBlank()) writes = split(dirs[1]);
            if (dirs.length > 2) read.ignore("bssplit", "trim sizes are not modelled");
        }
        if (writes != null && writes.equals(reads)) writes = null;
        if (reads == null && writes != null) reads = List.of(new BsSplit(d.get(BS), 100));
        d.set(BSSPLIT, reads);
        d.set(BSSPLIT_WRITE, writes);
    }

    /** The mean bytes of a read (or, without a read mix, of one bs): size / this is fio's number of I/Os. */
    static long meanBytes(JobDraft d) {
        List<BsSplit> mix = d.get(BSSPLIT);
        if (mix == null) return Math.max(512, d.get(BS));
        long weighted = 0;
        for (BsSplit e : mix) weighted += (long) e.bs() * e.percent();
        return Math.max(512, weighted / 100);
    }

    /**
     * "4k/50:8k/30:64k" — entries without a percent share what the others leave, as fio does; the
     * remainder of that division goes to the first of them, so the shares sum to exactly 100.
     */
    private List<BsSplit> split(String text) {
        String[] parts = text.split(":", BsSplit.MAX_ENTRIES + 1);
        if (parts.length > BsSplit.MAX_ENTRIES) {
            throw read.rejected("bssplit", text, "lists more than " + BsSplit.MAX_ENTRIES + " sizes (fio's BSSPLIT_MAX)");
        }
        int[] sizes = new int[parts.length];
        int[] shares = new int[parts.length];
        int given = 0;
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String[] sizeShare = parts[i].split("/", -1);
            sizes[i] = size("bssplit", sizeShare[0]);
            if (sizeShare.length > 1 && !sizeShare[1].isBlank()) {
                String share = sizeShare[1].strip();
                shares[i] = (int) (long) read.checked("bssplit", share, () -> BoundedNumber.parse("bssplit", share, 0, 100));
                given += shares[i];
            } else {
                missing.add(i);
            }
        }
        if (given > 100 || (missing.isEmpty() && given != 100)) {
            throw read.rejected("bssplit", text, "the percentages add up to " + given + ", not 100");
        }
        for (int m = 0; m < missing.size(); m++) {
            shares[missing.get(m)] = (100 - given) / missing.size() + (m < (100 - given) % missing.size() ? 1 : 0);
        }
        List<BsSplit> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) out.add(new BsSplit(sizes[i], shares[i]));
        return out;
    }

    /**
     * "8k-64k": fio draws a size between the ends, aligned to the low end; here every multiple of the
     * low end from it to the high end, in equal whole shares (the first ones get the remainder of
     * 100 / n). Past 64 sizes the step grows, and the report says so.
     */
    private List<BsSplit> range(String key, String text) {
        String[] ends = text.split("-", -1);
        int lo = size(key, ends[0]);
        int hi = ends.length > 1 ? size(key, ends[1]) : lo;
        if (hi < lo) throw read.rejected(key, text, "the high end must not be below the low end");
        long count = (long) (hi - lo) / lo + 1;
        long step = (long) lo * ((count + BsSplit.MAX_ENTRIES - 1) / BsSplit.MAX_ENTRIES);
        int n = (int) ((hi - lo) / step + 1);
        if (step > lo) {
            read.ignore(key, "'" + text + "' has " + count + " sizes, more than a mix holds: drawn from "
                    + n + " sizes " + step + " bytes apart");
        }
        List<BsSplit> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new BsSplit((int) (lo + i * step), 100 / n + (i < 100 % n ? 1 : 0)));
        return out;
    }

    /** One size in bytes: a whole number of 512-byte sectors, at most the largest bio the kernel read for issues. */
    private int size(String key, String text) {
        int bytes = (int) read.sized(key, text, 1, read.maxBs());
        if (bytes % 512 != 0) throw read.rejected(key, text, "must be a multiple of 512 bytes (the model issues whole sectors)");
        return bytes;
    }
}
