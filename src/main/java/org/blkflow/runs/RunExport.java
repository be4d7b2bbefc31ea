package org.blkflow.runs;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Scenario;
import org.blkflow.trace.BlkparseWriter;
import org.blkflow.trace.BlktraceWriter;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionListener;

/**
 * A whole run streamed as blkparse text or a blktrace stream. Nothing but the writers' bounded
 * buffers is held, so a run of millions of transitions costs no more memory than a short one.
 */
public enum RunExport {
    BLKPARSE("blkparse", "text/plain;charset=UTF-8", ".blkparse.txt"),
    BLKTRACE("blktrace", "application/octet-stream", ".blktrace");

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

    /** blkflow-NAME.blkparse.txt or .blktrace, the name reduced to characters safe in a header. */
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
        } else {
            BlkparseWriter writer = new BlkparseWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            feed(run, writer);
            writer.finish();
        }
    }

    private static void feed(BlockLayerRun run, TransitionListener listener) {
        for (Transition t = run.next(); t != null; t = run.next()) {
            listener.onTransition(t);
        }
    }
}
