package org.blkflow.trace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Any text as a cpu_list dump: a map with every CPU on a queue numbered without gaps, or a refusal
 * naming the line. Seeds: SysfsFuzzTestInputs/; fuzz with JAZZER_FUZZ=1 (see README).
 */
class SysfsFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void anyTextIsAMapOrARefusal(byte[] input) {
        int[] map;
        try {
            map = SysfsCpuMap.parse(new String(input, StandardCharsets.UTF_8));
        } catch (SysfsCpuMap.Rejected e) {
            return;
        }
        assertTrue(map.length >= 1 && map.length <= 4096);
        int queues = 0;
        for (int hctx : map) {
            assertTrue(hctx >= 0 && hctx < 4096);
            queues = Math.max(queues, hctx + 1);
        }
        assertTrue(queues <= map.length, "no more queues than CPUs");
    }
}
