package org.blkflow.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.blkflow.transition.Transition;

/**
 * How many bios of each size were queued (Q), reads and writes apart: the sizes a job's bssplit drew,
 * or a trace's sizes. A model run has at most 2 × 64 sizes plus bs; a replayed trace could name a
 * size per line, so sizes past the first {@link #MAX_SIZES} are only counted together.
 */
public final class BlockSizes {

    public static final int MAX_SIZES = 129;

    /** One size: its bytes and how many reads and writes of it were queued. */
    public record Row(long bytes, long reads, long writes) {
    }

    private final Map<Long, long[]> bySize = new TreeMap<>();
    private long other;

    /** Counts a Q: its sectors at its direction (rwbs with W is a write, as blkparse prints it). */
    void queued(Transition t) {
        long bytes = (long) t.sectors() * 512;
        long[] rw = bySize.get(bytes);
        if (rw == null) {
            if (bySize.size() == MAX_SIZES) {
                other++;
                return;
            }
            rw = new long[2];
            bySize.put(bytes, rw);
        }
        rw[t.rwbs() != null && t.rwbs().indexOf('W') >= 0 ? 1 : 0]++;
    }

    /** Bios of sizes beyond the first {@link #MAX_SIZES} seen (only a replayed trace has them). */
    public long other() {
        return other;
    }

    /** Smallest size first. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>(bySize.size());
        bySize.forEach((bytes, rw) -> rows.add(new Row(bytes, rw[0], rw[1])));
        return rows;
    }
}
