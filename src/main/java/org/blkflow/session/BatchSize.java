package org.blkflow.session;

/**
 * How many transitions one play message may carry: it doubles while the client takes each message
 * within a tick and halves when it does not, like a congestion window. At 16,384 per message and a
 * message per 16 ms a session can reach a million transitions a second; a browser that parses
 * slowly settles at the size it can take in a frame or two.
 */
final class BatchSize {

    static final int MIN = 256;
    /** About 5.5 MB of JSON: still one frame a browser parses in tens of milliseconds. */
    static final int MAX = 16_384;
    static final int START = 1024;

    private int size = START;

    int size() {
        return size;
    }

    void sent(boolean keptUp) {
        size = keptUp ? Math.min(MAX, size * 2) : Math.max(MIN, size / 2);
    }
}
