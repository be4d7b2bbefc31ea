package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Scenario;
import org.blkflow.stats.RunStats;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** POST /api/sweeps through a real server; every point's stats are checked against the same run in-process. */
class SweepHttpTest extends HttpApiTest {

    private static final JsonMapper JSON = new JsonMapper();
    private static final String BASE = scenario(4, 20, "timer", 8);


    @Test
    void pointsComeInProductOrderWithTheirValuesAndStats() throws Exception {
        JsonNode points = sweep("{\"cpus\":[1,2,4],\"costs.lockNs\":[0,500]}");
        assertEquals(6, points.size());
        List<String> order = new ArrayList<>();
        for (JsonNode p : points) {
            assertEquals(List.of("cpus", "costs.lockNs", "stats"), List.copyOf(p.propertyNames()));
            order.add(p.get("cpus").intValue() + "/" + p.get("costs.lockNs").intValue());
            assertEquals(200L * p.get("cpus").intValue(), p.get("stats").get("bios").longValue(),
                    "a job on \"all\" CPUs runs on every CPU of the point");
        }
        assertEquals(List.of("1/0", "1/500", "2/0", "2/500", "4/0", "4/500"), order);
        assertEquals(expectedStats(scenario(4, 500, "timer", 8)), points.get(5).get("stats").toString());
        assertEquals(expectedStats(scenario(1, 0, "timer", 8)), points.get(0).get("stats").toString());
    }

    @Test
    void nestedFieldsAndJobFieldsAreVariedByTheirPaths() throws Exception {
        JsonNode points = sweep("{\"device.irqMode\":[\"none\",\"timer\"],\"jobs[0].iodepth\":[1,16]}");
        assertEquals(4, points.size());
        assertEquals("timer", points.get(3).get("device.irqMode").stringValue());
        assertEquals(16, points.get(3).get("jobs[0].iodepth").intValue());
        assertEquals(expectedStats(scenario(4, 20, "none", 16)),
                points.get(1).get("stats").toString());
        assertEquals(expectedStats(scenario(4, 20, "timer", 1)),
                points.get(2).get("stats").toString());
        assertTrue(points.get(1).get("stats").get("latencyNs").get("q2c").get("mean").doubleValue()
                < points.get(3).get("stats").get("latencyNs").get("q2c").get("mean").doubleValue(),
                "timer completion takes completionNs, none completes inline");
    }

    @Test
    void anInvalidPointIsNamedWithItsValuesAndTheField() throws Exception {
        Http.Reply r = http.post("/api/sweeps", body("{\"cpus\":[2,65]}"));
        assertEquals(400, r.status(), String.valueOf(r.body()));
        assertEquals("invalid sweep point", r.body().get("error").stringValue());
        JsonNode problem = r.body().get("problems").get(0);
        assertEquals("cpus", problem.get("field").stringValue());
        assertEquals("point 1 {\"cpus\":65}: cpus = 65: must be between 1 and 64", problem.get("message").stringValue());
        Http.Reply shape = http.post("/api/sweeps", body("{\"costs.lockNs\":[20,\"x\"]}"));
        assertEquals(400, shape.status());
        assertEquals("costs.lockNs", shape.body().get("problems").get(0).get("field").stringValue());
        assertTrue(shape.body().get("message").stringValue().startsWith("point 1 {\"costs.lockNs\":\"x\"}: "));
    }

    @Test
    void unknownPathsEmptyListsAndMissingVaryAreRefused() throws Exception {
        assertRefused(body("{\"device.colour\":[1]}"), 400, "vary.device.colour", "names no scenario field");
        assertRefused(body("{\"jobs[3].iodepth\":[1]}"), 400, "vary.jobs[3].iodepth", "names no scenario field");
        assertRefused(body("{\"cpus\":[]}"), 400, "vary.cpus", "non-empty list");
        assertRefused("{\"scenario\":{}}", 400, "vary", "at least one field");
        assertRefused("{\"scenario\":{\"cpus\":\"x\"},\"vary\":{\"seed\":[1]}}", 400, "scenario.cpus", "whole number");
        assertRefused("{\"vary\":{\"seed\":[1]},\"runs\":3}", 400, "runs", "unknown field");
        // A field that counts at no point would draw a flat line that looks like a finding.
        assertRefused(body("{\"device.backend.cpus\":[1,2]}"), 400, "vary.device.backend.cpus",
                "changes nothing at any point of this sweep: it counts only when device.driver is xen-blkfront");
        // A job's field is judged against its own job: hipri counts only for an io_uring job.
        assertRefused(body("{\"jobs[0].hipri\":[false]}"), 400, "vary.jobs[0].hipri",
                "changes nothing at any point of this sweep: it counts only when jobs.ioengine is io_uring");
        assertEquals(400, http.post("/api/sweeps?stream=maybe", body("{\"seed\":[1]}")).status());
    }

