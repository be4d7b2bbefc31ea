package org.blkflow.model;

import org.blkflow.engine.Simulation;

/**
 * What a test of an invariant family moves by hand: one task on CPU 0, one hardware queue with CPU 0's
 * software queue, and an emitter whose every move the {@link Invariants} under test checks, so a
 * seeded violation is reported at the move that makes it.
 */
abstract class InvariantsRig {

    Emitter emit;
    Task task;
    Actor actor;
    HardwareQueue hctx;
    SoftwareQueue ctx;

    /** The rig checked by {@code inv}, on a hardware queue of {@code depth} tags, {@code reserved} of them reserved. */
    void rig(Invariants inv, int depth, int reserved) {
        emit = new Emitter(new Simulation(1), inv);
        task = new Task(1000, 0, ScenarioBuilder.job().build(), 0);
        actor = task.actor;
        hctx = new HardwareQueue(0, new TagSet<>(depth, reserved));
        ctx = new SoftwareQueue(0, hctx, 0, reserved);
        hctx.addCtx(ctx);
    }
}
