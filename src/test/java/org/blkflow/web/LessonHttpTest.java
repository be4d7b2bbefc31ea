package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioLink;
import org.blkflow.scenario.ScenarioValidator;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/lessons, /api/lessons/{id} and /api/quiz on the real server. */
class LessonHttpTest extends HttpApiTest {

    @Test
    void lessonsAreListedAsIdTitleAndStopCount() throws Exception {
        Http.Reply r = http.get("/api/lessons");
        assertEquals(200, r.status());
        assertTrue(r.body().size() >= 6);
        for (JsonNode l : r.body()) {
            assertEquals(Set.of("id", "title", "stops"), names(l));
            Http.Reply one = http.get("/api/lessons/" + l.get("id").stringValue());
            assertEquals(200, one.status());
            assertEquals(l.get("stops").intValue(), one.body().get("stops").size());
            assertEquals(l.get("title").stringValue(), one.body().get("title").stringValue());
        }
    }

    @Test
    void aLessonCarriesItsScenarioLinkAndTheStepOfEachStop() throws Exception {
        JsonNode l = http.get("/api/lessons/4-tags-run-out").body();
        String link = l.get("link").stringValue();
        assertTrue(link.startsWith("/?v=2&"), link);
        Scenario s = ScenarioValidator.require(ScenarioLink.decode(link).scenario());
        assertEquals(4, s.cpus());
        assertEquals(32, l.get("scenario").get("queueDepth").intValue());
        JsonNode sleep = l.get("stops").get(1);
        assertEquals("S", sleep.get("at").get("action").stringValue());
        assertEquals("tagwait:0", sleep.get("highlight").stringValue());
        // the step is the one just after the transition the stop is about
        Transition t = nth(s, sleep.get("step").longValue() - 1);
        assertEquals("S", t.action());
    }

    @Test
    void anUnknownLessonIsA404NamingTheIdAndTheChoices() throws Exception {
        Http.Reply r = http.get("/api/lessons/no-such-lesson");
        assertEquals(404, r.status());
        JsonNode p = r.body().get("problems").get(0);
        assertEquals("id", p.get("field").stringValue());
        assertTrue(p.get("message").stringValue().contains("1-read-path"), p.toString());
    }

    @Test
    void aQuizAtALinksStepHasOneAnswerTheModelThenMakes() throws Exception {
        String link = "/?v=2&seed=42&cpus=2&hw=1&depth=4&dev=irq:timer&job=r,rw:randread,qd:16,engine:libaio,n:16";
        Scenario s = ScenarioValidator.require(ScenarioLink.decode(link).scenario());
        for (long step : new long[] {0, 7, 36}) {
            Http.Reply r = http.get("/api/quiz" + link.substring(1) + "&step=" + step);
            assertEquals(200, r.status(), String.valueOf(r.body()));
            JsonNode q = r.body();
            assertEquals(step, q.get("step").longValue());
            assertFalse(q.get("finished").booleanValue());
            JsonNode right = q.get("choices").get(q.get("answer").intValue());
            Transition next = nth(s, step);
            assertEquals(next.kind().label(), right.get("kind").stringValue());
            assertEquals(next.to().toString(), right.get("to").stringValue());
            assertEquals(next.fn(), q.get("next").get("fn").stringValue());
            Set<String> labels = new HashSet<>();
            q.get("choices").forEach(c -> labels.add(c.get("label").stringValue()));
            assertEquals(q.get("choices").size(), labels.size(), "choices read differently");
        }
    }

