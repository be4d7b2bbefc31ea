package org.blkflow.web;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.blkflow.session.LiveSession;
import org.blkflow.session.Playback;
import org.blkflow.session.SessionModel;
import org.blkflow.session.SessionOutput;
import org.blkflow.session.SessionState;
import org.blkflow.trace.TraceStore;
import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Transition;
import tools.jackson.databind.json.JsonMapper;

/**
 * Any text as a session command, applied to a session with a small scenario loaded: it is applied or
 * refused as an error frame would say (SessionCommandError, or the playback's IllegalState/Argument),
 * which is exactly what SessionConnection turns into an error frame; anything else would have closed
 * the socket. Seeds: SessionCommandsFuzzTestInputs/; fuzz with JAZZER_FUZZ=1 (see README).
 */
class SessionCommandsFuzzTest {

    private static final ScheduledExecutorService TICKS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fuzz-ticks");
        t.setDaemon(true);
        return t;
    });
    private static final SessionCommands COMMANDS = new SessionCommands(JsonMapper.builder().build(),
            new SessionModel(), new TraceStore());

    @FuzzTest(maxDuration = "2m")
    void anyCommandIsAppliedOrAnErrorFrame(byte[] input) {
        Playback playback = new Playback(TICKS, new Discard());
        try {
            COMMANDS.apply("{\"cmd\":\"load\",\"link\":\"/?v=1&cpus=2\"}", playback);
            COMMANDS.apply(new String(input, StandardCharsets.UTF_8), playback);
        } catch (SessionCommandError | IllegalStateException | IllegalArgumentException e) {
            // an error frame, and the session goes on
        } finally {
            playback.close();
        }
    }

    /** Every message dropped; sends count as taken at once. */
    static final class Discard implements SessionOutput {
        @Override public void whenSent(Runnable next) { next.run(); }
        @Override public void loaded(LiveSession session) { }
        @Override public void transitions(List<Transition> batch) { }
        @Override public void state(SessionState state) { }
        @Override public void stats(LiveSession session) { }
        @Override public void oops(LiveSession session, InvariantViolation oops) { }
        @Override public void error(String command, String message) { }
    }
}
