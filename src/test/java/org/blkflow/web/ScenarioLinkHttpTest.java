package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.blkflow.scenario.Presets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ScenarioLinkHttpTest extends HttpApiTest {

    @Test
    void aScenarioTravelsToALinkAndBack() throws Exception {
        String json = "{\"name\":\"Two & two\",\"cpus\":2,\"hwQueues\":2,\"mapping\":[1,0],"
                + "\"jobs\":[{\"name\":\"w\",\"rw\":\"write\",\"bs\":8192,\"cpus\":[1],\"plug\":true}]}";
        Http.Reply link = http.post("/api/scenario/link", json);
        assertEquals(200, link.status(), String.valueOf(link.body()));
        String url = link.body().get("link").stringValue();
        assertTrue(url.startsWith("/?v=2&name=Two+%26+two&"), url);
        assertEquals("/?v=2&name=Two+%26+two&cpus=2&hw=2&map=1,0&job=w,rw:write,bs:8k,plug:1,cpus:1", url,
                "version 2: only what differs from the defaults");

        Http.Reply back = http.get("/api/scenario" + url.substring(1) + "&step=12");
        assertEquals(200, back.status(), String.valueOf(back.body()));
        JsonNode s = back.body();
        assertEquals("Two & two", s.get("name").stringValue());
        assertEquals("[1,0]", s.get("mapping").toString());
        assertEquals("write", s.get("jobs").get(0).get("rw").stringValue());
        assertEquals(64, s.get("queueDepth").intValue(), "absent fields are normalized to the defaults");
        assertEquals(null, s.get("step"), "the step belongs to sessions, not to the scenario");
        assertEquals(url, http.post("/api/scenario/link", s.toString()).body().get("link").stringValue());
    }

    @Test
    void anInvalidScenarioGetsNoLink() throws Exception {
        Http.Reply r = http.post("/api/scenario/link", "{\"cpus\":0}");
        assertEquals(400, r.status());
        assertEquals("cpus", r.body().get("problems").get(0).get("field").stringValue());
    }

    @Test
    void presetsAreListedWithNotesAndValidScenarios() throws Exception {
        Http.Reply r = http.get("/api/presets");
        assertEquals(200, r.status());
        assertEquals(Presets.all().size(), r.body().size());
        Set<String> ids = new TreeSet<>();
        for (JsonNode p : r.body()) {
            ids.add(p.get("id").stringValue());
            assertEquals(List.of("id", "name", "note", "scenario"), List.copyOf(p.propertyNames()));
            assertTrue(p.get("note").stringValue().length() > 20);
            Http.Reply link = http.post("/api/scenario/link", p.get("scenario").toString());
            assertEquals(200, link.status(), p.get("id") + ": " + link.body());
        }
        assertTrue(ids.containsAll(List.of("figure1", "nvme-1to1", "plug-merge", "tags-exhausted", "busy-requeue",
                "fewer-ctx-than-hctx")), ids.toString());
    }
}
