package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** jobs[].bssplit through the real server: its 400s, links old and new, the stats' sizes and a sweep over mixes. */
class BsSplitHttpTest extends HttpApiTest {

    private static final String IOMETER = "[{\"bs\":512,\"percent\":10},{\"bs\":1024,\"percent\":5},{\"bs\":2048,\"percent\":5},"
            + "{\"bs\":4096,\"percent\":60},{\"bs\":8192,\"percent\":2},{\"bs\":16384,\"percent\":4},"
            + "{\"bs\":32768,\"percent\":4},{\"bs\":65536,\"percent\":10}]";

    private static String scenario(String split) {
        return "{\"seed\":9,\"cpus\":2,\"jobs\":[{\"rw\":\"randrw\",\"rwmixread\":80,\"ioengine\":\"libaio\",\"iodepth\":16,"
                + "\"ios\":500,\"bssplit\":" + split + "}]}";
    }

    @Test
    void aBadMixIs400NamingJobs0BssplitAndTheRule() throws Exception {
        assertProblem(scenario("[{\"bs\":4096,\"percent\":50},{\"bs\":8192,\"percent\":40}]"), "jobs[0].bssplit",
                "must sum to 100, not 90");
        assertProblem(scenario("[]"), "jobs[0].bssplit", "must list 1 to 64");
        assertProblem(scenario("[" + "{\"bs\":4096,\"percent\":1},".repeat(64) + "{\"bs\":4096,\"percent\":36}]"),
                "jobs[0].bssplit", "must list 1 to 64");
        assertProblem(scenario("[{\"bs\":1000,\"percent\":100}]"), "jobs[0].bssplit[0].bs",
                "must be a multiple of 512 between 512 and 524288");
        assertProblem(scenario("[{\"bs\":262144,\"percent\":100}]"), "jobs[0].bssplit[0].bs",
                "more than device.maxSectors = 255");
        assertProblem(scenario("[{\"bs\":4096,\"percent\":101}]"), "jobs[0].bssplit[0].percent", "between 0 and 100");
        assertProblem(scenario("[{\"bs\":4096}]"), "jobs[0].bssplit[0].percent", "is required");
        assertProblem(scenario("[{\"bs\":4096,\"percent\":100,\"weight\":1}]"), "jobs[0].bssplit[0].weight", "unknown field");
        assertProblem(scenario("\"4k/100\""), "jobs[0].bssplit", "must be a list of");
        assertProblem("{\"jobs\":[{\"size\":4096,\"bssplit\":[{\"bs\":65536,\"percent\":100}]}]}", "jobs[0].size",
                "at least the largest block size, 65536");
    }

    /** The server's link carries the mix in fio's syntax and reads back to the same scenario; v1 links still read. */
    @Test
    void linksCarryTheMixAndOldLinksStillRead() throws Exception {
        Http.Reply link = http.post("/api/scenario/link", scenario(IOMETER));
        assertEquals(200, link.status(), link.body().toString());
        String l = link.body().get("link").stringValue();
        assertTrue(l.contains("split:512%2F10%3A1k%2F5") || l.contains("split:512/10:1k/5:2k/5:4k/60:8k/2:16k/4:32k/4:64k/10"), l);
        JsonNode back = http.get("/api/scenario?" + l.substring(l.indexOf('?') + 1)).body();
        assertEquals(http.post("/api/runs?transitions=0", scenario(IOMETER)).body().get("scenario"), back);
        String v1 = "v=1&name=x&seed=1&mode=mq&sched=noop&nr=128&smt=1&cpus=1&hw=1&depth=8&reserved=0&map=kernel&merge=1"
                + "&cost=mk:300,mrg:40,alloc:200,ins:100,disp:150,drv:500,cpl:400,irq:1000,ipi:1500,lock:20,bounce:200,sw:2000"
                + "&dev=irq:timer,lat:10000,maxsec:255,maxseg:128,slots:0,driver:null_blk,rings:single-lock"
                + "&job=j,rw:randread,mix:50,bs:4k,qd:4,engine:libaio,sync:0,plug:0,cpus:all,n:100,off:0,size:1g";
        JsonNode old = http.get("/api/scenario?" + v1).body();
        assertTrue(old.get("jobs").get(0).get("bssplit").isNull(), "a v1 link has no mix: " + old);
        String withMix = v1 + ",split:" + URLEncoder.encode("4k/60:64k/40", StandardCharsets.UTF_8);
        assertEquals(65536, http.get("/api/scenario?" + withMix).body().get("jobs").get(0).get("bssplit").get(1).get("bs").intValue());
    }

    /** stats.blockSizes counts the bios queued of each size: only the mix's sizes, every bio counted once. */
    @Test
    void theRunsStatsCountTheSizesDrawn() throws Exception {
        JsonNode stats = http.post("/api/runs?transitions=0", scenario(IOMETER)).body().get("stats");
        long total = 0;
        List<Integer> sizes = new ArrayList<>();
        for (JsonNode row : stats.get("blockSizes")) {
            sizes.add(row.get("bs").intValue());
            total += row.get("read").longValue() + row.get("write").longValue();
            assertTrue(row.get("write").longValue() > 0 || row.get("bs").intValue() != 4096, "4k writes among 1,000 bios");
        }
        assertEquals(List.of(512, 1024, 2048, 4096, 8192, 16384, 32768, 65536), sizes);
        assertEquals(stats.get("bios").longValue(), total);
        assertEquals(0, stats.get("blockSizesOther").longValue());
    }

    /** A sweep varies the mix like any field, by its path; each point runs its own mix. */
    @Test
    void aSweepCarriesAndVariesTheMix() throws Exception {
        String body = "{\"scenario\":" + scenario(IOMETER) + ",\"vary\":{\"jobs[0].bssplit\":[" + IOMETER
                + ",[{\"bs\":65536,\"percent\":100}]],\"cpus\":[1,2]}}";
        Http.Reply r = http.post("/api/sweeps", body);
        assertEquals(200, r.status(), r.body().toString());
        JsonNode points = r.body().get("points");
        assertEquals(4, points.size());
        assertEquals(8, points.get(0).get("stats").get("blockSizes").size());
        JsonNode onlyLarge = points.get(3).get("stats").get("blockSizes");
        assertEquals(1, onlyLarge.size());
        assertEquals(65536, onlyLarge.get(0).get("bs").intValue());
        Http.Reply bad = http.post("/api/sweeps", "{\"scenario\":" + scenario(IOMETER)
                + ",\"vary\":{\"jobs[0].bssplit\":[[{\"bs\":4096,\"percent\":99}]]}}");
        assertEquals(400, bad.status());
        assertTrue(bad.body().toString().contains("jobs[0].bssplit"), bad.body().toString());
    }

    private void assertProblem(String body, String field, String rule) throws Exception {
        Http.Reply r = http.post("/api/runs?transitions=0", body);
        assertEquals(400, r.status(), body + " → " + r.body());
        boolean found = false;
        for (JsonNode p : r.body().get("problems")) {
            if (p.get("field").stringValue().equals(field) && p.get("message").stringValue().contains(rule)) found = true;
        }
        assertTrue(found, field + " / " + rule + " in " + r.body());
        assertFalse(r.body().toString().contains("org.blkflow"), "no internal class names: " + r.body());
    }
}
