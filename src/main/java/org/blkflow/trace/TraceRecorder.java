package org.blkflow.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionListener;

/**
 * Turns the transitions that carry a blktrace action into {@link TraceRecord}s and hands them on in
 * the order blkparse prints them: by time, then sequence, then CPU. The model's virtual CPUs do
 * their work in zero time, so many events share a timestamp; blkparse sorts such a group by device,
 * then by its per-CPU sequence numbers, and so must we for our text and binary to agree with it line by line.
 * Only one same-time group is held at a time (at most {@link #MAX_GROUP} records).
 */
public final class TraceRecorder implements TransitionListener {

    /** Added to every model time: blkparse treats a trace starting at time 0 specially (spec §5). */
    public static final long TIME_OFFSET_NS = 1_000_000_000L;
    /** A bigger group is flushed in parts: still a valid trace, but blkparse may order it differently. */
    static final int MAX_GROUP = 1 << 16;

    private static final Comparator<TraceRecord> BLKPARSE_ORDER = Comparator.comparingInt(TraceRecord::device)
            .thenComparingInt(TraceRecord::sequence).thenComparingInt(TraceRecord::cpu);

    private final Consumer<TraceRecord> sink;
    private final List<TraceRecord> group = new ArrayList<>();
    /** The last sequence number of each device's CPUs: blktrace numbers each device's per-CPU buffer. */
    private int[][] sequences = new int[1][64];
    private long groupTime = -1;

    public TraceRecorder(Consumer<TraceRecord> sink) {
        this.sink = sink;
    }

    @Override
    public void onTransition(Transition t) {
        if (t.action() == null) {
            return;
        }
        TraceRecord r = record(t);
        if (r.time() != groupTime || group.size() >= MAX_GROUP) {
            flush();
            groupTime = r.time();
        }
        group.add(r);
    }

    /** Hands on the last group; call once after the run's last transition. */
    public void finish() {
        flush();
    }

    private void flush() {
        group.sort(BLKPARSE_ORDER);
        group.forEach(sink);
        group.clear();
    }

    private TraceRecord record(Transition t) {
        int action = BlkAction.of(t);
        String letter = BlkAction.letter(action);
        boolean payloadOnly = letter.equals("P") || letter.startsWith("U");
        long sector = payloadOnly || t.sector() < 0 ? 0 : t.sector();
        int bytes = payloadOnly || t.sectors() < 0 ? 0 : t.sectors() * 512;
        // U's payload is the depth, X's the sector the split's remainder starts at.
        long count = letter.startsWith("U") || letter.equals("X") ? Math.max(0, t.count()) : -1;
        return new TraceRecord(t.t() + TIME_OFFSET_NS, t.device(), t.cpu(), nextSequence(t.device(), t.cpu()), sector,
                bytes, action, t.pid(), t.comm(), 0, count);
    }

    private int nextSequence(int device, int cpu) {
        if (device >= sequences.length) {
            int from = sequences.length;
            sequences = Arrays.copyOf(sequences, device + 1);
            for (int d = from; d <= device; d++) sequences[d] = new int[64];
        }
        if (cpu >= sequences[device].length) {
            sequences[device] = Arrays.copyOf(sequences[device], Math.max(cpu + 1, sequences[device].length * 2));
        }
        return ++sequences[device][cpu];
    }
}
