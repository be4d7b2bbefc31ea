package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.blkflow.trace.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A real trace posted to /api/traces and replayed in a session over a real socket. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionTraceIT {

    /** null_blk on CPUs 29 and 43 with requeues (R), splits (X) and bounces (B). */
    static final String TRACE = "linux-block_blktrace-cleanup-v3_nullblk_schedulers_requeue.blkparse.txt";

    @LocalServerPort
    int port;

    String postTrace() throws Exception {
        Http.Reply r = new Http(port).post("/api/traces", Files.readString(TestData.real("blkparse/" + TRACE), StandardCharsets.UTF_8));
        assertEquals(201, r.status());
        return r.body().get("id").stringValue();
    }

    SessionClient connected() throws Exception {
        SessionClient c = new SessionClient(port);
        assertEquals("hello", c.next().get("type").stringValue());
        return c;
    }

    @Test
    void aLoadedTraceStepsSeeksBackAndStepsAgainLikeAStraightRun() throws Exception {
        String id = postTrace();
        try (SessionClient c = connected()) {
            c.send("{\"cmd\":\"load\",\"trace\":\"" + id + "\"}");
            JsonNode loaded = c.next("loaded");
            assertEquals(id, loaded.get("trace").get("id").stringValue());
            assertEquals(List.of(29, 43), loaded.get("trace").get("cpus").values().stream().map(JsonNode::intValue).toList());
            assertTrue(loaded.get("trace").get("skipped").longValue() > 0, "X, B and bio-level C lines are skipped");
            assertTrue(loaded.get("scenario").isNull());
            assertTrue(loaded.get("link").isNull());
            JsonNode topology = loaded.get("topology");
            assertEquals(44, topology.get("cpus").intValue(), "the highest CPU + 1");
            assertEquals(1, topology.get("hwQueues").intValue(), "no map given: every CPU on hctx 0");
            assertEquals(44, topology.get("cpuToHctx").size());
            JsonNode state = c.next("state");
            assertEquals(0, state.get("step").longValue());
            assertEquals("load", state.get("reason").stringValue());

            c.send("{\"cmd\":\"step\",\"n\":10}");
            List<JsonNode> first = c.itemsUntilState();
            assertEquals(10, first.size());
            assertEquals("Q", first.get(0).get("action").stringValue(), "the trace starts with a Q on CPU 43");
            assertEquals(43, first.get(0).get("cpu").intValue());
            c.send("{\"cmd\":\"seek\",\"step\":3}");
            JsonNode sought = c.next("state");
            assertEquals(3, sought.get("step").longValue());
            assertEquals("seek", sought.get("reason").stringValue());
            assertTrue(sought.get("snapshot").get("items").size() > 0, "a bio or request is in flight at step 3");
            assertEquals("stats", c.next().get("type").stringValue());
            c.send("{\"cmd\":\"step\",\"n\":1}");
            assertEquals(List.of(first.get(3)), c.itemsUntilState());
        }
    }

    @Test
    void aMapSpreadsTheTracesCpusOverHardwareQueues() throws Exception {
        String id = postTrace();
        String map = "[" + "0,".repeat(40) + "1,1,1,1]";
        try (SessionClient c = connected()) {
            c.send("{\"cmd\":\"load\",\"trace\":\"" + id + "\",\"mapping\":" + map + "}");
            JsonNode topology = c.next("loaded").get("topology");
            assertEquals(2, topology.get("hwQueues").intValue());
            assertEquals(1, topology.get("cpuToHctx").get(43).intValue());
            assertEquals(2, c.next("state").get("snapshot").get("hctxs").size());
            c.send("{\"cmd\":\"step\",\"n\":1}");
            JsonNode queue = c.itemsUntilState().get(0);
            assertEquals(1, queue.get("hctx").intValue(), "CPU 43 is on hctx 1 in the map");
        }
    }

    @Test
    void anUnknownTraceOrAShortMapIsAnErrorFrameAndTheSessionGoesOn() throws Exception {
        String id = postTrace();
        try (SessionClient c = connected()) {
            c.send("{\"cmd\":\"load\",\"trace\":\"0123456789abcdef\"}");
            JsonNode error = c.next();
            assertEquals("error", error.get("type").stringValue());
            assertEquals("load", error.get("cmd").stringValue());
            assertEquals("trace", error.get("field").stringValue());
            c.send("{\"cmd\":\"load\",\"trace\":\"" + id + "\",\"mapping\":[0,1]}");
            error = c.next();
            assertEquals("mapping", error.get("field").stringValue(), error.toString());
            c.send("{\"cmd\":\"load\",\"trace\":\"" + id + "\"}");
            assertEquals("loaded", c.next().get("type").stringValue());
        }
    }
}
