package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.Driver;
import org.blkflow.scenario.IrqMode;
import org.blkflow.scenario.Kernel;
import org.blkflow.scenario.Mode;
import org.blkflow.scenario.Rings;
import org.blkflow.scenario.Scheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 3.16 column of spec §2's test vectors, and rules 9 and 10. */
class CpuMapTest {

    @ParameterizedTest(name = "{0} CPUs on {1} queues → {2}")
    @CsvSource({"4,1,0000", "4,2,0011", "4,4,0123", "8,3,00011122", "2,4,01", "6,4,001122", "1,1,0",
                "16,4,0000111122223333", "5,2,00011"})
    void kernelDefaultMapWithoutSmt(int cpus, int queues, String expected) {
        assertEquals(expected, digits(CpuMap.kernel316(queues, cpus)));
    }

    @Test
    void smtSiblingsShareTheirFirstSiblingsQueue() {
        int[] siblingsFourApart = {0, 1, 2, 3, 0, 1, 2, 3};
        assertEquals("00110011", digits(CpuMap.kernel316(2, siblingsFourApart, allOnline(8))));
    }

    @Test
    void aScenarioWithSmtGetsTheSiblingAwareMap() {
        var s = new org.blkflow.scenario.Scenario("smt", 1, Mode.MQ, 8, 2, 64, 0, null, true,
                new org.blkflow.scenario.Device(10_000, IrqMode.SOFTIRQ, 255, 128, 0, Driver.NULL_BLK, Rings.SINGLE_LOCK), java.util.List.of(
                ScenarioBuilder.job().build()), Scheduler.NOOP, 128, org.blkflow.scenario.Costs.ZERO, 2, Kernel.V3_16, null);
        assertEquals("00110011", digits(new BlockLayerRun(s).cpuToHctx()), "siblings (i, i+4) share a queue");
    }

    @Test
    void adjacentSiblingsOnThreeQueuesLeaveTheThirdIdle() {
        int[] pairs = {0, 0, 2, 2, 4, 4, 6, 6};
        assertEquals("00001111", digits(CpuMap.kernel316(3, pairs, allOnline(8))));
    }

    @Test
    void offlineCpusMapToQueueZeroAndDoNotCount() {
        boolean[] online = allOnline(4);
        online[1] = false;
        int[] noSmt = {0, 1, 2, 3};
        // Three online CPUs on two queues: runs of two, and CPU 1 parked on hctx 0.
        assertEquals("0001", digits(CpuMap.kernel316(2, noSmt, online)));
    }

    private static boolean[] allOnline(int n) {
        boolean[] online = new boolean[n];
        Arrays.fill(online, true);
        return online;
    }

    private static String digits(int[] map) {
        return Arrays.stream(map).mapToObj(Integer::toString).collect(Collectors.joining());
    }
}
