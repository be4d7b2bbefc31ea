package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #11's reproducers, one request each, through the real server: every one is a 4xx naming the
 * field and what is allowed, never a 5xx, a heap filled or a Java class name.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputHttpTest extends HttpApiTest {

    private static final JsonMapper JSON = new JsonMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Defect 3: each of these pinned the 1 GiB heap for seconds, then answered 500. */
    @Test
    void rangesThatOverflowAreRefusedBeforeAnythingIsAllocated() throws Exception {
        Http.Reply link = http.get("/api/scenario?v=1&job=fio,cpus:-2147483648-2147483647");
        assertEquals(400, link.status(), String.valueOf(link.body()));
        assertEquals("job[0].cpus", link.body().get("problems").get(0).get("field").stringValue());
        assertTrue(link.body().get("message").stringValue().contains("between 0 and 63"), link.body().toString());

        Reply fio = text("/api/fio", "text/plain", "[j]\nnumjobs=1g\n");
        assertEquals(400, fio.status, fio.body);
        assertEquals("j.numjobs", json(fio).get("problems").get(0).get("field").stringValue());
        assertTrue(fio.body.contains("between 1 and 64"), fio.body);

        Reply sysfs = text("/api/mapping/sysfs", "text/plain", "2147483647: 0\n");
        assertEquals(400, sysfs.status, sysfs.body);
        assertTrue(sysfs.body.contains("between 0 and 4095"), sysfs.body);
    }

    /** Defects 4, 5 and 6: numeric overflow in a trace, a fio file or a sysfs dump answered 500. */
    @Test
    void numericOverflowInAnUploadIsA400() throws Exception {
        Reply trace = text("/api/traces", "text/plain", "  8,0    2147483648  1  0.000000000 1003 Q R 0 + 8 [fio]\n");
        assertEquals(400, trace.status, trace.body);
        assertTrue(trace.body.contains("cpu '2147483648' must be a whole number between 0 and 8191"), trace.body);
        for (String option : new String[] {"iodepth=100000000t", "numjobs=9999999999t", "bs=8388608t", "bs=,",
                "bssplit=/", "blocksize_range=-"}) {
            Reply fio = text("/api/fio", "text/plain", "[j]\n" + option + "\n");
            assertEquals(400, fio.status, option + " → " + fio.body);
            assertEquals("j." + option.substring(0, option.indexOf('=')),
                    json(fio).get("problems").get(0).get("field").stringValue());
        }
        Reply sysfs = text("/api/mapping/sysfs", "text/plain", "2147483648: 0\n");
        assertEquals(400, sysfs.status, sysfs.body);
    }

    /** Defect 9: a multipart body without a boundary answered 500 on every POST endpoint. */
    @Test
    void multipartWithoutABoundaryIsA4xxEverywhere() throws Exception {
        for (String path : new String[] {"/api/runs", "/api/sweeps", "/api/scenario/link", "/api/fio", "/api/traces",
                "/api/mapping/sysfs"}) {
            Reply r = text(path, "multipart/form-data", "--x\r\n\r\nhello\r\n--x--\r\n");
            assertTrue(r.status >= 400 && r.status < 500, path + " → " + r.status + " " + r.body);
            assertFalse(r.body.contains("Exception"), r.body);
        }
    }

    /** Defect 11: a 4 KB link answered with 5.2 MB of problems, a 240 KB POST with 12 MB. */
    @Test
    void errorBodiesListAtMostTwentyProblemsAndCountTheRest() throws Exception {
        Http.Reply link = http.get("/api/scenario?v=1&cpus=2&map=" + "7,".repeat(1300) + "7");
        assertEquals(400, link.status());
        assertEquals(20, link.body().get("problems").size());
        assertTrue(link.body().get("problemsNotShown").longValue() > 1000, link.body().toString());

        String huge = "{\"mapping\":[" + "99,".repeat(60_000) + "99],\"name\":\"" + "n".repeat(20_000) + "\"}";
        Reply post = text("/api/runs", "application/json", huge);
        assertEquals(400, post.status);
        assertTrue(post.body.length() < 20_000, post.body.length() + " bytes of error");
        assertEquals(20, json(post).get("problems").size());
        assertTrue(json(post).get("problemsNotShown").longValue() >= 60_000 - 20, post.body.substring(0, 300));
    }

    /** Defect 12: the parser's own class and method names reached clients. */
    @Test
    void malformedJsonNamesNoJavaInternals() throws Exception {
        for (String body : new String[] {"{\"cpus\":" + "9".repeat(1200) + "}", "[", "{\"cpus\": 4,", "\"x\"", "{\"a\":1,\"a\":2}"}) {
            Reply r = text("/api/runs", "application/json", body);
            assertEquals(400, r.status, body);
            assertFalse(r.body.matches("(?s).*(tools\\.jackson|StreamReadConstraints|JsonNode|`).*"), r.body);
        }
    }

    /** Defect 12: JSON sent as a form was answered "the body is empty". */
    @Test
    void jsonSentAsAFormIsToldWhichContentTypeToUse() throws Exception {
        for (String path : new String[] {"/api/runs", "/api/scenario/link", "/api/fio"}) {
            Reply r = text(path, "application/x-www-form-urlencoded", "{\"cpus\":2}");
            assertEquals(415, r.status, path + " → " + r.body);
            assertTrue(r.body.contains("Content-Type"), r.body);
        }
    }

    /** Defect 12: a broken %-escape in the page's query was logged as an ERROR with a stack trace. */
    @Test
    void aBrokenEscapeInThePageQueryIsA400AndNoErrorInTheLog(CapturedOutput log) throws Exception {
        // java.net.URI refuses to build such a request, so it goes out on a bare socket.
        String status = rawRequest("GET /?v=1&name=%ZZ").body.lines().findFirst().orElse("");
        assertTrue(status.contains(" 200 "), status);
        Reply run = rawRequest("POST /api/runs?transitions=%ZZ");
        assertTrue(run.status == 400, run.body);
        assertFalse(log.getOut().contains(" ERROR ") || log.getErr().contains(" ERROR "), log.getAll());
    }

    record Reply(int status, String body) {
    }

    private Reply text(String path, String contentType, String body) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    /** A request line sent as it is; the reply's status and whole text (head and body). */
    private Reply rawRequest(String requestLine) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\nConnection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return new Reply(Integer.parseInt(reply.substring(9, 12)), reply);
        }
    }

    private static JsonNode json(Reply r) {
        return JSON.readTree(r.body);
    }
}
