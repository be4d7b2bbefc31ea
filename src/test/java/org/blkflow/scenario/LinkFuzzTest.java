package org.blkflow.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Any text as a link: it decodes, or is refused with at most {@link ProblemList#KEPT} problems listed;
 * nothing else may escape. A link that decodes to a valid scenario writes back to a link that decodes
 * to the same scenario. Seeds: LinkFuzzTestInputs/; fuzz with JAZZER_FUZZ=1 (see README).
 */
class LinkFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void anyTextIsALinkOrAListOfProblems(byte[] input) {
        String link = new String(input, StandardCharsets.UTF_8);
        ScenarioLink.Decoded decoded;
        try {
            decoded = ScenarioLink.decode(link);
        } catch (ScenarioRejected e) {
            assertTrue(e.problems().size() <= ProblemList.KEPT);
            assertTrue(!e.problems().isEmpty());
            return;
        }
        if (ScenarioValidator.validate(decoded.scenario()).isEmpty()) {
            String again = ScenarioLink.encode(decoded.scenario());
            assertEquals(decoded.scenario(), ScenarioLink.decode(again).scenario(), again);
        }
    }
}
