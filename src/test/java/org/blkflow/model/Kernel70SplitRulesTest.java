package org.blkflow.model;

import static org.blkflow.model.Kernel70PlugRulesTest.letters;
import static org.blkflow.model.Kernel70PlugRulesTest.repeat;
import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.blkflow.transition.Place;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/**
 * Spec kernel-6x.md §9 rule 40 and §1.5: a bio over the queue's limits is split in
 * __bio_split_to_limits / bio_submit_split, X for each split, each piece its own request, one Q only.
 * The device completes inline (irqmode none); C's are left out as the rule lists none.
 */
class Kernel70SplitRulesTest {

    private static final int MIB = 1 << 20;

    private static List<Transition> run(String scheduler, boolean callerPlug) {
        return RunRecorder.run(scenario().kernel70(scheduler).irq("none").maxSectors(256)
                .job(job().bs(MIB).ios(1).plug(callerPlug)).build());
    }

    private static List<Transition> of(List<Transition> ts, String action) {
        return ts.stream().filter(t -> action.equals(t.action())).toList();
    }

    /**
     * Rule 40 as written: no caller plug, none, max_sectors 256, one 1 MiB (2048-sector) read. Each
     * __submit_bio has its own plug, flushed on return (U(1) D), before the __submit_bio_noacct_mq
     * loop takes the remainder from current->bio_list: Q X G P U(1) D, six times X G P U(1) D, then
     * the last 256 sectors, which fit, G P U(1) D.
     */
    @Test
    void rule40_aOneMiBReadSplitsIntoEightRequestsWithSevenXAndOneQ() {
        List<Transition> ts = run("none", false);
        assertEquals("Q X G P U(1) D" + repeat("X G P U(1) D", 6) + " G P U(1) D", letters(ts, false));
        assertEquals(1, of(ts, "Q").size());
        List<Transition> xs = of(ts, "X");
        assertEquals(7, xs.size());
        long bio = of(ts, "Q").get(0).bio();
        for (int i = 0; i < xs.size(); i++) {
            Transition x = xs.get(i);
            assertEquals(bio, x.bio(), "X names the bio Q showed");
            assertEquals(256L * i, x.sector(), "front piece " + i);
            assertEquals(256, x.sectors());
            assertEquals(256L * (i + 1), x.count(), "the remainder starts behind the piece");
            assertEquals("bio_submit_split", x.fn());
        }
        List<Transition> ds = of(ts, "D");
        assertEquals(8, ds.size());
        for (int i = 0; i < ds.size(); i++) {
            assertEquals(256L * i, ds.get(i).sector());
            assertEquals(256, ds.get(i).sectors(), "8 requests of 256 sectors");
        }
        assertEquals(8, ts.stream().filter(t -> t.kind() == TransitionKind.BIO_END).count(), "each piece ends");
        assertEquals(bio, ts.stream().filter(t -> t.kind() == TransitionKind.BIO_END).reduce((a, b) -> b)
                .orElseThrow().bio(), "the bio itself, the last remainder, ends last");
    }

    /**
     * With a caller plug __submit_bio's own plug is a no-op, so the pieces collect in the caller's
     * plug, and blk_add_rq_to_plug's size check (the oldest request has reached 128 KiB = 256
     * sectors) flushes each before the next joins: Q X G P; for pieces 2–7, X G U(1) D P; the last
     * remainder G U(1) D P; blk_finish_plug U(1) D. No merge: each plugged request came from a
     * REQ_NOMERGE piece.
     */
    @Test
    void rule40_underACallerPlugEachPieceFlushesTheOneBefore() {
        List<Transition> ts = run("none", true);
        assertEquals("Q X G P" + repeat("X G U(1) D P", 6) + " G U(1) D P U(1) D", letters(ts, false));
        assertEquals(0, ts.stream().filter(t -> t.kind() == TransitionKind.BACKMERGE).count());
    }

    /**
     * mq-deadline, no caller plug: each private plug's flush is U(1), I (dd_insert_requests) and the
     * inline run's D (rule 2), before the remainder comes: Q X G P U(1) I D, six times
     * X G P U(1) I D, then G P U(1) I D. The last remainder tries dd_bio_merge, but every piece has
     * left the scheduler by then.
     */
    @Test
    void rule40_withMqDeadlineEachPieceIsInsertedAndDispatchedInline() {
        List<Transition> ts = run("mq-deadline", false);
        assertEquals("Q X G P U(1) I D" + repeat("X G P U(1) I D", 6) + " G P U(1) I D", letters(ts, false));
        assertTrue(of(ts, "D").stream().allMatch(d -> d.pid() == 1000), "D inline in the submitting task");
    }

    /** A piece's X happens in the task, which still holds the remainder: X moves nothing. */
    @Test
    void xIsABioMoveInTheTaskWithItsPayload() {
        Transition x = of(run("none", false), "X").get(0);
        assertEquals(Place.task(0), x.from());
        assertEquals(Place.task(0), x.to());
        assertEquals(-1, x.req());
    }

    /** Segments limit too: max_segments 16 (one per 4 KiB page) cuts a 256 KiB write into 128-sector pieces. */
    @Test
    void maxSegmentsCutsPiecesToEightSectorsPerSegment() {
        List<Transition> ts = RunRecorder.run(scenario().kernel70("none").irq("none").maxSectors(1024).maxSegments(16)
                .job(job().rw("write").bs(256 * 1024).ios(1)).build());
        assertEquals(3, of(ts, "X").size());
        assertTrue(of(ts, "D").stream().allMatch(d -> d.sectors() == 128));
    }
}
