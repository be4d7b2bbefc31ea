package org.blkflow.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.core.instrument.MeterRegistry;
import org.blkflow.session.SessionModel;
import org.blkflow.trace.TraceStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /ws/session} endpoint: greets each browser, then gives it a private simulation that
 * lives exactly as long as its connection. Sessions are keyed by the socket's id.
 */
@Component
public class SessionSocketHandler extends TextWebSocketHandler {

    static final String HELLO = "{\"type\":\"hello\",\"server\":\"blkflow\",\"protocol\":1}";

    private final Map<String, SessionConnection> connections = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ScheduledExecutorService ticks;
    private final Executor closing;
    private final SessionMessages messages;
    private final SessionCommands commands;
    private final int maxSessions;
    private final SessionMeters meters;

    public SessionSocketHandler(@Qualifier("sessionTicks") ScheduledExecutorService ticks,
                                @Qualifier("sessionClosing") Executor closing, SessionModel model, TraceStore traces,
                                @Value("${blkflow.session.max-sessions:500}") int maxSessions, MeterRegistry registry) {
        JsonMapper json = JsonMapper.builder().build();
        this.ticks = ticks;
        this.closing = closing;
        this.messages = new SessionMessages(json);
        this.commands = new SessionCommands(json, model, traces);
        this.maxSessions = maxSessions;
        this.meters = new SessionMeters(registry, connections::size);
        ticks.scheduleAtFixedRate(this::watchSends, 1, 1, TimeUnit.SECONDS);
    }

    /** The backstop for a send the container has not timed out itself: every second, never blocking. */
    private void watchSends() {
        long now = System.nanoTime();
        connections.values().forEach(c -> c.checkSendTime(now));
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        if (open.incrementAndGet() > maxSessions) {
            open.decrementAndGet();
            session.close(new CloseStatus(SessionLimits.TRY_AGAIN_LATER, "try again later"));
            return;
        }
        SessionConnection connection = new SessionConnection(session, new SessionWire(session), messages,
                commands, ticks, closing, meters::transitionsSent);
        connections.put(session.getId(), connection);
        connection.greet();
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        SessionConnection connection = connections.get(session.getId());
        if (connection != null) {
            connection.receive(message);
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        SessionConnection connection = connections.get(session.getId());
        if (connection != null) {
            connection.receiveBinary(message.isLast());
        }
    }

    /**
     * Pieces, not whole messages: the container then never refuses a long or fragmented command with
     * 1009 on its own, and {@link CommandFrames} answers it with an error frame instead.
     */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        meters.closed(status);
        SessionConnection connection = connections.remove(session.getId());
        if (connection != null) {
            connection.close();
            open.decrementAndGet();
        }
    }

    /** Sessions alive now; tests use it to see that closing frees one. */
    int openSessions() {
        return connections.size();
    }
}
