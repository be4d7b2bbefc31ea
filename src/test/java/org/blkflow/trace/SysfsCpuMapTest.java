package org.blkflow.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class SysfsCpuMapTest {

    @Test
    void theRealHisiSasMachineHas128CpusOn16QueuesStartingAtCpu32() throws IOException {
        String dump = Files.readString(TestData.real("sysfs/linux-block_hang-on-sync_sdb_128cpu_16hctx_cpu_list.txt"));
        int[] map = SysfsCpuMap.parse(dump);
        assertEquals(128, map.length);
        assertEquals(0, map[32], "hctx 0 starts at CPU 32");
        assertEquals(12, map[0], "CPUs 0-7 are on hctx 12");
        assertEquals(15, map[31]);
        assertEquals(11, map[127]);
        for (int cpu = 0; cpu < 128; cpu++) {
            assertEquals(((cpu / 8) + 12) % 16, map[cpu], "cpu " + cpu);
        }
    }

    @Test
    void plainLinesWithRanges() {
        assertArrayEquals(new int[] {1, 1, 0, 0, 1, 0}, SysfsCpuMap.parse("0: 2-3,5\n1: 0, 1, 4\n"));
    }

    @Test
    void aCpuListedTwiceNamesTheLine() {
        var e = assertThrows(SysfsCpuMap.Rejected.class, () -> SysfsCpuMap.parse("0: 0-3\n\n1: 3-5\n"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("CPU 3 is listed twice"), e.getMessage());
    }

    @Test
    void gapsInCpusOrQueuesAreRefused() {
        assertTrue(assertThrows(SysfsCpuMap.Rejected.class, () -> SysfsCpuMap.parse("0: 0-1\n1: 3\n"))
                .getMessage().contains("CPU 2 is in no hardware queue"));
        assertTrue(assertThrows(SysfsCpuMap.Rejected.class, () -> SysfsCpuMap.parse("0: 0\n2: 1\n"))
                .getMessage().contains("hardware queue 1 is missing"));
        assertEquals(2, assertThrows(SysfsCpuMap.Rejected.class, () -> SysfsCpuMap.parse("0: 0\nnonsense\n")).line());
    }

    /** Issue #11, defects 3 and 6: a huge queue number grew a list to 2^31 entries, or threw NumberFormatException. */
    @Test
    void aQueueNumberPastTheCpuLimitIsRefusedBeforeAnythingGrows() {
        for (String dump : new String[] {"2147483647: 0\n", "2147483648: 0\n", "99999999999999999999999: 0\n"}) {
            var e = assertThrows(SysfsCpuMap.Rejected.class, () -> SysfsCpuMap.parse(dump), dump);
            assertEquals(1, e.line());
            assertTrue(e.getMessage().contains("between 0 and 4095"), e.getMessage());
        }
        var e = assertThrows(SysfsCpuMap.Rejected.class, () -> SysfsCpuMap.parse("0: 0-99999999999\n"));
        assertTrue(e.getMessage().contains("between 0 and 4095"), e.getMessage());
    }
}
