package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 14 through the real server: a 7.0 run, and the kernel switch's mistakes as 400s naming the field. */
class KernelHttpTest extends HttpApiTest {

    @Test
    void aSevenPointZeroRunAnswersWithItsNormalizedScenarioAndNoS() throws Exception {
        Http.Reply r = http.post("/api/runs?transitions=100000", "{\"kernel\":\"7.0\",\"cpus\":4,\"hwQueues\":4,"
                + "\"queueDepth\":2,\"numaNodes\":[\"0-1\",\"2-3\"],"
                + "\"jobs\":[{\"rw\":\"randread\",\"ioengine\":\"libaio\",\"iodepth\":8,\"ios\":16}]}");
        assertEquals(200, r.status(), r.body().toString());
        JsonNode scenario = r.body().get("scenario");
        assertEquals("7.0", scenario.get("kernel").stringValue());
        assertEquals("none", scenario.get("scheduler").stringValue(), "four hardware queues: none");
        assertEquals("[\"0-1\",\"2-3\"]", scenario.get("numaNodes").toString());
        assertEquals(64, r.body().get("stats").get("completed").asLong());
        for (JsonNode t : r.body().get("transitions")) {
            assertTrue(t.get("action").isNull() || !t.get("action").stringValue().equals("S"), t.toString());
        }
    }

    @Test
    void modeSqWithKernel70Is400SayingWhy() throws Exception {
        Http.Reply r = http.post("/api/runs", "{\"kernel\":\"7.0\",\"mode\":\"sq\",\"scheduler\":\"none\"}");
        assertEquals(400, r.status());
        JsonNode p = r.body().get("problems").get(0);
        assertEquals("mode", p.get("field").stringValue());
        assertTrue(p.get("message").stringValue().contains("legacy request queue was removed in Linux 5.0"), p.toString());
    }

    @Test
    void aBadNodeListIs400NamingTheNode() throws Exception {
        Http.Reply r = http.post("/api/runs", "{\"kernel\":\"7.0\",\"numaNodes\":[\"0-1\",\"x\"]}");
        assertEquals(400, r.status());
        assertEquals("numaNodes[1]", r.body().get("problems").get(0).get("field").stringValue());
    }
}
