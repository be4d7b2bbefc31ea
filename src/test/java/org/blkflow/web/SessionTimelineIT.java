package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.ScenarioLink;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A load with "timeline": true gets the whole run's length and markers, scanned in the background. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionTimelineIT {

    /** One CPU reading 400,000 blocks one at a time: about 3.2 million transitions to scan. */
    static final String LONG = """
            {"name":"long","cpus":1,"jobs":[{"rw":"randread","ios":400000}]}""";

    @LocalServerPort
    int port;

    @Test
    void theTimelineGivesTheRunsLengthAndWhereItRequeues() throws Exception {
        String link = ScenarioLink.encode(Presets.byId("busy-requeue").orElseThrow().scenario());
        List<Transition> straight = straightRun("busy-requeue");
        try (SessionClient c = hello()) {
            c.send("{\"cmd\":\"load\",\"link\":\"" + link + "\",\"timeline\":true}");
            c.next("loaded");
            JsonNode t = stateAndTimeline(c);
            assertTrue(t.get("done").booleanValue(), t.toString());
            assertEquals(straight.size(), t.get("length").longValue());
            assertTrue(t.get("complete").booleanValue());
            assertEquals(SessionLimits.MAX_SEEK, t.get("limit").longValue());
            List<Long> requeues = new ArrayList<>();
            t.get("markers").get("R").values().forEach(k -> requeues.add(k.longValue()));
            assertEquals(straight.stream().filter(x -> "R".equals(x.action())).map(x -> x.seq() + 1).toList(), requeues);
            assertEquals(List.of("S", "R", "U", "stop", "start", "oops"), List.copyOf(t.get("markers").propertyNames()));

            // The markers are steps a session can go to: there the last move is the requeue.
            c.send("{\"cmd\":\"seek\",\"step\":" + requeues.get(0) + "}");
            assertEquals(requeues.get(0).longValue(), c.next("state").get("step").longValue());
        }
    }

    @Test
    void withoutAskingThereIsNoTimelineAndABadFlagIsNamed() throws Exception {
        try (SessionClient c = hello()) {
            c.send("{\"cmd\":\"load\",\"scenario\":{\"cpus\":1},\"timeline\":\"yes\"}");
            JsonNode err = c.next("error");
            assertEquals("timeline", err.get("field").stringValue());
            assertTrue(err.get("message").stringValue().contains("true or false"), err.toString());
            c.send("{\"cmd\":\"load\",\"scenario\":{\"cpus\":1}}");
            c.next("loaded");
            c.next("state");
            JsonNode more = c.received.poll(500, TimeUnit.MILLISECONDS);
            assertNull(more, "no timeline unless asked: " + more);
        }
    }

    /** A long scan reports progress; loading something else stops it, and only the new run's timeline comes. */
    @Test
    void aLongScanReportsProgressAndANewLoadSilencesIt() throws Exception {
        try (SessionClient c = hello()) {
            c.send("{\"cmd\":\"load\",\"scenario\":" + LONG + ",\"timeline\":true}");
            c.next("loaded");
            JsonNode progress = c.next("timeline");
            System.out.println("[timeline] first report of the long scan: " + progress);
            assertFalse(progress.get("done").booleanValue(), "a 3-million-step scan reports progress first");
            assertTrue(progress.get("scanned").longValue() > 0);
            assertFalse(progress.has("markers"));

            String small = ScenarioLink.encode(Presets.byId("figure1").orElseThrow().scenario());
            c.send("{\"cmd\":\"load\",\"link\":\"" + small + "\",\"timeline\":true}");
            c.next("loaded");
            JsonNode t = stateAndTimeline(c);
            assertTrue(t.get("done").booleanValue(), "after the new load, only its own timeline: " + t);
            assertEquals(straightRun("figure1").size(), t.get("length").longValue());
            JsonNode more = c.received.poll(700, TimeUnit.MILLISECONDS);
            assertTrue(more == null || !more.get("type").stringValue().equals("timeline"), "the old scan is silent: " + more);
        }
    }

    /** The load's state and the scan's finished timeline, in whichever order they come; returns the timeline. */
    private static JsonNode stateAndTimeline(SessionClient c) throws Exception {
        JsonNode timeline = null;
        boolean state = false;
        while (timeline == null || !state) {
            JsonNode m = c.next();
            String type = m.get("type").stringValue();
            if (type.equals("state")) {
                assertEquals("load", m.get("reason").stringValue());
                state = true;
            } else if (type.equals("timeline") && m.get("done").booleanValue()) {
                timeline = m;
            }
        }
        return timeline;
    }

    private SessionClient hello() throws Exception {
        SessionClient c = new SessionClient(port);
        assertEquals("hello", c.next().get("type").stringValue());
        return c;
    }

    private static List<Transition> straightRun(String preset) {
        BlockLayerRun run = new BlockLayerRun(Presets.byId(preset).orElseThrow().scenario(), false);
        List<Transition> all = new ArrayList<>();
        for (Transition t = run.next(); t != null; t = run.next()) all.add(t);
        return all;
    }
}
