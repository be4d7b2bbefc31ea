package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "blkflow.session.max-sessions=2")
class SessionLimitIT {

    @LocalServerPort
    int port;

    @Test
    void beyondTheSessionLimitAClientIsToldToTryAgainLater() throws Exception {
        try (SessionClient a = new SessionClient(port); SessionClient b = new SessionClient(port)) {
            a.next("hello");
            b.next("hello");
            SessionClient c = new SessionClient(port);
            assertEquals(1013, c.closed.get(10, TimeUnit.SECONDS));
            a.close();
            Thread.sleep(500);
            try (SessionClient d = new SessionClient(port)) {
                assertEquals("hello", d.next().get("type").stringValue());
            }
        }
    }
}
