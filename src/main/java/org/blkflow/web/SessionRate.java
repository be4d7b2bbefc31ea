package org.blkflow.web;

/**
 * A token bucket of commands per second for one connection: bursts up to the limit, then the
 * steady rate. Only the connection's receiving thread uses it.
 */
final class SessionRate {

    private final int perSecond;
    private double tokens;
    private long last;

    SessionRate(int perSecond, long nowNs) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.last = nowNs;
    }

    boolean admit(long nowNs) {
        tokens = Math.min(perSecond, tokens + (nowNs - last) * perSecond / 1e9);
        last = nowNs;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
