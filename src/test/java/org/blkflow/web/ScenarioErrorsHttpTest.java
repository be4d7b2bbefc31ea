package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every way a request can be refused, through the real server: status, error label and the problem. */
class ScenarioErrorsHttpTest extends HttpApiTest {

    @Test
    void malformedJsonIs400WithTheParsersWords() throws Exception {
        Http.Reply r = http.post("/api/runs", "{\"cpus\": 4,");
        assertEquals(400, r.status());
        assertEquals("malformed JSON", r.body().get("error").stringValue());
        assertTrue(r.body().get("message").stringValue().startsWith("malformed JSON: "), r.body().toString());
        assertTrue(r.body().get("message").stringValue().contains("line 1"), r.body().toString());
        assertEquals(400, http.post("/api/runs", "{} {}").status());
        assertEquals(400, http.post("/api/runs", "").status());
        assertEquals(400, http.post("/api/runs", "{\"cpus\":1,\"cpus\":2}").status());
    }

    @Test
    void aWrongTypeIs400NamingTheField() throws Exception {
        JsonNode body = expect(400, "/api/runs", "{\"jobs\":[{\"iodepth\":\"deep\"}]}");
        assertEquals("invalid scenario", body.get("error").stringValue());
        JsonNode p = body.get("problems").get(0);
        assertEquals("jobs[0].iodepth", p.get("field").stringValue());
        assertEquals("deep", p.get("value").stringValue());
        assertEquals("jobs[0].iodepth = \"deep\": must be a whole number between 1 and 1024", p.get("message").stringValue());
        assertEquals(p.get("message"), body.get("message"));
    }

    @Test
    void anUnknownNestedFieldIs400() throws Exception {
        JsonNode p = expect(400, "/api/runs", "{\"device\":{\"irq\":\"timer\"}}").get("problems").get(0);
        assertEquals("device.irq", p.get("field").stringValue());
        assertTrue(p.get("message").stringValue().contains("allowed: completionNs, irqMode"));
    }

    @Test
    void anOutOfRangeValueIs400WithTheRange() throws Exception {
        JsonNode body = expect(400, "/api/runs", "{\"jobs\":[{},{\"bs\":1000}],\"device\":{\"irqMode\":\"msi\"}}");
        assertEquals(2, body.get("problems").size());
        JsonNode bs = body.get("problems").get(1);
        assertEquals("jobs[1].bs", bs.get("field").stringValue());
        assertEquals(1000, bs.get("value").intValue());
        assertEquals("jobs[1].bs = 1000: must be a multiple of 512 between 512 and 4194304",
                bs.get("message").stringValue());
        assertEquals(400, body.get("status").intValue());
    }

    @Test
    void aBodyOver256KiBIs413() throws Exception {
        String padded = "{\"name\":\"" + "x".repeat(300 * 1024) + "\"}";
        JsonNode body = expect(413, "/api/runs", padded);
        assertEquals("body too large", body.get("error").stringValue());
        assertEquals(413, body.get("status").intValue());
        String justUnder = "{\"name\":\"" + "x".repeat(256 * 1024 - 20) + "\"}";
        assertEquals("name", expect(400, "/api/scenario/link", justUnder).get("problems").get(0).get("field").stringValue());
    }

    @Test
    void tooManyBiosIs413() throws Exception {
        JsonNode body = expect(413, "/api/runs", "{\"cpus\":64,\"jobs\":[{\"ios\":40000}]}");
        assertEquals("scenario too large", body.get("error").stringValue());
        assertEquals(2_560_000, body.get("problems").get(0).get("value").longValue());
    }

    @Test
    void theTransitionsParameterIsChecked() throws Exception {
        assertEquals("transitions", expect(400, "/api/runs?transitions=lots", "{}").get("problems").get(0)
                .get("field").stringValue());
        JsonNode body = expect(400, "/api/runs?transitions=1000001", "{}");
        assertEquals("invalid parameter", body.get("error").stringValue());
        assertTrue(body.get("message").stringValue().contains("between 0 and 1000000"));
        assertEquals(400, http.post("/api/runs?transitions=-1", "{}").status());
    }

    @Test
    void badLinksAre400NamingTheParameter() throws Exception {
        Http.Reply r = http.get("/api/scenario?v=1&cpus=4&colour=red");
        assertEquals(400, r.status());
        assertEquals("invalid link", r.body().get("error").stringValue());
        assertEquals("colour", r.body().get("problems").get(0).get("field").stringValue());
        assertEquals("job[0].bs", http.get("/api/scenario?job=x,bs:4q").body().get("problems").get(0)
                .get("field").stringValue());
        JsonNode range = http.get("/api/scenario?cpus=99").body();
        assertEquals("invalid scenario", range.get("error").stringValue());
        assertEquals("cpus", range.get("problems").get(0).get("field").stringValue());
        Http.Reply tooLong = http.get("/api/scenario?v=1&name=" + "a".repeat(4100));
        assertEquals(400, tooLong.status());
        assertEquals("link", tooLong.body().get("problems").get(0).get("field").stringValue());
    }

    private JsonNode expect(int status, String path, String json) throws Exception {
        Http.Reply r = http.post(path, json);
        assertEquals(status, r.status(), String.valueOf(r.body()));
        return r.body();
    }
}
