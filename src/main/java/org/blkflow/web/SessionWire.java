package org.blkflow.web;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.util.function.Consumer;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.WebSocketSession;

/**
 * The container's own asynchronous send (JSR 356 {@code getAsyncRemote()}), under Spring's session.
 * Spring's {@code ConcurrentWebSocketSessionDecorator} serialises sends but makes them on the
 * caller's thread with the blocking remote, so a client that stops reading would hold a shared play
 * thread for Tomcat's whole blocking timeout; this never holds any thread.
 */
final class SessionWire implements SessionOutbox.Wire {

    private final RemoteEndpoint.Async remote;

    SessionWire(WebSocketSession session) {
        Session target = ((NativeWebSocketSession) session).getNativeSession(Session.class);
        this.remote = target.getAsyncRemote();
        // Tomcat gives up the write itself after this; the outbox's watchdog is the backstop.
        this.remote.setSendTimeout(SessionLimits.SEND_TIME_LIMIT_MS);
    }

    @Override
    public void send(String text, Consumer<Throwable> done) {
        remote.sendText(text, result -> done.accept(result.isOK() ? null : result.getException()));
    }
}
