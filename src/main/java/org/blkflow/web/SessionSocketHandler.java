package org.blkflow.web;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** Greets each browser so the page can show that its stream is live. */
@Component
public class SessionSocketHandler extends TextWebSocketHandler {

    static final String HELLO = "{\"type\":\"hello\",\"server\":\"blkflow\",\"protocol\":1}";

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        session.sendMessage(new TextMessage(HELLO));
    }
}
