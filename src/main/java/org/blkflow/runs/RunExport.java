package org.blkflow.runs;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.LongStream;
import org.blkflow.engine.LockStat;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.Scenario;
import org.blkflow.trace.BlkparseWriter;
import org.blkflow.trace.BlktraceWriter;
import org.blkflow.trace.PerfettoWriter;
import org.blkflow.transition.TransitionListener;

/**
 * A whole run streamed as blkparse text, a blktrace stream or Perfetto trace-event JSON. Nothing but
 * the writers' bounded buffers is held, so a run of millions of transitions costs no more memory than
 * a short one.
 */
public enum RunExport {
    BLKPARSE("blkparse", "text/plain;charset=UTF-8", ".blkparse.txt"),
    BLKTRACE("blktrace", "application/octet-stream", ".blktrace"),
    PERFETTO("perfetto", "application/json", ".perfetto.json");

    private final String format;
    private final String contentType;
    private final String extension;

    RunExport(String format, String contentType, String extension) {
        this.format = format;
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The export for a {@code ?format=} value; null for any other value. */
    public static RunExport forFormat(String format) {
        for (RunExport e : values()) {
            if (e.format.equals(format)) return e;
        }
        return null;
    }

    public String contentType() {
        return contentType;
    }

    /** blkflow-NAME.blkparse.txt, .blktrace or .perfetto.json, the name reduced to characters safe in a header. */
    public String fileName(Scenario scenario) {
        String safe = scenario.name() == null ? "" : scenario.name().replaceAll("[^A-Za-z0-9._-]", "_");
        return "blkflow-" + (safe.isEmpty() ? "run" : safe) + extension;
    }

    /** Runs the validated scenario and writes it; the stream is flushed, not closed. */
    public void write(Scenario scenario, OutputStream out) {
        BlockLayerRun run = new BlockLayerRun(scenario, false);
        if (this == BLKTRACE) {
            BlktraceWriter writer = new BlktraceWriter(out);
            feed(run, writer);
            writer.finish();
        } else if (this == PERFETTO) {
            List<String> locks = run.lockStats().stream().map(LockStat::name).toList();
            PerfettoWriter writer = new PerfettoWriter(
                    new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                    longestStep(scenario.costs()), locks, scenario.device().count());
            feed(run, writer);
            writer.finish(run.lockStats());
        } else {
            BlkparseWriter writer = new BlkparseWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            feed(run, writer);
            writer.finish();
        }
    }

    /** The longest single step the cost table allows: where a CPU slice is cut (see trace/CpuSlices). */
    public static long longestStep(Costs c) {
        return LongStream.of(c.makeRequestNs(), c.mergeAttemptNs(), c.allocRequestNs(), c.insertNs(), c.dispatchNs(),
                c.driverNs(), c.completeNs(), c.irqNs(), c.ipiNs(), c.lockNs(), c.lockBounceNs(), c.switchNs())
                .max().orElse(0);
    }

    private static void feed(BlockLayerRun run, TransitionListener listener) {
        run.feed(listener, Long.MAX_VALUE);
    }
}
