package org.blkflow.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesStayWithinTheStatedRelativeError() {
        Random random = new Random(316);
        for (int round = 0; round < 50; round++) {
            int n = 1 + random.nextInt(5000);
            long[] values = new long[n];
            LatencyHistogram h = new LatencyHistogram();
            for (int i = 0; i < n; i++) {
                values[i] = (long) Math.exp(random.nextDouble() * 40);
                h.record(values[i]);
            }
            Arrays.sort(values);
            for (double q : new double[] {0.01, 0.5, 0.9, 0.99, 1.0}) {
                long exact = values[(int) Math.max(0, Math.ceil(q * n) - 1)];
                long approx = h.percentile(q);
                assertTrue(Math.abs(approx - exact) <= exact / 128.0,
                        "q=" + q + " exact " + exact + " approx " + approx);
            }
        }
    }

    @Test
    void equalSamplesComeBackExactly() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(10_000);
        h.record(10_000);
        h.record(20_000);
        assertEquals(10_000, h.percentile(0.5));
        assertEquals(20_000, h.percentile(0.99));
        assertEquals(40_000 / 3.0, h.mean(), 1e-9);
    }

    @Test
    void bucketsTileTheNumberLine() {
        for (long v : new long[] {0, 1, 255, 256, 257, 511, 512, 10_000, 1L << 40, Long.MAX_VALUE}) {
            int i = LatencyHistogram.index(v);
            assertTrue(LatencyHistogram.start(i) <= v, "start of bucket of " + v);
            assertTrue(i + 1 == LatencyHistogram.index(Long.MAX_VALUE) + 1 || LatencyHistogram.start(i + 1) > v,
                    "next bucket after " + v);
        }
    }

    @Test
    void theMeanIsExactEvenWhenTheSumExceeds64Bits() {
        LatencyHistogram h = new LatencyHistogram();
        long big = Long.MAX_VALUE - 1;
        h.record(big);
        h.record(big);
        h.record(big);
        assertEquals((double) big, h.mean(), 1);
        assertEquals(big, h.percentile(0.5));
    }
}
