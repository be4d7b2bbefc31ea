package org.blkflow.session;

import java.util.List;
import org.blkflow.transition.LockHolders;
import org.blkflow.transition.Snapshot;

/**
 * What a client is told after load, seek, reset, pause, a breakpoint, a step or the end of a run.
 *
 * @param snapshot present after load, seek and reset, when the client redraws from scratch; else null
 * @param locks    with a snapshot: each lock's holder and spinners at that step
 */
public record SessionState(long step, long t, boolean playing, boolean finished, Reason reason,
                           Snapshot snapshot, List<LockHolders.Held> locks) {

    /** A state without locks (a replayed trace, or a message that redraws nothing). */
    public SessionState(long step, long t, boolean playing, boolean finished, Reason reason, Snapshot snapshot) {
        this(step, t, playing, finished, reason, snapshot, List.of());
    }

    /** Why the state message is sent; spelled in lower case on the wire. */
    public enum Reason {
        LOAD, SEEK, PAUSE, BREAKPOINT, STEP, FINISHED, RESET;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
