package org.blkflow.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PaceTest {

    static final long MS = 1_000_000;

    @Test
    void owesSpeedTimesElapsedAndCarriesTheFraction() {
        Pace pace = new Pace(100, 0);
        assertEquals(1, pace.due(16 * MS, 1024));   // 1.6 owed
        assertEquals(2, pace.due(32 * MS, 1024));   // 0.6 + 1.6
        assertEquals(100, pace.due(1032 * MS, 1024) + pace.due(1032 * MS, 1024));
    }

    @Test
    void aLongWaitOwesAtMostOneBatchSoNoBurstFollows() {
        Pace pace = new Pace(10_000_000, 0);
        assertEquals(4096, pace.due(10_000 * MS, 4096));
        assertEquals(16384, pace.due(10_016 * MS, 16384), "16 ms at 1e7/s is 160,000: still one batch");
        assertEquals(0, pace.due(10_016 * MS, 16384), "and nothing is carried over");
    }

    @Test
    void speedZeroAsksForAWholeBatchEveryTurn() {
        Pace pace = new Pace(0, 0);
        assertEquals(1024, pace.due(1, 1024));
        assertEquals(16384, pace.due(1, 16384));
    }
}
