package org.blkflow.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntConsumer;
import org.blkflow.session.LiveSession;
import org.blkflow.session.Playback;
import org.blkflow.session.SessionModel;
import org.blkflow.session.SessionOutput;
import org.blkflow.session.SessionState;
import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One browser's simulation: its playback, its command rate and its outgoing stream. Messages leave
 * through a {@link SessionOutbox}, which never waits for the client; a client that stops reading is
 * closed with 1008 "client too slow" on the closing executor, so no shared thread waits for that
 * either.
 */
final class SessionConnection implements SessionOutput {

    private static final Logger LOG = LoggerFactory.getLogger(SessionConnection.class);
    static final CloseStatus TOO_SLOW = new CloseStatus(SessionLimits.TOO_SLOW, "client too slow");

    private final WebSocketSession socket;
    private final SessionOutbox outbox;
    private final SessionMessages messages;
    private final SessionCommands commands;
    private final Playback playback;
    private final Executor closing;
    private final IntConsumer transitionsSent;
    private final TimelineScans timelines;
    private TimelineScans.Scan timeline;
    private final SessionRate rate = new SessionRate(SessionLimits.COMMANDS_PER_SECOND, System.nanoTime());
    private final SessionRate acks = new SessionRate(SessionLimits.ACKS_PER_SECOND, System.nanoTime());
    private final CommandFrames frames = new CommandFrames();

    SessionConnection(WebSocketSession socket, SessionOutbox.Wire wire, SessionMessages messages,
                      SessionCommands commands, ScheduledExecutorService ticks, Executor closing,
                      IntConsumer transitionsSent, TimelineScans timelines) {
        this.socket = socket;
        this.outbox = new SessionOutbox(wire, this::drop);
        this.messages = messages;
        this.commands = commands;
        this.playback = new Playback(ticks, this);
        this.closing = closing;
        this.transitionsSent = transitionsSent;
        this.timelines = timelines;
    }

    void greet() {
        outbox.send(SessionSocketHandler.HELLO);
    }

    /** One piece of a text message; a command is applied once its last piece is in. */
    void receive(TextMessage piece) {
        CommandFrames.Message message = frames.add(piece.getPayload(), piece.isLast());
        if (message == null) {
            return;
        }
        if (message.oversized()) {
            error(null, "message of " + message.length() + " bytes exceeds the limit of "
                    + SessionLimits.MAX_MESSAGE_BYTES + " bytes");
            return;
        }
        boolean ack = commands.isAck(message.text());
        if (!(ack ? acks : rate).admit(System.nanoTime())) {
            error(ack ? "ack" : null, ack ? "more than " + SessionLimits.ACKS_PER_SECOND + " acks per second"
                    : "more than " + SessionLimits.COMMANDS_PER_SECOND + " commands per second");
            return;
        }
        try {
            commands.apply(message.text(), playback);
        } catch (SessionCommandError e) {
            outbox.send(messages.error(e));
        } catch (IllegalStateException | IllegalArgumentException e) {
            error(null, e.getMessage());
        } catch (RuntimeException e) {
            // A bug of ours must not cost the client its session (the container would close with 1011),
            // nor tell it which class broke: the log keeps the stack trace.
            LOG.warn("command failed: {}", message.text().length() > 200 ? message.text().substring(0, 200) : message.text(), e);
            error(null, "the command failed inside the server; the session goes on");
        }
    }

    /** Commands are JSON text; a binary message of any size is answered, once whole, with an error frame. */
    void receiveBinary(boolean last) {
        if (last) {
            error(null, "binary messages are not commands: send JSON text frames");
        }
    }

    /** The watchdog's turn: drops the client if one message has been in flight too long. */
    void checkSendTime(long nowNs) {
        outbox.checkSendTime(nowNs);
    }

    void close() {
        outbox.close();
        playback.close();
        cancelTimeline();
    }

    @Override
    public void whenSent(Runnable next) {
        outbox.whenSent(next);
    }

    /**
     * Sends loaded, then, if the load asked for it, scans the new run's timeline in the background;
     * the previous load's scan says nothing more either way.
     */
    @Override
    public void loaded(LiveSession session) {
        cancelTimeline();
        outbox.send(session.trace() != null ? messages.loaded(session.trace(), session.cpuToHctx())
                : messages.loaded(session.scenario(), session.cpuToHctx(), session.lockNames()));
        if (!session.timelineWanted()) {
            return;
        }
        TimelineScans.Scan scan = timelines.start(session,
                t -> outbox.send(messages.timeline(t, SessionLimits.MAX_SEEK)));
        synchronized (this) {
            timeline = scan;
        }
    }

    private void cancelTimeline() {
        TimelineScans.Scan old;
        synchronized (this) {
            old = timeline;
            timeline = null;
        }
        if (old != null) old.cancel();
    }

    @Override
    public void transitions(List<Transition> batch) {
        outbox.send(messages.transitions(batch, System.currentTimeMillis()));
        transitionsSent.accept(batch.size());
    }

    @Override
    public void state(SessionState state) {
        outbox.send(messages.state(state));
    }

    @Override
    public void stats(LiveSession session) {
        outbox.send(messages.stats(session.stats()));
    }

    @Override
    public void oops(LiveSession session, InvariantViolation oops) {
        outbox.send(messages.oops(oops, session.steps(), session.now()));
    }

    @Override
    public void error(String command, String message) {
        outbox.send(messages.error(new SessionCommandError(command, null, message)));
    }

    private void drop(String reason) {
        LOG.info("session {} closed with {}: {}", socket.getId(), SessionLimits.TOO_SLOW, reason);
        playback.close();
        closing.execute(() -> {
            try {
                socket.close(TOO_SLOW);
            } catch (IOException | IllegalStateException e) {
                // already gone: the container frees the session either way
            }
        });
    }
}
