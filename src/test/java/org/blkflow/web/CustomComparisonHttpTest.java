package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.blkflow.scenario.ScenarioLink;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/comparisons/custom: two sides of one's own in one link, each checked and named by its side. */
class CustomComparisonHttpTest extends HttpApiTest {

    private static final String A = "v=2&name=Single+queue&mode=sq&cpus=4&job=r,rw:randread,n:8";
    private static final String B = "v=2&name=blk-mq&hw=4&cpus=4&job=r,rw:randread,n:8";

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void bothSidesComeBackAsTheServersLinksWithWhatDiffers() throws Exception {
        Http.Reply r = http.get("/api/comparisons/custom?compare=custom&a=" + enc(A) + "&b=" + enc(B) + "&step=7&lock=step");
        assertEquals(200, r.status(), String.valueOf(r.body()));
        JsonNode c = r.body();
        assertEquals("custom", c.get("id").stringValue());
        assertEquals("Single queue", c.get("a").get("label").stringValue());
        assertEquals("blk-mq", c.get("b").get("label").stringValue());
        assertEquals(ScenarioLink.decode("/?" + A).scenario(), ScenarioLink.decode(c.get("a").get("link").stringValue()).scenario());
        assertEquals(ScenarioLink.decode("/?" + B).scenario(), ScenarioLink.decode(c.get("b").get("link").stringValue()).scenario());
        assertEquals("mode, hwQueues", c.get("changed").stringValue());
    }

    @Test
    void aBadSideIsNamedWithItsFieldAndRangeAndAMissingOneToo() throws Exception {
        Http.Reply r = http.get("/api/comparisons/custom?a=" + enc(A.replace("cpus=4", "cpus=99")) + "&b=" + enc(B.replace("n:8", "bs:1000")));
        assertEquals(400, r.status());
        List<String> fields = new ArrayList<>();
        r.body().get("problems").forEach(p -> fields.add(p.get("field").stringValue()));
        assertTrue(fields.contains("a.cpus"), fields.toString());
        assertTrue(fields.stream().anyMatch(f -> f.startsWith("b.jobs")), fields.toString());
        assertTrue(r.body().get("message").stringValue().startsWith("a.cpus = 99: "), r.body().toString());
        Http.Reply missing = http.get("/api/comparisons/custom?a=" + enc(A));
        assertEquals(400, missing.status());
        assertEquals("b", missing.body().get("problems").get(0).get("field").stringValue());
    }

    @Test
    void theWholeLinkIsBoundedLikeAScenarioLink() throws Exception {
        String name = "x".repeat(2100);
        Http.Reply r = http.get("/api/comparisons/custom?a=" + enc(A + "&name=" + name) + "&b=" + enc(B + "&name=" + name));
        assertEquals(400, r.status());
        assertEquals("link", r.body().get("problems").get(0).get("field").stringValue());
        assertTrue(r.body().get("message").stringValue().contains("4096"), r.body().toString());
    }
}
