package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SessionRateTest {

    @Test
    void admitsABurstOfTheLimitThenTheSteadyRate() {
        SessionRate rate = new SessionRate(50, 0);
        int admitted = 0;
        for (int i = 0; i < 80; i++) {
            admitted += rate.admit(0) ? 1 : 0;
        }
        assertEquals(50, admitted);
        assertFalse(rate.admit(10_000_000));      // 0.5 of a token after 10 ms
        assertTrue(rate.admit(20_000_000));       // a whole one after 20 ms
    }
}
