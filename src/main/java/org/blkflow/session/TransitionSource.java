package org.blkflow.session;

import java.util.List;
import org.blkflow.engine.LockStat;
import org.blkflow.transition.Snapshot;
import org.blkflow.transition.Transition;

/**
 * What a live session reads transitions from: the model's run, or a small fake in tests. The seam
 * stays package-private so nothing outside the session can swap the model out.
 */
interface TransitionSource {

    /** The next transition, or null once the run is finished; may throw InvariantViolation. */
    Transition next();

    boolean finished();

    long steps();

    long now();

    int[] cpuToHctx();

    Snapshot snapshot();

    /** lockstat's figures so far; a replayed trace has none. */
    default List<LockStat> lockStats() {
        return List.of();
    }
}
