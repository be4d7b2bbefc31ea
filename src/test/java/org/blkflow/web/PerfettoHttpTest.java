package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.blkflow.scenario.Presets;
import org.blkflow.trace.TraceEventChecker;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** POST /api/runs?format=perfetto through the real server: a trace Perfetto opens, as a file on request. */
class PerfettoHttpTest extends HttpApiTest {

    static final JsonMapper JSON = new JsonMapper();

    HttpResponse<byte[]> post(String query, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + query))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void perfettoExportIsAValidTraceAndAnAttachmentOnRequest() throws Exception {
        String scenario = ScenarioJsonWriter.write(Presets.all().get(0).scenario()).toString();
        HttpResponse<byte[]> r = post("/api/runs?format=perfetto&download=1", scenario);
        assertEquals(200, r.statusCode(), new String(r.body()));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        String disposition = r.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.matches("attachment; filename=\"blkflow-[A-Za-z0-9._-]+\\.perfetto\\.json\""), disposition);
        JsonNode doc = JSON.readTree(r.body());
        assertEquals(List.of(), TraceEventChecker.check(doc));
        assertTrue(doc.get("traceEvents").size() > 100);
    }

    @Test
    void anUnknownFormatNamesPerfettoAmongTheAllowedOnes() throws Exception {
        HttpResponse<byte[]> r = post("/api/runs?format=chrome", "{}");
        assertEquals(400, r.statusCode());
        JsonNode body = JSON.readTree(r.body());
        assertEquals("format", body.get("problems").get(0).get("field").asString());
        assertTrue(body.get("problems").get(0).get("message").asString().contains("perfetto"), body.toString());
    }
}
