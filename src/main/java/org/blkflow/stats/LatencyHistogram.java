package org.blkflow.stats;

/**
 * Latencies in nanoseconds, in a fixed-size log-linear histogram (as HdrHistogram does): values
 * below 256 are counted exactly, above that every power of two is cut into 128 equal buckets. A
 * percentile is the mean of the samples in its bucket: exact when they are all equal (common in a
 * deterministic run, where 10 µs stays 10000, not a bucket midpoint), and otherwise inside the bucket,
 * so off by less than 1/128 of the true value (< 0.8%). The mean is exact. Memory is ~117 KB
 * whatever the number of samples.
 */
public final class LatencyHistogram {

    private static final int SUB_BITS = 7;
    private static final int SUB_BUCKETS = 1 << SUB_BITS;
    private static final int EXACT = 2 * SUB_BUCKETS;
    private static final int BUCKETS = EXACT + (63 - SUB_BITS - 1) * SUB_BUCKETS;

    private final long[] counts = new long[BUCKETS];
    /** Per bucket, the sum of (sample − bucket start): small numbers, exact in a double for any real run. */
    private final double[] offsets = new double[BUCKETS];
    private long count;
    private long min = Long.MAX_VALUE;
    private long max;
    private final ExactSum sum = new ExactSum();

    /** Negative samples (impossible for a well-ordered stream) count as 0. */
    public void record(long nanos) {
        long v = Math.max(0, nanos);
        int i = index(v);
        counts[i]++;
        offsets[i] += v - start(i);
        count++;
        min = Math.min(min, v);
        max = Math.max(max, v);
        sum.add(v);
    }

    public long count() {
        return count;
    }

    /** 0 when empty. */
    public double mean() {
        return count == 0 ? 0 : sum.value() / count;
    }

    /** The nearest-rank percentile (q in (0, 1]); 0 when empty. */
    public long percentile(double q) {
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * count));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                long inBucket = start(i) + Math.round(offsets[i] / counts[i]);
                return Math.min(max, Math.max(min, inBucket));
            }
        }
        return max;
    }

    static int index(long v) {
        if (v < EXACT) {
            return (int) v;
        }
        int shift = (63 - Long.numberOfLeadingZeros(v)) - SUB_BITS;
        long top = v >>> shift;
        return EXACT + (shift - 1) * SUB_BUCKETS + (int) (top - SUB_BUCKETS);
    }

    /** The smallest value of a bucket; the next bucket starts 2^shift higher. */
    static long start(int index) {
        if (index < EXACT) {
            return index;
        }
        int shift = (index - EXACT) / SUB_BUCKETS + 1;
        long top = SUB_BUCKETS + (index - EXACT) % SUB_BUCKETS;
        return top << shift;
    }

    /** A 128-bit running sum: millions of long latencies cannot overflow it. */
    private static final class ExactSum {
        private long high;
        private long low;

        void add(long v) {
            long next = low + v;
            if (Long.compareUnsigned(next, low) < 0) {
                high++;
            }
            low = next;
        }

        double value() {
            double unsignedLow = (double) (low >>> 1) * 2 + (low & 1);
            return high * 0x1p64 + unsignedLow;
        }
    }
}
