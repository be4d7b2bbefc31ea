package org.blkflow.session;

/**
 * How many transitions one play turn owes: {@code speed × elapsed}, carrying the fraction over, or
 * a whole batch at speed 0. The debt is capped at one batch, so a client that was slow to take the
 * last one never receives a burst later: the speed is a ceiling, not a promise.
 */
final class Pace {

    private final double perNano;
    private double owed;
    private long last;

    Pace(double speed, long nowNs) {
        this.perNano = speed / 1e9;
        this.last = nowNs;
    }

    /** @param batch the most one message may carry now */
    int due(long nowNs, int batch) {
        long elapsed = Math.max(0, nowNs - last);
        last = nowNs;
        owed = perNano == 0 ? batch : Math.min(batch, owed + perNano * elapsed);
        int n = (int) owed;
        owed -= n;
        return n;
    }
}
