package org.blkflow.trace;

/** blkparse's struct io_stats: what one CPU queued, dispatched, requeued, completed and merged. */
final class IoStats {

    final long[] queued = new long[2];
    final long[] queuedKb = new long[2];
    final long[] dispatched = new long[2];
    final long[] dispatchedKb = new long[2];
    final long[] requeued = new long[2];
    final long[] completed = new long[2];
    final long[] completedKb = new long[2];
    final long[] merged = new long[2];
    final long[] mergedKb = new long[2];
    long ioUnplugs;
    long timerUnplugs;
    /** Events seen on this CPU, shown or not (blkparse's nelems): a CPU with none gets no block. */
    long events;

    /** Mirrors dump_trace_fs()'s accounting; index 1 is writes. */
    void account(TraceRecord r) {
        int w = BlkAction.isWrite(r.action()) ? 1 : 0;
        long kb = r.bytes() >> 10;
        events++;
        switch (r.letter()) {
            case "Q" -> { queued[w]++; queuedKb[w] += kb; }
            case "M", "F" -> { merged[w]++; mergedKb[w] += kb; }
            case "D" -> { dispatched[w]++; dispatchedKb[w] += kb; }
            case "R" -> { requeued[w]++; dispatchedKb[w] -= kb; }
            case "C" -> { completed[w]++; completedKb[w] += kb; }
            case "U" -> ioUnplugs++;
            case "UT" -> timerUnplugs++;
            default -> { }
        }
    }

    void add(IoStats o) {
        for (int w = 0; w < 2; w++) {
            queued[w] += o.queued[w];
            queuedKb[w] += o.queuedKb[w];
            dispatched[w] += o.dispatched[w];
            dispatchedKb[w] += o.dispatchedKb[w];
            requeued[w] += o.requeued[w];
            completed[w] += o.completed[w];
            completedKb[w] += o.completedKb[w];
            merged[w] += o.merged[w];
            mergedKb[w] += o.mergedKb[w];
        }
        ioUnplugs += o.ioUnplugs;
        timerUnplugs += o.timerUnplugs;
        events += o.events;
    }
}
