package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.engine.Cpu;
import org.blkflow.engine.Simulation;
import org.blkflow.scenario.Costs;
import org.blkflow.transition.Place;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec §9 rules 4–7: where merges are looked for, when they happen, and when never again. */
class MergingTest {

    private Emitter emit;
    private Machine machine;
    private Merging merging;
    private Task task;
    private SoftwareQueue ctx;
    private HardwareQueue hctx;
    private long ids;

    @BeforeEach
    void setUp() {
        Simulation sim = new Simulation(1);
        emit = new Emitter(sim, new Invariants(1, 64, 0, 255, 128));
        machine = new Machine(sim, emit, new Cpu[0], new SoftwareQueue[0], new HardwareQueue[0], true, Costs.ZERO,
                org.blkflow.engine.CpuObserver.NONE, false);
        merging = new Merging(machine, 255, 128);
        task = new Task(1000, 0, ScenarioBuilder.job().rw("write").build(), 0);
        task.plug = new Plug();
        hctx = new HardwareQueue(0, new TagSet<>(64, 0));
        ctx = new SoftwareQueue(0, hctx, 0, 0);
        hctx.addCtx(ctx);
    }

    @Test
    void backMergeWhenTheBioStartsWhereTheRequestEnds() {
        Request rq = request(100, 8);
        ctx.rqList.add(rq);
        assertTrue(ctxMerge(ctx, bio(108, 8), task));
        assertEquals(100, rq.sector);
        assertEquals(16, rq.sectors);
        assertEquals("M", drained().get(0).action());
    }

    @Test
    void frontMergeWhenTheBioEndsWhereTheRequestStarts() {
        Request rq = request(100, 8);
        ctx.rqList.add(rq);
        assertTrue(ctxMerge(ctx, bio(92, 8), task));
        assertEquals(92, rq.sector, "a front merge moves the start sector");
        assertEquals(16, rq.sectors);
        assertEquals("F", drained().get(0).action());
    }

    @Test
    void noMergeForABioThatOnlyOverlapsOrLeavesAGap() {
        Request rq = request(100, 8);
        ctx.rqList.add(rq);
        assertFalse(ctxMerge(ctx, bio(104, 8), task));
        assertFalse(ctxMerge(ctx, bio(109, 8), task));
        assertFalse(ctxMerge(ctx, bio(91, 8), task));
        assertTrue(drained().isEmpty());
    }

    @Test
    void thePlugMergeWalksTheWholeListFromTheTail() {
        Request head = request(0, 8);
        task.plug.mqList.add(head);
        for (int i = 1; i <= 20; i++) task.plug.mqList.add(request(10_000 * i, 8));
        assertEquals(-1, plugMerge(merging, task, bio(8, 8)), "merged into the list's first request");
        assertEquals(16, head.sectors);
    }

    @Test
    void thePlugMergeCountsTheRequestsItWalked() {
        for (int i = 0; i < 5; i++) task.plug.mqList.add(request(10_000 * i, 8));
        assertEquals(5, plugMerge(merging, task, bio(777_777, 8)));
    }

    @Test
    void theCtxMergeLooksAtNoMoreThanEightRequestsFromTheTail() {
        Request ninthFromTail = request(0, 8);
        ctx.rqList.add(ninthFromTail);
        for (int i = 1; i <= 8; i++) ctx.rqList.add(request(10_000 * i, 8));
        assertFalse(ctxMerge(ctx, bio(8, 8), task));
        ctx.rqList.pollLast();
        assertTrue(ctxMerge(ctx, bio(8, 8), task), "eighth from the tail is still looked at");
    }

    @Test
    void theCtxMergeStopsAtTheFirstAdjacentRequestEvenWhenItsMergeFails() {
        Request full = request(0, 248);
        Request alsoAdjacent = request(264, 8);
        ctx.rqList.add(alsoAdjacent);
        ctx.rqList.add(full);
        // 256 is adjacent to the back of `full` (over the limit) and the front of `alsoAdjacent`.
        assertFalse(ctxMerge(ctx, bio(248, 16), task));
        assertTrue(full.noMerge);
        assertEquals(8, alsoAdjacent.sectors, "the scan stopped before the second candidate");
    }

    @Test
    void aMergeOverMaxSectorsFailsAndTheRequestNeverMergesAgain() {
        Request rq = request(0, 240);
        task.plug.mqList.add(rq);
        assertEquals(1, plugMerge(merging, task, bio(240, 16)), "240 + 16 > 255");
        assertTrue(rq.noMerge);
        assertEquals(1, plugMerge(merging, task, bio(240, 8)), "would fit, but REQ_NOMERGE is permanent");
        assertEquals(240, rq.sectors);
    }

    @Test
    void aMergeOverMaxSegmentsFailsToo() {
        Merging fewSegments = new Merging(machine, 255, 2);
        Request rq = request(0, 16);
        task.plug.mqList.add(rq);
        assertEquals(1, plugMerge(fewSegments, task, bio(16, 8)), "2 + 1 segments > 2");
        assertTrue(rq.noMerge);
    }

    @Test
    void startedRequestsAndOtherDirectionsNeverMerge() {
        Request started = request(0, 8);
        started.started = true;
        ctx.rqList.add(started);
        assertFalse(ctxMerge(ctx, bio(8, 8), task));
        ctx.rqList.clear();
        Request read = new Request(ids++, ctx, hctx, 1, readBio(200, 8));
        read.takeFirstBio(readBio(200, 8));
        live(read);
        ctx.rqList.add(read);
        assertFalse(ctxMerge(ctx, bio(208, 8), task), "a write never joins a read");
    }

    /** blk_attempt_plug_merge() as the path runs it: the plan, then the merge; -1 on a merge. */
    private static int plugMerge(Merging merging, Task task, Bio bio) {
        Merging.Plan plan = merging.planPlugMerge(task, bio);
        if (!plan.merges()) return plan.requestCount();
        merging.apply(plan, bio, task);
        return -1;
    }

    private boolean ctxMerge(SoftwareQueue ctx, Bio bio, Task task) {
        Merging.Plan plan = merging.planCtxMerge(ctx, bio);
        if (plan.merges()) merging.apply(plan, bio, task);
        return plan.merges();
    }

    private Request request(long sector, int sectors) {
        Bio first = bio(sector, sectors);
        Request rq = new Request(ids++, ctx, hctx, (int) (ids % 64), first);
        rq.takeFirstBio(first);
        live(rq);
        return rq;
    }

    private static void live(Request rq) {
        rq.checkedPlace = Place.ctx(0);
        rq.checkedSectors = rq.sectors;
        rq.bios.get(0).checkedOwner = rq;
    }

    private Bio bio(long sector, int sectors) {
        Bio b = new Bio(ids++, task, sector, sectors, true, false);
        b.checkedQueued = true;
        return b;
    }

    private Bio readBio(long sector, int sectors) {
        Bio b = new Bio(ids++, task, sector, sectors, false, true);
        b.checkedQueued = true;
        return b;
    }

    private List<Transition> drained() {
        List<Transition> out = new ArrayList<>();
        for (Transition t = emit.poll(); t != null; t = emit.poll()) out.add(t);
        return out;
    }
}
