package org.blkflow.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;

/**
 * The whole run at a glance, for the scrubber: how long it is and where the moments worth seeing
 * are (a task sleeping for a tag or a request (S), a requeue (R), an unplug (U, UT), a queue
 * stopped or started, an OOPS). Found by running a second, headless copy of the session's run in
 * pieces, so the page can span the scrubber over the whole run before anyone has stepped there.
 * Bounded: it stops at {@code limit} steps (as far as a session may seek), and keeps at most
 * {@link #MAX_PER_MARKER} positions of each marker, the first of each equal stretch of the run.
 */
public final class RunTimeline {

    public static final List<String> MARKERS = List.of("S", "R", "U", "stop", "start", "oops");
    public static final int MAX_PER_MARKER = 1024;

    /**
     * What is known so far. A marker's position is the step just after its transition, where the
     * page shows that move as the last one drawn; an OOPS is at the step where the run stopped.
     *
     * @param complete the run ended (finished or stopped by an OOPS) within the limit; false when cut
     *                 at the limit, or while scanning
     */
    public record Snapshot(long scanned, boolean done, boolean complete, Map<String, long[]> markers) {
    }

    private final TransitionSource source;
    private final long limit;
    private final Map<String, MarkerLine> lines = new LinkedHashMap<>();
    private boolean done;
    private boolean complete;

    RunTimeline(TransitionSource source, long limit) {
        this.source = source;
        this.limit = limit;
        MARKERS.forEach(m -> lines.put(m, new MarkerLine(MAX_PER_MARKER)));
    }

    /** Runs at most {@code n} more transitions; true once the whole timeline is known. */
    public boolean advance(int n) {
        for (int i = 0; i < n && !done; i++) {
            if (source.steps() >= limit) {
                done = true;
                break;
            }
            Transition t;
            try {
                t = source.next();
            } catch (InvariantViolation v) {
                lines.get("oops").add(source.steps());
                done = complete = true;
                break;
            }
            if (t == null) {
                done = complete = true;
                break;
            }
            String marker = markerOf(t);
            if (marker != null) {
                lines.get(marker).add(source.steps());
            }
        }
        return done;
    }

    public Snapshot snapshot() {
        Map<String, long[]> markers = new LinkedHashMap<>();
        lines.forEach((name, line) -> markers.put(name, line.positions()));
        return new Snapshot(source.steps(), done, complete, markers);
    }

    private static String markerOf(Transition t) {
        if (t.kind() == TransitionKind.HCTX_STOP) return "stop";
        if (t.kind() == TransitionKind.HCTX_START) return "start";
        String a = t.action();
        if (a == null) return null;
        return switch (a) {
            case "S", "R" -> a;
            case "U", "UT" -> "U";
            default -> null;
        };
    }
}
