package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.blkflow.scenario.Presets;
import org.blkflow.trace.TraceStore;
import org.junit.jupiter.api.Test;

/**
 * /actuator/prometheus on the real server: each blkflow meter moves when what it measures happens.
 * Other tests share this server, so every check compares before and after.
 */
class MetricsHttpTest extends HttpApiTest {

    final HttpClient client = HttpClient.newHttpClient();

    String scrape() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        return r.body();
    }

    /** The sample's value, 0 when the series does not exist yet; {@code labels} as Prometheus prints them. */
    double metric(String name, String labels) throws Exception {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + (labels.isEmpty() ? "(?:\\{[^}]*\\})?" :
                "\\{[^}]*" + Pattern.quote(labels) + "[^}]*\\}") + " (\\S+)$").matcher(scrape());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    static void eventually(DoubleSupplier value, double expected, String what) throws InterruptedException {
        for (int i = 0; i < 100 && value.getAsDouble() != expected; i++) Thread.sleep(50);
        assertEquals(expected, value.getAsDouble(), what);
    }

    DoubleSupplier live(String name, String labels) {
        return () -> {
            try {
                return metric(name, labels);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void healthStaysAndPrometheusIsExposed() throws Exception {
        assertEquals(200, http.get("/actuator/health").status());
        assertEquals("UP", http.get("/actuator/health/readiness").body().get("status").asString());
        String text = scrape();
        for (String meter : new String[] {"blkflow_sessions_active", "blkflow_transitions_sent_total",
                "blkflow_traces_stored", "blkflow_traces_bytes"}) {
            assertTrue(text.contains("\n" + meter + " ") || text.startsWith(meter + " "), meter + " in\n" + text);
        }
    }

    @Test
    void sessionsAndTheirTransitionsAreCountedAndClosesByReason() throws Exception {
        double active = metric("blkflow_sessions_active", "");
        double sent = metric("blkflow_transitions_sent_total", "");
        double normal = metric("blkflow_sessions_closed_total", "reason=\"normal\"");
        try (SessionClient c = new SessionClient(port)) {
            c.next("hello");
            eventually(live("blkflow_sessions_active", ""), active + 1, "a session is active");
            c.send("{\"cmd\":\"load\",\"link\":\"/?v=1\"}");
            c.next("state");
            c.send("{\"cmd\":\"step\",\"n\":25}");
            c.next("transitions");
            c.next("state");
        }
        eventually(live("blkflow_sessions_active", ""), active, "the closed session is gone");
        assertEquals(sent + 25, metric("blkflow_transitions_sent_total", ""), "25 transitions stepped");
        assertEquals(normal + 1, metric("blkflow_sessions_closed_total", "reason=\"normal\""));
    }

    @Test
    void runsAndSweepsAreTimedByStatus() throws Exception {
        String ok = "blkflow_run_duration_seconds_count";
        double before = metric(ok, "status=\"200\"");
        double refused = metric(ok, "status=\"400\"");
        String scenario = ScenarioJsonWriter.write(Presets.all().get(0).scenario()).toString();
        assertEquals(200, http.post("/api/runs?transitions=0", scenario).status());
        assertEquals(400, http.post("/api/runs", "{\"cpus\": 0}").status());
        // The timer stops in the filter after the answer's last byte: the client can read it first.
        eventually(live(ok, "status=\"200\""), before + 1, "the run is timed as 200");
        eventually(live(ok, "status=\"400\""), refused + 1, "the refused run is timed as 400");
        assertTrue(metric("blkflow_run_duration_seconds_sum", "status=\"200\"") > 0);

        double sweeps = metric("blkflow_sweep_duration_seconds_count", "status=\"200\"");
        assertEquals(200, http.post("/api/sweeps", "{\"vary\": {\"cpus\": [1, 2]}}").status());
        eventually(live("blkflow_sweep_duration_seconds_count", "status=\"200\""), sweeps + 1, "the sweep is timed as 200");
    }

    @Test
    void storedTracesAndTheirBytesAreGauged() throws Exception {
        double stored = metric("blkflow_traces_stored", "");
        double bytes = metric("blkflow_traces_bytes", "");
        String trace = "  8,0    0        1     0.000000000   697  Q   R 100 + 8 [fio]\n"
                + "  8,0    0        2     0.000001000   697  D   R 100 + 8 [fio]\n"
                + "  8,0    0        3     0.000020000     0  C   R 100 + 8 [0]\n";
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/traces"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(trace)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        long added = org.blkflow.trace.BlkparseImport.read(new java.io.StringReader(trace)).bytes();
        assertTrue(added > 0);
        if (stored < TraceStore.MAX_TRACES) {
            assertEquals(stored + 1, metric("blkflow_traces_stored", ""));
            assertEquals(bytes + added, metric("blkflow_traces_bytes", ""), "the new trace's bytes more");
        }
        assertTrue(metric("blkflow_traces_bytes", "") <= TraceStore.MAX_BYTES, "within the store's bound");
    }
}
