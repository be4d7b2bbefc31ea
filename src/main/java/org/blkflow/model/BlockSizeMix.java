package org.blkflow.model;

import java.util.List;
import java.util.SplittableRandom;
import org.blkflow.scenario.BsSplit;

/**
 * fio's bssplit as a task draws from it: one whole percent from the run's seeded generator picks the
 * entry whose share covers it, as fio's get_next_buflen() walks its bssplit list. Random offsets are
 * aligned to the smallest size, as fio aligns them to min_bs.
 */
final class BlockSizeMix {

    private final int[] sectors;
    /** cumulative[i]: the percent below which entry i is drawn. */
    private final int[] cumulative;
    private final int minSectors;

    private BlockSizeMix(List<BsSplit> split) {
        sectors = new int[split.size()];
        cumulative = new int[split.size()];
        int sum = 0;
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < sectors.length; i++) {
            sectors[i] = split.get(i).bs() / 512;
            sum += split.get(i).percent();
            cumulative[i] = sum;
            min = Math.min(min, sectors[i]);
        }
        minSectors = min;
    }

    /** The mix of a job's direction, or null when its bios are all one size (then nothing is drawn). */
    static BlockSizeMix of(List<BsSplit> split) {
        return split == null ? null : new BlockSizeMix(split);
    }

    /** One bio's size in sectors: one draw from the generator, whatever the number of entries. */
    int draw(SplittableRandom random) {
        int percent = random.nextInt(100);
        for (int i = 0; i < sectors.length; i++) {
            if (percent < cumulative[i]) return sectors[i];
        }
        throw new IllegalStateException("bssplit percents sum to " + cumulative[cumulative.length - 1] + ", not 100");
    }

    int minSectors() {
        return minSectors;
    }
}
