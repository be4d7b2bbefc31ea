package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Issue #11's session reproducers over a real socket: each gets an error frame or its whole answer, never a close. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionHostileIT {

    /** Busy enough that step 100,000 is about 30 MB of JSON. */
    static final String BUSY = "{\"cmd\":\"load\",\"scenario\":{\"name\":\"busy\",\"cpus\":4,\"hwQueues\":2,"
            + "\"jobs\":[{\"rw\":\"randread\",\"iodepth\":8,\"ioengine\":\"libaio\",\"ios\":100000}]}}";

    @LocalServerPort
    int port;

    SessionClient connected() throws Exception {
        SessionClient c = new SessionClient(port);
        assertEquals("hello", c.next().get("type").stringValue());
        return c;
    }

    /** Defect 8: step 40,000 closed 5 of 6 reading clients with 1008, step 100,000 all six. */
    @Test
    void aMaximalStepReachesEveryReadingClientWhole() throws Exception {
        List<SessionClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                SessionClient c = connected();
                c.send(BUSY);
                c.next("state");
                clients.add(c);
            }
            for (int n : new int[] {40_000, 100_000}) {
                clients.forEach(c -> c.send("{\"cmd\":\"step\",\"n\":" + n + "}"));
                long first = -1;
                for (SessionClient c : clients) {
                    List<JsonNode> items = c.itemsUntilState();
                    assertEquals(n, items.size());
                    first = first < 0 ? items.get(0).get("seq").longValue() : first;
                    assertEquals(first, items.get(0).get("seq").longValue(), "every session is the same run");
                    assertFalse(c.closed.isDone(), "closed with " + c.closed.getNow(-1));
                }
            }
        } finally {
            clients.forEach(SessionClient::close);
        }
    }

    /** Defect 12: over 80 KiB, or fragmented, a message was closed with 1009 instead of an error frame. */
    @Test
    void longFragmentedAndBinaryMessagesGetErrorFramesAndTheSessionGoesOn() throws Exception {
        try (SessionClient c = connected()) {
            c.send("{\"cmd\":\"pause\",\"pad\":\"" + "x".repeat(200 * 1024) + "\"}");
            assertTrue(c.next("error").get("message").stringValue().contains("exceeds the limit of 65536 bytes"));
            c.sendPieces("{\"cmd\":\"pause\",\"pad\":\"", "x".repeat(70 * 1024), "x".repeat(70 * 1024), "\"}");
            assertTrue(c.next("error").get("message").stringValue().contains("exceeds the limit"));
            c.sendBinary(new byte[100 * 1024]);
            assertTrue(c.next("error").get("message").stringValue().contains("binary messages are not commands"));
            c.sendPieces("{\"cmd\":\"lo", "ad\",\"link\":\"/?v=1&cpus=2\"}");
            assertEquals("loaded", c.next().get("type").stringValue(), "a small fragmented command is read whole");
            c.send("{\"cmd\":\"step\",\"n\":1,\"n\":2}");
            JsonNode duplicate = c.next("error");
            assertTrue(duplicate.get("message").stringValue().contains("Duplicate"), duplicate.toString());
            c.send("{\"cmd\":\"step\",\"n\":" + "9".repeat(1200) + "}");
            assertFalse(c.next("error").get("message").stringValue().matches("(?s).*(jackson|Constraints|`).*"));
            c.send("{\"cmd\":\"step\",\"n\":99999999999999999999999}");
            assertEquals("n must be a whole number between 1 and 100000", c.next("error").get("message").stringValue());
            c.send("{\"cmd\":\"step\",\"n\":2}");
            assertEquals(2, c.itemsUntilState().size());
            assertFalse(c.closed.isDone());
        }
    }

    /** Defect 3: the overflowing CPU range closed the session with 1011. */
    @Test
    void anOverflowingLinkIsAnErrorFrameNamingTheField() throws Exception {
        try (SessionClient c = connected()) {
            c.send("{\"cmd\":\"load\",\"link\":\"/?v=1&job=fio,cpus:-2147483648-2147483647\"}");
            JsonNode error = c.next("error");
            assertEquals("job[0].cpus", error.get("field").stringValue());
            assertTrue(error.get("message").stringValue().contains("between 0 and 63"), error.toString());
            c.send("{\"cmd\":\"load\",\"link\":\"/?v=1&cpus=2&map=" + "7,".repeat(1000) + "7\"}");
            JsonNode many = c.next("error");
            assertEquals(20, many.get("problems").size());
            assertTrue(many.get("problemsNotShown").longValue() > 900, many.toString());
            assertFalse(c.closed.isDone());
        }
    }

    /** Defect 7: CPU 2147483647 was accepted, and loading the trace closed the session with 1011. */
    @Test
    void aTraceFromAnImpossibleCpuIsRefusedAndTheHighestRealOneIsAnErrorFrame() throws Exception {
        Http http = new Http(port);
        Http.Reply impossible = http.post("/api/traces", "  8,0 2147483647  1  0.000000000 1003 Q R 0 + 8 [fio]\n");
        assertEquals(400, impossible.status());
        Http.Reply high = http.post("/api/traces", "  8,0 8191  1  0.000000000 1003 Q R 0 + 8 [fio]\n");
        assertEquals(201, high.status());
        try (SessionClient c = connected()) {
            c.send("{\"cmd\":\"load\",\"trace\":\"" + high.body().get("id").stringValue() + "\"}");
            JsonNode error = c.next("error");
            assertEquals("trace", error.get("field").stringValue());
            assertTrue(error.get("message").stringValue().contains("CPU 8191"), error.toString());
            assertFalse(c.closed.isDone());
        }
    }

    /** Defect 12: the README allows localhost on any port, and no port is a port too. */
    @Test
    void localhostWithoutAPortIsAnAllowedOrigin() throws Exception {
        for (String origin : new String[] {"http://localhost", "http://127.0.0.1"}) {
            try (SessionClient c = new SessionClient(port, origin)) {
                assertEquals("hello", c.next().get("type").stringValue());
            }
        }
    }
}
