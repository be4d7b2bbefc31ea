package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Scenario;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11, defects 1 and 2: sq + cfq scenarios that stalled ("5 bios queued but 3 ended") or hit
 * a NullPointerException in cfq's merge path. Each must now run to the end with every bio ended.
 */
class CfqRegressionTest {

    private static final JsonMapper JSON = new JsonMapper();

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"mode\":\"sq\",\"scheduler\":\"cfq\",\"cpus\":2,\"jobs\":[{\"name\":\"j0\",\"size\":4096,\"ios\":3}]}",
        "{\"mode\":\"sq\",\"scheduler\":\"cfq\",\"cpus\":2,\"jobs\":[{\"name\":\"j0\",\"rw\":\"write\",\"bs\":8192,"
                + "\"sync\":true,\"ios\":2,\"size\":8192},{\"name\":\"j1\",\"cpus\":[0],\"rw\":\"write\",\"bs\":8192,"
                + "\"ios\":2,\"size\":16384}]}"
    })
    void cfqScenariosRunToTheEndWithEveryBioEnded(String json) {
        Scenario scenario = ScenarioJson.read(JSON.readTree(json));
        BlockLayerRun run = new BlockLayerRun(scenario, false);
        long queued = 0;
        long ended = 0;
        for (Transition t = run.next(); t != null; t = run.next()) {
            if (t.kind() == TransitionKind.QUEUE) queued++;
            if (t.kind() == TransitionKind.BIO_END) ended++;
        }
        assertEquals(queued, ended);
        assertEquals(true, queued > 0);
    }
}
