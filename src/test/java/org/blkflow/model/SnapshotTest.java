package org.blkflow.model;

import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.blkflow.scenario.Scenario;
import org.blkflow.transition.Snapshot;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/** A snapshot shows the delivered step, even when the model has already computed further. */
class SnapshotTest {

    private final Scenario plugged = scenario().irq("timer")
            .job(job().rw("write").libaio().iodepth(4).plug().ios(4)).build();

    @Test
    void afterTheFirstMergeTheRequestHoldsTwoBiosOnThePlug() {
        BlockLayerRun run = new BlockLayerRun(plugged);
        Transition t;
        do {
            t = run.next();
        } while (t.kind() != TransitionKind.BACKMERGE);
        Snapshot snap = run.snapshot();
        assertEquals(run.steps(), snap.step());
        Snapshot.Item rq = snap.items().stream().filter(i -> i.type().equals("req")).findFirst().orElseThrow();
        assertEquals("plug:0", rq.place().toString());
        assertEquals(16, rq.sectors());
        assertEquals(List.of(0L, 1L), rq.bios());
        assertEquals(1, snap.hctxs().get(0).tagsUsed());
    }

    @Test
    void atTheEndNothingIsLive() {
        BlockLayerRun run = new BlockLayerRun(plugged);
        while (run.next() != null) {
            // drain
        }
        assertTrue(run.finished());
        assertTrue(run.snapshot().items().isEmpty());
        assertEquals(0, run.snapshot().hctxs().get(0).tagsUsed());
    }

    @Test
    void aBusyRequestWaitsOnItsHardwareQueueAndTheQueueShowsStopped() {
        BlockLayerRun run = new BlockLayerRun(scenario().irq("timer").slots(1)
                .job(job().rw("randwrite").libaio().iodepth(3).ios(3)).build());
        Transition t;
        do {
            t = run.next();
        } while (t.kind() != TransitionKind.REQUEUE);
        Snapshot snap = run.snapshot();
        assertTrue(snap.hctxs().get(0).stopped());
        assertEquals(2, snap.hctxs().get(0).dispatched(), "the refused request and the one never started");
    }
}
