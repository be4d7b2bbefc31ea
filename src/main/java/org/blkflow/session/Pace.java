package org.blkflow.session;

/**
 * How many transitions one play tick owes: {@code speed × elapsed}, carrying the fraction over, or
 * a full batch at speed 0. A client that is not ready gets nothing, and the debt is capped at one
 * batch so a slow client never receives a burst later: the speed is a ceiling, not a promise.
 */
final class Pace {

    /**
     * Transitions in one message at most: about 600 KB of JSON, well under the 4 MiB send buffer,
     * and small enough that a browser parses it within a frame or two. Up to 128,000 per second.
     */
    static final int MAX_BATCH = 2048;

    private final double perNano;
    private double owed;
    private long last;

    Pace(double speed, long nowNs) {
        this.perNano = speed / 1e9;
        this.last = nowNs;
    }

    int due(long nowNs, boolean ready) {
        long elapsed = Math.max(0, nowNs - last);
        last = nowNs;
        owed = perNano == 0 ? MAX_BATCH : Math.min(MAX_BATCH, owed + perNano * elapsed);
        if (!ready) {
            return 0;
        }
        int n = (int) owed;
        owed -= n;
        return n;
    }
}