    /** Varied with the driver, the backend's vCPUs count at the xen points: the sweep runs. */
    @Test
    void aFieldThatCountsAtSomePointIsVaried() throws Exception {
        JsonNode points = sweep("{\"device.driver\":[\"null_blk\",\"xen-blkfront\"],\"device.backend.cpus\":[1,2]}");
        assertEquals(4, points.size());
    }

    @Test
    void moreThan64PointsOr4MillionBiosIsTooLarge() throws Exception {
        assertRefused(body("{\"cpus\":[1,2,3,4,5,6,7,8,9],\"seed\":[1,2,3,4,5,6,7,8]}"), 413, "vary",
                "at most 64 points");
        String big = "{\"scenario\":{\"jobs\":[{\"ios\":500000}]},\"vary\":{\"cpus\":[1,2,3,4]}}";
        assertRefused(big, 413, "vary", "5000000 bios in all; at most 4000000 per sweep");
        assertEquals(200, http.post("/api/sweeps", body("{\"seed\":[" + "1,".repeat(63) + "1]}")).status(),
                "64 points are allowed");
    }

    @Test
    void theStreamSendsALinePerPointAsItFinishesThenDone() throws Exception {
        String vary = "{\"cpus\":[1,2,4],\"costs.lockNs\":[0,500]}";
        Http.TextReply r = http.postText("/api/sweeps?stream=1", body(vary));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/x-ndjson"), r.contentType());
        String[] lines = r.body().split("\n");
        assertEquals(7, lines.length, r.body());
        Set<Integer> seen = new TreeSet<>();
        JsonNode whole = sweep(vary);
        for (int i = 0; i < 6; i++) {
            JsonNode line = JSON.readTree(lines[i]);
            int point = line.get("point").intValue();
            seen.add(point);
            assertEquals(6, line.get("of").intValue());
            assertEquals(whole.get(point).toString(), ((ObjectNode) line.deepCopy()).without(List.of("point", "of")).toString());
        }
        assertEquals(Set.of(0, 1, 2, 3, 4, 5), seen);
        assertEquals("{\"done\":true}", lines[6]);
    }

    private JsonNode sweep(String vary) throws Exception {
        Http.Reply r = http.post("/api/sweeps", body(vary));
        assertEquals(200, r.status(), String.valueOf(r.body()));
        assertEquals(List.of("points"), List.copyOf(r.body().propertyNames()));
        return r.body().get("points");
    }

    private void assertRefused(String body, int status, String field, String words) throws Exception {
        Http.Reply r = http.post("/api/sweeps", body);
        assertEquals(status, r.status(), String.valueOf(r.body()));
        assertEquals(field, r.body().get("problems").get(0).get("field").stringValue());
        assertTrue(r.body().get("message").stringValue().contains(words), r.body().get("message").stringValue());
    }

    private static String body(String vary) {
        return "{\"scenario\":" + BASE + ",\"vary\":" + vary + "}";
    }

    /** Greedy random reads on every CPU, small enough that a sweep of it takes well under a second. */
    private static String scenario(int cpus, long lockNs, String irqMode, int iodepth) {
        return "{\"mode\":\"mq\",\"cpus\":" + cpus + ",\"hwQueues\":1,\"costs\":{\"lockNs\":" + lockNs + "},"
                + "\"device\":{\"irqMode\":\"" + irqMode + "\"},\"jobs\":[{\"cpus\":\"all\",\"rw\":\"randread\","
                + "\"ioengine\":\"libaio\",\"iodepth\":" + iodepth + ",\"ios\":200}]}";
    }

    /** The stats of the scenario run in-process, as POST /api/runs measures them. */
    private static String expectedStats(String scenarioJson) {
        Scenario s = ScenarioJson.read(JSON.readTree(scenarioJson));
        RunStats stats = new RunStats();
        BlockLayerRun run = new BlockLayerRun(s, false);
        for (Transition t = run.next(); t != null; t = run.next()) {
            stats.onTransition(t);
        }
        stats.recordLocks(run.lockStats());
        return StatsJson.toNode(stats).toString();
    }
}
