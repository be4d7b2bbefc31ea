package org.blkflow.session;

import java.util.Arrays;

/**
 * Increasing step positions of one marker, at most {@code max} of them: once there are more, the
 * run is seen in stretches twice as long and only the first position of each stretch is kept. So a
 * marker that happens a million times still costs a few kilobytes, and every stretch of the run
 * that has one still shows one.
 */
final class MarkerLine {

    private final int max;
    private long[] positions = new long[16];
    private int size;
    private long stretch = 1;

    MarkerLine(int max) {
        this.max = max;
    }

    void add(long step) {
        if (size > 0 && step / stretch == positions[size - 1] / stretch) {
            return;
        }
        if (size == positions.length) {
            positions = Arrays.copyOf(positions, size * 2);
        }
        positions[size++] = step;
        while (size > max) {
            coarsen();
        }
    }

    long[] positions() {
        return Arrays.copyOf(positions, size);
    }

    private void coarsen() {
        stretch *= 2;
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (kept == 0 || positions[i] / stretch != positions[kept - 1] / stretch) {
                positions[kept++] = positions[i];
            }
        }
        size = kept;
    }
}