    /**
     * A class asks at once: half the students the same question, half each a question of its own step.
     * Every one gets its answer, none an error: the same question is worked out once and shared, the
     * others wait their turn for the two replays at a time. With the old refusal of all but two
     * concurrent replays the distinct questions failed.
     */
    @Test
    void aClassAskingTogetherIsAllAnswered() throws Exception {
        String link = "/api/quiz?v=2&seed=7&cpus=4&job=r,rw:randread,qd:8,engine:libaio,n:4000&step=";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(24);
        try {
            List<java.util.concurrent.Future<Http.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                long step = i % 2 == 0 ? 20_000 : 20_000 + i;
                replies.add(pool.submit(() -> new Http(port).get(link + step)));
            }
            JsonNode shared = null;
            for (int i = 0; i < 24; i++) {
                Http.Reply r = replies.get(i).get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(200, r.status(), String.valueOf(r.body()));
                if (i % 2 == 0) {
                    shared = shared == null ? r.body() : shared;
                    assertEquals(shared, r.body(), "the question at a step is the same for everyone");
                } else {
                    assertEquals(20_000 + i, r.body().get("step").longValue());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aQuizPastTheEndSaysTheRunIsFinished() throws Exception {
        Http.Reply r = http.get("/api/quiz?v=2&cpus=1&job=r,n:1&step=1000");
        assertEquals(200, r.status());
        assertTrue(r.body().get("finished").booleanValue());
        assertEquals(0, r.body().get("choices").size());
    }

    @Test
    void aQuizBeyondTheSeekLimitOrWithABadLinkIsA400NamingTheField() throws Exception {
        Http.Reply far = http.get("/api/quiz?v=2&step=10000001");
        assertEquals(400, far.status());
        assertEquals("step", far.body().get("problems").get(0).get("field").stringValue());
        assertTrue(far.body().get("message").stringValue().contains("between 0 and 10000000"));
        Http.Reply bad = http.get("/api/quiz?v=2&cpus=99");
        assertEquals(400, bad.status());
        assertEquals("cpus", bad.body().get("problems").get(0).get("field").stringValue());
        Http.Reply unknown = http.get("/api/quiz?v=2&lesson=x");
        assertEquals(400, unknown.status());
        Http.Reply huge = http.get("/api/quiz?v=2&step=99999999999999999999999");
        assertEquals(400, huge.status(), String.valueOf(huge.body()));
        assertEquals("step", huge.body().get("problems").get(0).get("field").stringValue());
        Http.Reply odd = http.get("/api/lessons/%3Cscript%3E" + "x".repeat(300));
        assertEquals(404, odd.status());
        assertTrue(odd.body().get("message").stringValue().length() < 700, "a long id is cut in the answer");
    }

    @Test
    void comparisonsAreListedWithBothSidesAsLinks() throws Exception {
        Http.Reply r = http.get("/api/comparisons");
        assertEquals(200, r.status());
        Set<String> ids = new HashSet<>();
        for (JsonNode c : r.body()) {
            ids.add(c.get("id").stringValue());
            Scenario a = ScenarioLink.decode(c.get("a").get("link").stringValue()).scenario();
            Scenario b = ScenarioLink.decode(c.get("b").get("link").stringValue()).scenario();
            assertFalse(a.equals(b), c.toString());
            assertFalse(c.get("a").get("label").stringValue().isEmpty());
        }
        assertTrue(ids.contains("sq-vs-mq") && ids.contains("xen-single-vs-per-hctx"), ids.toString());
    }

    @Test
    void lockstepFindsTheLastTransitionAtOrBeforeATime() throws Exception {
        String link = "/?v=2&seed=42&cpus=2&hw=1&depth=4&dev=irq:timer&job=r,rw:randread,qd:16,engine:libaio,n:16";
        Scenario s = ScenarioValidator.require(ScenarioLink.decode(link).scenario());
        Transition t40 = nth(s, 40);
        JsonNode r = http.get("/api/lockstep?t=" + t40.t() + "&" + link.substring(2)).body();
        long k = r.get("step").longValue();
        assertTrue(nth(s, k - 1).t() <= t40.t() && nth(s, k).t() > t40.t(), "step " + k + " for t " + t40.t());
        assertTrue(http.get("/api/lockstep?t=0&v=2&cpus=1&job=r,n:1").body().get("step").longValue() >= 1,
                "transitions at t = 0 count: the first Q happens then");
        Http.Reply none = http.get("/api/lockstep?v=2");
        assertEquals(400, none.status());
        assertEquals("t", none.body().get("problems").get(0).get("field").stringValue());
        Http.Reply huge = http.get("/api/lockstep?t=99999999999999999999999&v=2");
        assertEquals(400, huge.status());
        assertEquals("t", huge.body().get("problems").get(0).get("field").stringValue());
        assertEquals(400, http.get("/api/lockstep?t=5&v=2&cpus=0").status());
    }

    private static Transition nth(Scenario s, long k) {
        BlockLayerRun run = new BlockLayerRun(s);
        Transition t = null;
        for (long i = 0; i <= k; i++) {
            t = run.next();
        }
        return t;
    }

    private static Set<String> names(JsonNode o) {
        Set<String> out = new HashSet<>();
        o.propertyNames().forEach(out::add);
        return out;
    }
}
