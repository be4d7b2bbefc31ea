package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioRejected;
import org.blkflow.scenario.ScenarioValidator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Any bytes as a scenario body, read as POST /api/runs reads it: malformed JSON (described without
 * parser internals), a list of problems, or a scenario the validator judges; nothing else escapes.
 * Seeds: ScenarioJsonFuzzTestInputs/; fuzz with JAZZER_FUZZ=1 (see README).
 */
class ScenarioJsonFuzzTest {

    private static final ObjectReader READER = JsonMapper.builder().build().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    @FuzzTest(maxDuration = "2m")
    void anyBodyIsAScenarioOrAReasonWhyNot(byte[] body) {
        JsonNode tree;
        try {
            tree = READER.readTree(body);
        } catch (JacksonException e) {
            // The body's own characters may be quoted back (a backtick included); the parser's API may not.
            assertFalse(JsonSyntax.describe(e).matches("(?is).*(jackson|Constraints|JsonNode|\\w\\(\\)).*"),
                    JsonSyntax.describe(e));
            return;
        }
        if (tree == null) {
            return;
        }
        try {
            Scenario s = ScenarioJson.read(tree);
            ScenarioValidator.validate(s);
        } catch (ScenarioRejected e) {
            assertTrue(!e.problems().isEmpty() && e.problems().size() <= JsonFields.KEPT);
            e.problems().forEach(p -> assertTrue(p.message().length() < 2_000, p.message()));
        }
    }
}
