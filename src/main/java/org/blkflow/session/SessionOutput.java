package org.blkflow.session;

import java.util.List;
import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Transition;

/**
 * Where a {@link Playback} sends what it produces; the web layer turns each call into one message.
 * Calls arrive in order, one at a time.
 */
public interface SessionOutput {

    /** True when the previous batch has left the send buffer: play enqueues nothing until then. */
    boolean ready();

    void loaded(LiveSession session);

    void transitions(List<Transition> batch);

    void state(SessionState state);

    void stats(LiveSession session);

    void oops(LiveSession session, InvariantViolation oops);

    /** Something other than the model's invariants failed; the session goes on. */
    void error(String command, String message);
}
