package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import org.blkflow.scenario.Presets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Export, import, fio and sysfs endpoints through a real server on loopback. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FormatsHttpTest {

    static final JsonMapper JSON = new JsonMapper();
    final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    HttpResponse<byte[]> post(String path, String contentType, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode json(HttpResponse<byte[]> r) throws Exception {
        return JSON.readTree(r.body());
    }

    String scenario() {
        var o = ScenarioJsonWriter.write(Presets.all().get(0).scenario());
        o.put("name", "my run/" + o.get("name").stringValue());
        return o.toString();
    }

    @Test
    void blkparseExportIsTextAndBecomesAnAttachmentOnRequest() throws Exception {
        HttpResponse<byte[]> r = post("/api/runs?format=blkparse&download=1", "application/json", scenario());
        assertEquals(200, r.statusCode(), new String(r.body()));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String disposition = r.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.matches("attachment; filename=\"blkflow-my_run_[A-Za-z0-9._-]*\\.blkparse\\.txt\""), disposition);
        String text = new String(r.body());
        assertTrue(text.startsWith("  8,0    "), text.substring(0, 40));
        assertTrue(text.contains("\nEvents (8,0): "), text);
        // The text imports back with nothing left unread but the summary.
        HttpResponse<byte[]> imported = post("/api/traces", "text/plain", text);
        assertEquals(201, imported.statusCode());
        assertEquals(0, json(imported).get("warnings").size(), new String(imported.body()));
    }

    @Test
    void blktraceExportIsBinaryWithTheVersion7Magic() throws Exception {
        HttpResponse<byte[]> r = post("/api/runs?format=blktrace&download=1", "application/json", scenario());
        assertEquals(200, r.statusCode());
        assertEquals("application/octet-stream", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").endsWith(".blktrace\""));
        assertEquals(0x65617407, ByteBuffer.wrap(r.body()).getInt());
        HttpResponse<byte[]> plain = post("/api/runs?format=blktrace", "application/json", scenario());
        assertTrue(plain.headers().firstValue("Content-Disposition").isEmpty());
        assertEquals(400, post("/api/runs?format=csv", "application/json", scenario()).statusCode());
    }

    @Test
    void importedTracesAreKeptUnderAnUnguessableId() throws Exception {
        String text = "  8,0    1        1     0.000000000  42  Q  WS 8 + 8 [dd]\n  8,0    1        2     0.000001000"
                + "  42  D  WS 8 + 8 [dd]\nrubbish\n";
        HttpResponse<byte[]> r = post("/api/traces", "text/plain", text);
        assertEquals(201, r.statusCode());
        JsonNode body = json(r);
        String id = body.get("id").stringValue();
        assertTrue(id.matches("[0-9a-f]{32}"), id);
        assertEquals(2, body.get("stats").get("parsed").intValue());
        assertEquals(1, body.get("stats").get("actions").get("Q").intValue());
        assertEquals(3, body.get("warnings").get(0).get("line").intValue());
        HttpResponse<byte[]> again = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/traces/" + id)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(body.get("stats"), json(again).get("stats"));
        assertEquals(404, client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/traces/0123")).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode());
    }

    @Test
    void importRefusesTextWithoutEventsAndBodiesOver8MiB() throws Exception {
        HttpResponse<byte[]> none = post("/api/traces", "text/plain", "hello\nworld\n");
        assertEquals(400, none.statusCode());
        assertTrue(json(none).get("message").stringValue().contains("line 1"), new String(none.body()));
        // Chunked, so the server reads the whole (8 MiB + 1) body before answering instead of
        // refusing on Content-Length while the client is still writing.
        byte[] big = "x".repeat(8 * 1024 * 1024 + 1).getBytes();
        HttpResponse<byte[]> tooBig = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/traces"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(413, tooBig.statusCode());
    }

    @Test
    void fioJobFilesBecomeScenarioJobs() throws Exception {
        HttpResponse<byte[]> r = post("/api/fio", "text/plain", "[global]\nbs=8k\n[w]\nrw=randwrite\nnumjobs=2\nruntime=5\n");
        assertEquals(200, r.statusCode(), new String(r.body()));
        JsonNode job = json(r).get("jobs").get(0);
        assertEquals("randwrite", job.get("rw").stringValue());
        assertEquals(8192, job.get("bs").intValue());
        assertEquals(2, job.get("cpus").size());
        assertEquals("runtime", json(r).get("ignored").get(0).get("option").stringValue());
        assertEquals(400, post("/api/fio", "text/plain", "{\"not\": \"fio\"}").statusCode());
    }

    @Test
    void fioReadsIoUringWithHipriForTheKernelItIsAskedFor() throws Exception {
        String file = "[poll]\nioengine=io_uring\nhipri\nrw=randread\niodepth=4\n";
        HttpResponse<byte[]> modern = post("/api/fio?kernel=7.0", "text/plain", file);
        assertEquals(200, modern.statusCode(), new String(modern.body()));
        JsonNode job = json(modern).get("jobs").get(0);
        assertEquals("io_uring", job.get("ioengine").stringValue());
        assertTrue(job.get("hipri").booleanValue(), job.toString());
        assertEquals(0, json(modern).get("ignored").size(), json(modern).toString());
        HttpResponse<byte[]> old = post("/api/fio", "text/plain", file);
        assertEquals(200, old.statusCode(), new String(old.body()));
        assertEquals("libaio", json(old).get("jobs").get(0).get("ioengine").stringValue());
        List<String> ignored = new java.util.ArrayList<>();
        json(old).get("ignored").forEach(i -> ignored.add(i.get("option").stringValue()));
        assertEquals(List.of("ioengine", "hipri"), ignored, "3.16 says why io_uring and hipri do nothing");
        HttpResponse<byte[]> bad = post("/api/fio?kernel=2.6", "text/plain", file);
        assertEquals(400, bad.statusCode());
        assertEquals("kernel", json(bad).get("problems").get(0).get("field").stringValue(), new String(bad.body()));
        assertTrue(json(bad).get("message").stringValue().contains("3.16, 7.0"), new String(bad.body()));
    }

    @Test
    void sysfsCpuListsBecomeAMap() throws Exception {
        HttpResponse<byte[]> r = post("/api/mapping/sysfs", "text/plain", "0: 2-3\n1: 0,1\n");
        assertEquals(200, r.statusCode(), new String(r.body()));
        assertEquals("[1,1,0,0]", json(r).get("cpuToHctx").toString());
        HttpResponse<byte[]> twice = post("/api/mapping/sysfs", "text/plain", "0: 0-1\n1: 1\n");
        assertEquals(400, twice.statusCode());
        assertTrue(json(twice).get("message").stringValue().startsWith("line 2:"), new String(twice.body()));
    }
}
