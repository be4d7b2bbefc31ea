package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.session.BrokenModel;
import org.blkflow.session.SessionModel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/** A model that breaks an invariant at step 12, behind the real socket: the OOPS reaches the client. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionOopsIT {

    static final int OOPS_AT = 12;

    @TestConfiguration
    static class Broken {
        @Bean
        @Primary
        SessionModel brokenModel() {
            return BrokenModel.oopsAt(OOPS_AT);
        }
    }

    @LocalServerPort
    int port;

    @Test
    void anOopsDuringStepOrPlayReachesTheClientAndLoadResetSeekStillWork() throws Exception {
        try (SessionClient c = new SessionClient(port)) {
            c.next("hello");
            c.send(SessionSocketIT.LOAD);
            c.next("loaded");
            c.next("state");
            c.send("{\"cmd\":\"step\",\"n\":100}");
            assertEquals(OOPS_AT, transitionsBefore(c, "oops").size());
            assertEquals(OOPS_AT, c.next("stats").get("stats").get("transitions").longValue());
            c.send("{\"cmd\":\"step\",\"n\":1}");
            assertOops(c.next());
            c.send("{\"cmd\":\"seek\",\"step\":5}");
            JsonNode state = c.next("state");
            assertEquals("seek", state.get("reason").stringValue());
            assertEquals(5, state.get("step").longValue());
            c.send("{\"cmd\":\"play\",\"speed\":0}");
            List<JsonNode> played = transitionsBefore(c, "oops");
            assertEquals(5, played.get(0).get("seq").longValue());
            assertEquals(OOPS_AT - 5, played.size());
            c.send("{\"cmd\":\"reset\"}");
            assertEquals(0, c.next("state").get("step").longValue());
            assertEquals(0, c.next("stats").get("stats").get("transitions").longValue());
            c.send(SessionSocketIT.LOAD);
            assertEquals("loaded", c.next().get("type").stringValue());
            assertEquals("load", c.next().get("reason").stringValue());
            c.send("{\"cmd\":\"step\",\"n\":3}");
            assertEquals(3, c.next("transitions").get("items").size());
        }
    }

    /** Transitions up to the message of type {@code last}, which must be an oops at step 12. */
    private static List<JsonNode> transitionsBefore(SessionClient c, String last) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode m = c.next(); ; m = c.next()) {
            String type = m.get("type").stringValue();
            if (type.equals("transitions")) {
                m.get("items").values().forEach(items::add);
            } else if (type.equals(last)) {
                assertOops(m);
                return items;
            }
        }
    }

    private static void assertOops(JsonNode m) {
        assertEquals("oops", m.get("type").stringValue(), m.toString());
        assertEquals("fake", m.get("invariant").stringValue());
        assertTrue(m.get("message").stringValue().contains("broken on purpose"));
        assertEquals(OOPS_AT, m.get("step").longValue());
        assertEquals(OOPS_AT, m.get("transition").get("seq").longValue());
        assertEquals("state", m.get("state").stringValue());
        assertTrue(m.get("t").longValue() > 0);
    }
}
