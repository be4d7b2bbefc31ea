package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.runs.RunReport;
import org.blkflow.runs.XenIometer;
import org.blkflow.scenario.Rings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** POST /api/sweeps/xen-iometer: the published sweep by name, its points the runs XenIometer describes. */
class XenIometerSweepHttpTest extends HttpApiTest {

    private static final JsonMapper JSON = new JsonMapper();

    @Test
    void streamsEveryRingLayoutAndJobCountWithTheSameStatsAsTheRun() throws Exception {
        Http.TextReply r = http.postText("/api/sweeps/xen-iometer?stream=1", "");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.contentType().startsWith(SweepController.NDJSON), r.contentType());
        String[] lines = r.body().split("\n");
        int n = XenIometer.RING_LAYOUTS.size() * XenIometer.JOBS.size();
        assertEquals(n + 1, lines.length, "a line per point and the last done line");
        assertTrue(JSON.readTree(lines[n]).get("done").booleanValue());
        JsonNode[] byIndex = new JsonNode[n];
        for (int i = 0; i < n; i++) {
            JsonNode line = JSON.readTree(lines[i]);
            assertEquals(n, line.get("of").intValue());
            byIndex[line.get("point").intValue()] = line;
        }
        List<String> order = new ArrayList<>();
        for (JsonNode p : byIndex) {
            order.add(p.get("device.rings").stringValue() + "/" + p.get("jobs").intValue());
            Rings rings = org.blkflow.scenario.Label.parse(Rings.class, p.get("device.rings").stringValue());
            assertEquals(XenIometer.published(rings, p.get("jobs").intValue()), p.get("published").intValue(),
                    "each point carries what the RFC published there");
        }
        assertEquals(List.of("single-lock/1", "single-lock/4", "single-lock/8", "single-lock/16", "single-lock/32",
                "per-hctx/1", "per-hctx/4", "per-hctx/8", "per-hctx/16", "per-hctx/32"), order);
        // The point with the most contention, run here in-process, gives the stats the server sent.
        JsonNode last = byIndex[n - 1];
        String expected = StatsJson.toNode(RunReport.measure(
                XenIometer.scenario(Rings.PER_HCTX, 32, XenIometer.TASK_IOS)).stats()).toString();
        assertEquals(expected, last.get("stats").toString());
        assertTrue(last.get("stats").get("backend").get("cpuUse").doubleValue() > 0, "dom0's CPU use per point");
    }

    @Test
    void aBadStreamParameterIsNamed() throws Exception {
        Http.Reply r = http.post("/api/sweeps/xen-iometer?stream=maybe", "");
        assertEquals(400, r.status());
        assertTrue(r.body().toString().contains("stream"), String.valueOf(r.body()));
    }
}
