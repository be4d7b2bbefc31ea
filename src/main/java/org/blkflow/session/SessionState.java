package org.blkflow.session;

import org.blkflow.model.Snapshot;

/**
 * What a client is told after load, seek, reset, pause, a breakpoint, a step or the end of a run.
 *
 * @param snapshot present after load, seek and reset, when the client redraws from scratch; else null
 */
public record SessionState(long step, long t, boolean playing, boolean finished, Reason reason,
                           Snapshot snapshot) {

    /** Why the state message is sent; spelled in lower case on the wire. */
    public enum Reason {
        LOAD, SEEK, PAUSE, BREAKPOINT, STEP, FINISHED, RESET;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
