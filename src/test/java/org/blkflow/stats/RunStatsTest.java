package org.blkflow.stats;

import static org.blkflow.transition.TransitionKind.BACKMERGE;
import static org.blkflow.transition.TransitionKind.BIO_END;
import static org.blkflow.transition.TransitionKind.COMPLETE;
import static org.blkflow.transition.TransitionKind.FREE;
import static org.blkflow.transition.TransitionKind.FRONTMERGE;
import static org.blkflow.transition.TransitionKind.GETRQ;
import static org.blkflow.transition.TransitionKind.INSERT;
import static org.blkflow.transition.TransitionKind.ISSUE;
import static org.blkflow.transition.TransitionKind.PLUG;
import static org.blkflow.transition.TransitionKind.QUEUE;
import static org.blkflow.transition.TransitionKind.REQUEUE;
import static org.blkflow.transition.TransitionKind.SLEEP;
import static org.blkflow.transition.TransitionKind.UNPLUG;
import static org.blkflow.transition.TransitionKind.WAKE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunStatsTest {

    private static final long US = 1000;

    /**
     * The reference trace of blktrace-format.md §8: a plugged write with a back-merged bio and a read
     * that is requeued and issued again. btt's hand-computed Q2C and D2C hold here too.
     */
    private static TransitionLog bttReference() {
        return new TransitionLog()
                .add(0, QUEUE, 0, -1)
                .add(5 * US, QUEUE, 1, -1)
                .add(10 * US, GETRQ, 0, -1)
                .add(15 * US, GETRQ, 1, -1)
                .add(20 * US, PLUG, -1, 0)
                .add(25 * US, INSERT, -1, 1)
                .add(30 * US, QUEUE, 2, -1)
                .add(40 * US, BACKMERGE, 2, 0)
                .add(50 * US, INSERT, -1, 0)
                .add(60 * US, UNPLUG, -1, -1)
                .add(100 * US, ISSUE, -1, 0)
                .add(200 * US, ISSUE, -1, 1)
                .add(250 * US, REQUEUE, -1, 1)
                .add(300 * US, ISSUE, -1, 1)
                .add(800 * US, COMPLETE, -1, 1)
                .add(800 * US, BIO_END, 1, 1)
                .add(800 * US, FREE, -1, 1)
                .add(1100 * US, COMPLETE, -1, 0)
                .add(1100 * US, BIO_END, 0, 0)
                .add(1100 * US, BIO_END, 2, 0)
                .add(1100 * US, FREE, -1, 0);
    }

    @Test
    void latenciesMatchBttsHandComputedFigures() {
        RunStats stats = bttReference().replay();
        // Q2C = (1100 + 1070 + 795) / 3 µs and D2C = (1000 + 1000 + 500) / 3 µs, as btt prints.
        assertEquals(988_333.333, stats.q2c().mean(), 0.001);
        assertEquals(833_333.333, stats.d2c().mean(), 0.001);
        // Q2D per bio with the last D before C: 100, 70 and 295 µs (btt also samples the first D, 195).
        assertEquals(155_000.0, stats.q2d().mean(), 0.001);
        assertEquals(1_070_000, stats.q2c().p50());
        assertEquals(1_100_000, stats.q2c().p99());
        assertEquals(1_000_000, stats.d2c().p50());
        assertEquals(3, stats.q2c().samples());
    }

    @Test
    void countsFollowTheBlktraceActions() {
        RunStats stats = bttReference()
                .add(1200 * US, PLUG, null, -1, 3)
                .add(1300 * US, SLEEP, 7, -1)
                .add(1300 * US, WAKE, 7, -1)
                .add(1400 * US, FRONTMERGE, 8, 3)
                .replay();
        Counts c = stats.counts();
        assertEquals(25, c.transitions());
        assertEquals(3, c.bios());
        assertEquals(2, c.requests(), "a re-issue after a requeue is the same request");
        assertEquals(3, c.completed());
        assertEquals(1, c.backMerges());
        assertEquals(1, c.frontMerges());
        assertEquals(1, c.plugs(), "a plug onto a non-empty list carries no P");
        assertEquals(1, c.unplugs());
        assertEquals(1, c.requeues());
        assertEquals(1, c.tagWaits());
        assertEquals(1_400_000, stats.simTimeNs());
    }

    @Test
    void iopsIsCompletedBiosPerSimulatedSecond() {
        RunStats stats = bttReference().replay();
        assertEquals(3 / 1.1e-3, stats.iops(), 1e-6);
        assertEquals(0, new TransitionLog().add(0, QUEUE, 0, -1).replay().iops());
        assertEquals(0, new RunStats().q2c().p99());
    }

    @Test
    void memoryFollowsWhatIsInFlightNotTheLengthOfTheRun() {
        RunStats stats = new RunStats();
        TransitionLog window = new TransitionLog();
        int inFlight = 8;
        long bios = 240_000;
        int maxRemembered = 0;
        for (long b = 0; b < bios; b += inFlight) {
            window.transitions.clear();
            for (long i = b; i < b + inFlight; i++) {
                window.add(i * 100, QUEUE, i, -1).add(i * 100, GETRQ, i, i).add(i * 100 + 10, ISSUE, -1, i);
            }
            for (long i = b; i < b + inFlight; i++) {
                window.add(i * 100 + 90, COMPLETE, -1, i).add(i * 100 + 90, BIO_END, i, i).add(i * 100 + 90, FREE, -1, i);
            }
            for (var t : window.transitions) {
                stats.onTransition(t);
                maxRemembered = Math.max(maxRemembered, stats.remembered());
            }
        }
        assertEquals(bios, stats.counts().completed());
        assertEquals(0, stats.remembered());
        assertTrue(maxRemembered <= 3 * inFlight, "remembered at most " + maxRemembered);
        assertEquals(90.0, stats.q2c().mean());
        assertEquals(80, stats.d2c().p99());
    }

    @Test
    void aBioThatNeverCompletesGivesNoSample() {
        RunStats stats = new TransitionLog().add(0, QUEUE, 0, -1).add(10, ISSUE, -1, 0).replay();
        assertEquals(0, stats.q2c().samples());
        assertEquals(0, stats.counts().completed());
    }
}
