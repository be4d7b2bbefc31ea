package org.blkflow.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client on 127.0.0.1 that collects the server's messages as JSON trees. */
final class SessionClient implements WebSocket.Listener, AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    SessionClient(int port) throws Exception {
        this(port, "http://localhost:" + port);
    }

    SessionClient(int port, String origin) throws Exception {
        socket = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().newWebSocketBuilder()
                .header("Origin", origin)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/session"), this)
                .get(10, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.completeExceptionally(error);
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** One message sent as several WebSocket fragments (a continuation frame per piece). */
    void sendPieces(String... pieces) {
        for (int i = 0; i < pieces.length; i++) {
            socket.sendText(pieces[i], i == pieces.length - 1).join();
        }
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
    }

    JsonNode next() throws InterruptedException {
        JsonNode m = received.poll(20, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no message from the server within 20 s");
        }
        return m;
    }

    /** The next message of this type, skipping others (stats while playing, say). */
    JsonNode next(String type) throws InterruptedException {
        for (;;) {
            JsonNode m = next();
            if (type.equals(m.get("type").stringValue())) {
                return m;
            }
        }
    }

    /** The transitions delivered up to the next state message, whose stats message is consumed too. */
    List<JsonNode> itemsUntilState() throws Exception {
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode m = next(); ; m = next()) {
            String type = m.get("type").stringValue();
            if (type.equals("transitions")) {
                m.get("items").values().forEach(items::add);
            } else if (type.equals("state")) {
                org.junit.jupiter.api.Assertions.assertEquals("stats", next().get("type").stringValue());
                return items;
            }
        }
    }

    /** Closes from our side, unless the server already closed (its close frame may still be in flight). */
    @Override
    public void close() {
        if (socket.isOutputClosed()) return;
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        } catch (java.util.concurrent.CompletionException e) {
            if (!closed.isDone()) throw e;
        }
    }
}
