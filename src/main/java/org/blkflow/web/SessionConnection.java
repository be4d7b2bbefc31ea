package org.blkflow.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.blkflow.session.LiveSession;
import org.blkflow.session.Playback;
import org.blkflow.session.SessionOutput;
import org.blkflow.session.SessionState;
import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Transition;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;

/**
 * One browser's simulation: its playback, its command rate and its serialised outgoing stream.
 * Sends go through {@link ConcurrentWebSocketSessionDecorator}, whose time and buffer limits drop
 * a client that stops reading without affecting anyone else.
 */
final class SessionConnection implements SessionOutput {

    private final ConcurrentWebSocketSessionDecorator socket;
    private final SessionMessages messages;
    private final SessionCommands commands;
    private final Playback playback;
    private final SessionRate rate = new SessionRate(SessionLimits.COMMANDS_PER_SECOND, System.nanoTime());

    SessionConnection(WebSocketSession socket, SessionMessages messages, SessionCommands commands,
                      ScheduledExecutorService ticks) {
        this.socket = new ConcurrentWebSocketSessionDecorator(socket,
                SessionLimits.SEND_TIME_LIMIT_MS, SessionLimits.SEND_BUFFER_LIMIT_BYTES);
        this.messages = messages;
        this.commands = commands;
        this.playback = new Playback(ticks, this);
    }

    void greet() {
        send(SessionSocketHandler.HELLO);
    }

    void receive(TextMessage message) {
        if (message.getPayloadLength() > SessionLimits.MAX_MESSAGE_BYTES) {
            error(null, null, "message of " + message.getPayloadLength() + " bytes exceeds the limit of "
                    + SessionLimits.MAX_MESSAGE_BYTES + " bytes");
            return;
        }
        if (!rate.admit(System.nanoTime())) {
            error(null, null, "more than " + SessionLimits.COMMANDS_PER_SECOND + " commands per second");
            return;
        }
        try {
            commands.apply(message.getPayload(), playback);
        } catch (SessionCommandError e) {
            error(e.command(), e.field(), e.getMessage());
        } catch (IllegalStateException | IllegalArgumentException e) {
            error(null, null, e.getMessage());
        }
    }

    void close() {
        playback.close();
    }

    @Override
    public boolean ready() {
        return socket.isOpen() && socket.getBufferSize() == 0 && socket.getTimeSinceSendStarted() == 0;
    }

    @Override
    public void loaded(LiveSession session) {
        send(messages.loaded(session.scenario(), session.cpuToHctx(), null));
    }

    @Override
    public void transitions(List<Transition> batch) {
        send(messages.transitions(batch, System.currentTimeMillis()));
    }

    @Override
    public void state(SessionState state) {
        send(messages.state(state));
    }

    @Override
    public void stats(LiveSession session) {
        send(messages.stats(session.steps(), session.now()));
    }

    @Override
    public void oops(LiveSession session, InvariantViolation oops) {
        send(messages.oops(oops, session.steps(), session.now()));
    }

    @Override
    public void error(String command, String message) {
        error(command, null, message);
    }

    private void error(String command, String field, String message) {
        send(messages.error(message, command, field));
    }

    private void send(String text) {
        try {
            socket.sendMessage(new TextMessage(text));
        } catch (SessionLimitExceededException e) {
            drop(e.getStatus());
        } catch (IOException | IllegalStateException e) {
            drop(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    private void drop(CloseStatus status) {
        playback.close();
        try {
            socket.close(status);
        } catch (IOException e) {
            // already gone: nothing left to free but the playback, done above
        }
    }
}
