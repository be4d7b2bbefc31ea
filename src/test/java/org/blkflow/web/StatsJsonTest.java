package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.engine.LockStat;
import org.blkflow.stats.RunStats;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StatsJsonTest {

    private static final LockStat QUEUE_LOCK = new LockStat("queue_lock", 412, 9_000, 35, 880, 14_020, 20, 640,
            2_300, List.of("blk_queue_bio: 300", "blk_end_bidi_request: 112"));
    private static final LockStat IO_LOCK = new LockStat("io_lock", 0, 64, 0, 0, 0, 150, 151, 152, List.of());

    @Test
    void locksAreEmptyUntilTheRunHandsThemOver() {
        assertEquals("[]", StatsJson.toNode(new RunStats()).get("locks").toString());
    }

    @Test
    void eachLockBecomesOneLockstatLineInTheRunsOrder() {
        RunStats stats = new RunStats();
        stats.recordLocks(List.of(QUEUE_LOCK, IO_LOCK));
        JsonNode locks = StatsJson.toNode(stats).get("locks");
        assertEquals(2, locks.size());
        assertEquals("{\"name\":\"queue_lock\",\"contentions\":412,\"acquisitions\":9000,\"waitTimeMinNs\":35,"
                + "\"waitTimeAvgNs\":880,\"waitTimeMaxNs\":14020,\"holdTimeMinNs\":20,\"holdTimeAvgNs\":640,"
                + "\"holdTimeMaxNs\":2300,\"contendedBy\":[\"blk_queue_bio: 300\",\"blk_end_bidi_request: 112\"]}",
                locks.get(0).toString());
        assertEquals("io_lock", locks.get(1).get("name").stringValue());
        assertEquals(152, locks.get(1).get("holdTimeMaxNs").longValue());
        assertEquals(0, locks.get(1).get("contendedBy").size());
    }

    @Test
    void theStatsKeepTheirOwnCopyOfTheLockList() {
        List<LockStat> fromRun = new ArrayList<>(List.of(QUEUE_LOCK));
        RunStats stats = new RunStats();
        stats.recordLocks(fromRun);
        fromRun.add(IO_LOCK);
        assertEquals(List.of(QUEUE_LOCK), stats.locks());
        assertThrows(UnsupportedOperationException.class, () -> stats.locks().add(IO_LOCK));
    }
}
