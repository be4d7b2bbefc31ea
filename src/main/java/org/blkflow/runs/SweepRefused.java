package org.blkflow.runs;

import java.util.List;
import org.blkflow.scenario.Problem;

/**
 * A sweep that is not run: bigger than a sweep may be, or arriving while the sweep threads already
 * have all the sweeps they take. The web layer answers 413, or 429 with Retry-After.
 */
public final class SweepRefused extends RuntimeException {

    /** Why: the sweep itself is too large, or the server is busy with others and it may come back. */
    public enum Reason { TOO_LARGE, BUSY }

    private final Reason reason;
    private final transient List<Problem> problems;

    SweepRefused(Reason reason, String message, List<Problem> problems) {
        super(message);
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    /** The sweep threads already have {@code max} sweeps queued or running; this one may come back. */
    public static SweepRefused busy(int max) {
        return new SweepRefused(Reason.BUSY, max + " sweeps are already running; try again when one has finished",
                List.of());
    }

    static SweepRefused tooLarge(Problem problem) {
        return new SweepRefused(Reason.TOO_LARGE, problem.message(), List.of(problem));
    }

    public Reason reason() {
        return reason;
    }

    public List<Problem> problems() {
        return problems;
    }
}
