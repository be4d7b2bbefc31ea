package org.blkflow.session;

import java.util.List;
import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Transition;

/**
 * Where a {@link Playback} sends what it produces; the web layer turns each call into one message.
 * Calls arrive in order, one at a time, and none may block: a slow client is the output's problem.
 */
public interface SessionOutput {

    /**
     * Runs {@code next} once every message so far has left for the client: at once if it already has,
     * else on whichever thread sees the last one go. Never runs it if the client is dropped first.
     */
    void whenSent(Runnable next);

    void loaded(LiveSession session);

    void transitions(List<Transition> batch);

    void state(SessionState state);

    void stats(LiveSession session);

    void oops(LiveSession session, InvariantViolation oops);

    /** Something other than the model's invariants failed; the session goes on. */
    void error(String command, String message);
}
