package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The story as a sweep: greedy random reads on the single queue stop scaling once queue_lock
 * is the bottleneck, while blk-mq with a hardware queue per CPU keeps growing. Margins are generous:
 * the shape, not the figures, is what the model promises.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LegacyScalingHttpTest {

    private static final String SWEEP = "{\"scenario\":{\"hwQueues\":16,\"queueDepth\":64,"
            + "\"device\":{\"irqMode\":\"timer\",\"completionNs\":10000},"
            + "\"jobs\":[{\"cpus\":\"all\",\"rw\":\"randread\",\"ioengine\":\"libaio\",\"iodepth\":32,\"ios\":2000}]},"
            + "\"vary\":{\"mode\":[\"sq\",\"mq\"],\"cpus\":[1,2,4,8,16]}}";

    @LocalServerPort
    int port;

    @Test
    void theSingleQueueStopsScalingWhereBlkMqKeepsGoing() throws Exception {
        Http.Reply r = new Http(port).post("/api/sweeps", SWEEP);
        assertEquals(200, r.status(), String.valueOf(r.body()));
        Map<String, Double> iops = new HashMap<>();
        for (JsonNode p : r.body().get("points")) {
            iops.put(p.get("mode").stringValue() + p.get("cpus").intValue(), p.get("stats").get("iops").doubleValue());
        }
        String all = iops.toString();
        assertTrue(iops.get("mq16") >= 3.5 * iops.get("sq16"), "mq at 16 CPUs ≥ 3.5× sq: " + all);
        assertTrue(iops.get("sq16") < 1.5 * iops.get("sq4"), "sq gains < 1.5× from 4 to 16 CPUs: " + all);
        assertTrue(iops.get("mq16") > iops.get("mq4"), "mq still gains from 4 to 16 CPUs: " + all);
    }
}
