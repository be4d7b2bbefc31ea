package org.blkflow.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionListener;

/**
 * Writes a run as blkparse's default text (process_default() in blkparse_fmt.c), each line on its own
 * device ({@link DeviceNumber}: 8,0 for one device), time relative to the first event, then the summary. It prints what {@code blkparse -i -} prints for
 * the stream {@link BlktraceWriter} writes, line by line.
 */
public final class BlkparseWriter implements TransitionListener {

    /** TASK_COMM_LEN - 1: the kernel and blkparse keep 15 characters of a name. */
    static final int COMM_CHARS = 15;

    private final Writer out;
    private final PipeBatches batches = new PipeBatches(this::write);
    private final TraceRecorder recorder = new TraceRecorder(batches);
    private final BlkparseSummary summary = new BlkparseSummary();
    private final Map<Integer, String> names = new HashMap<>();
    private final StringBuilder line = new StringBuilder(96);
    private long genesis = -1;

    public BlkparseWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void onTransition(Transition t) {
        recorder.onTransition(t);
    }

    /** Writes what is still held, then the summary, and flushes. */
    public void finish() {
        recorder.finish();
        batches.flush();
        try {
            out.write(summary.render());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(TraceRecord r) {
        if (genesis < 0) genesis = r.time();
        long time = r.time() - genesis;
        summary.account(r, time);
        line.setLength(0);
        prefix(r, time);
        payload(r);
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "%3d,%-3d %2d %8d %5d.%09lu %5u %2s %3s " */
    private void prefix(TraceRecord r, long time) {
        left(line, Integer.toString(DeviceNumber.MAJOR), 3).append(',');
        right(line, Integer.toString(DeviceNumber.minor(r.device())), 3).append(' ');
        left(line, Integer.toString(r.cpu()), 2).append(' ');
        left(line, Integer.toString(r.sequence()), 8).append(' ');
        left(line, Long.toString(time / 1_000_000_000L), 5).append('.');
        String ns = Long.toString(time % 1_000_000_000L);
        line.append("0".repeat(9 - ns.length())).append(ns).append(' ');
        left(line, Integer.toString(r.pid()), 5).append(' ');
        left(line, r.letter(), 2).append(' ');
        left(line, r.rwbs(), 3).append(' ');
    }

    private void payload(TraceRecord r) {
        String name = names.computeIfAbsent(r.pid(), p -> shorten(r.comm()));
        switch (r.letter()) {
            case "C", "R" -> range(r).append(" [").append(r.error()).append(']');
            case "P" -> line.append('[').append(name).append(']');
            case "U", "UT" -> line.append('[').append(name).append("] ").append(r.count());
            case "X" -> line.append(r.sector()).append(" / ").append(r.count()).append(" [").append(name).append(']');
            default -> range(r).append(" [").append(name).append(']');
        }
        line.append('\n');
    }

    private StringBuilder range(TraceRecord r) {
        return line.append(r.sector()).append(" + ").append(r.bytes() >> 9);
    }

    static String shorten(String comm) {
        if (comm == null) return "(null)";
        return comm.length() > COMM_CHARS ? comm.substring(0, COMM_CHARS) : comm;
    }

    private static StringBuilder left(StringBuilder s, String v, int width) {
        for (int i = v.length(); i < width; i++) s.append(' ');
        return s.append(v);
    }

    private static StringBuilder right(StringBuilder s, String v, int width) {
        s.append(v);
        for (int i = v.length(); i < width; i++) s.append(' ');
        return s;
    }
}
