package org.blkflow.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client against the test server on 127.0.0.1: status and parsed JSON body. */
final class Http {

    record Reply(int status, JsonNode body) {
    }

    /** A reply read as text, for bodies that are not one JSON document (NDJSON). */
    record TextReply(int status, String contentType, String body) {
    }

    private static final JsonMapper JSON = new JsonMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;

    Http(int port) {
        this.port = port;
    }

    Reply get(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    Reply post(String pathAndQuery, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    TextReply postText(String pathAndQuery, String json) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        return new TextReply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
    }
}
