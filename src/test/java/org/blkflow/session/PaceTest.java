package org.blkflow.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PaceTest {

    static final long MS = 1_000_000;

    @Test
    void owesSpeedTimesElapsedAndCarriesTheFraction() {
        Pace pace = new Pace(100, 0);
        assertEquals(1, pace.due(16 * MS, true));   // 1.6 owed
        assertEquals(2, pace.due(32 * MS, true));   // 0.6 + 1.6
        assertEquals(100, pace.due(1032 * MS, true) + pace.due(1032 * MS, true));
    }

    @Test
    void aClientThatIsNotReadyGetsNothingAndNoBurstLater() {
        Pace pace = new Pace(10_000_000, 0);
        assertEquals(0, pace.due(16 * MS, false));
        assertEquals(Pace.MAX_BATCH, pace.due(10_000 * MS, true));
        assertEquals(Pace.MAX_BATCH, pace.due(10_016 * MS, true));
    }

    @Test
    void speedZeroAsksForAFullBatchWheneverTheClientIsReady() {
        Pace pace = new Pace(0, 0);
        assertEquals(Pace.MAX_BATCH, pace.due(1, true));
        assertEquals(0, pace.due(2, false));
        assertEquals(Pace.MAX_BATCH, pace.due(3, true));
    }
}
