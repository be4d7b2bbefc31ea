package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioValidator;
import org.blkflow.transition.DeadlineBatch;
import org.blkflow.transition.Snapshot;
import org.blkflow.transition.Transition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The snapshot's mq-deadline batch (what a seek draws on the scheduler lane) is the model's as the
 * dispatch last delivered left it, though with zero CPU costs the model may already have dispatched
 * more in the same event: after every dispatch it names that dispatch's direction, batch place and
 * sector, and between dispatches it does not move.
 */
class DeadlineBatchSnapshotTest {

    @ParameterizedTest
    @ValueSource(strings = {"deadline-starved-70", "sata-70", "requeue-70", "preset:sata-70", "preset:requeue-70"})
    void theSnapshotsBatchIsTheDispatchJustDelivered(String name) {
        Scenario scenario = name.startsWith("preset:")
                ? ScenarioValidator.require(Presets.byId(name.substring(7)).orElseThrow().scenario())
                : GoldenScenarios.named(name);
        BlockLayerRun run = new BlockLayerRun(scenario);
        List<Snapshot.DeadlineLane> before = List.of();
        Set<Integer> starved = new HashSet<>();
        long lastDispatchT = -1;
        int sameInstant = 0, dispatches = 0;
        for (Transition t = run.next(); t != null; t = run.next()) {
            List<Snapshot.DeadlineLane> now = run.snapshot().deadline();
            if (!"dd_dispatch_request".equals(t.fn())) {
                assertEquals(before.stream().map(Snapshot.DeadlineLane::batch).toList(), now.stream().map(Snapshot.DeadlineLane::batch).toList(),
                        "the batch moves only at a dispatch, step " + run.steps());
                before = now;
                continue;
            }
            dispatches++;
            if (t.t() == lastDispatchT) sameInstant++;
            lastDispatchT = t.t();
            DeadlineBatch b = now.get(0).batch();
            String dir = t.rwbs().contains("W") ? "write" : "read";
            assertEquals(t.sector(), dir.equals("write") ? b.writePos() : b.readPos(), "latest_pos, step " + run.steps());
            if (t.count() >= 1) {
                assertEquals(dir, b.lastDir(), "last_dir, step " + run.steps());
                assertEquals(t.count(), b.batching(), "batching, step " + run.steps());
            } else {
                assertEquals(before.get(0).batch().batching(), b.batching(), "dd->dispatch is outside any batch, step " + run.steps());
            }
            assertTrue(b.starved() >= 0 && b.starved() <= MqDeadline.WRITES_STARVED, "starved " + b.starved());
            starved.add(b.starved());
            before = now;
        }
        assertTrue(dispatches > 0, "mq-deadline dispatched");
        System.out.println("[dd] " + name + ": " + dispatches + " dispatches, " + sameInstant
                + " at the instant of the one before, starved values " + starved);
        if (name.equals("deadline-starved-70")) {
            assertEquals(Set.of(0, 1, 2), starved, "writes starved once and twice");
            assertTrue(sameInstant > 0, "dispatches at one instant: with zero costs one event may run several, the model ahead of the one delivered");
        }
    }
}
