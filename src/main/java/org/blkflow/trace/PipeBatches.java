package org.blkflow.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The order {@code blkparse -i -} prints a stream in (do_pipe() in blkparse.c): it reads 512 events
 * at a time, pushes them on a list (so the batch comes out reversed), inserts them into a tree by
 * time and sequence where equal keys go after those already there, and prints the whole batch.
 * For a stream already sorted by time and sequence, that only reverses ties within a batch; this
 * class does the same so that blkflow's text is blkparse's, line for line.
 */
final class PipeBatches implements Consumer<TraceRecord> {

    /** blkparse's RB_BATCH_DEFAULT. */
    static final int BATCH = 512;
    private static final Comparator<TraceRecord> TREE_ORDER =
            Comparator.comparingLong(TraceRecord::time).thenComparingInt(TraceRecord::device)
                    .thenComparingInt(TraceRecord::sequence);

    private final Consumer<TraceRecord> printer;
    private final List<TraceRecord> batch = new ArrayList<>(BATCH);

    PipeBatches(Consumer<TraceRecord> printer) {
        this.printer = printer;
    }

    @Override
    public void accept(TraceRecord r) {
        batch.add(r);
        if (batch.size() == BATCH) flush();
    }

    void flush() {
        Collections.reverse(batch);
        batch.sort(TREE_ORDER);
        batch.forEach(printer);
        batch.clear();
    }
}
