package org.blkflow.model;

import static org.blkflow.model.ScenarioBuilder.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * cfq's idle decisions as 3.16's block/cfq-iosched.c makes them, driven request by request: the
 * idle slice timer's kick (wakeAt) after a completion, and what cfq_select_queue() dispatches next.
 */
class CfqDecisionsTest {

    private static final long SERVICE_NS = 10_000;
    private static final long FAR = 10_000;

    private final HardwareQueue hctx = new HardwareQueue(0, new TagSet<>(64, 0));
    private final SoftwareQueue ctx = new SoftwareQueue(0, hctx, 0, 0);
    private long ids;
    private long now;

    @Test
    void onADiskALoneSyncReadersEmptiedQueueIdlesForSliceIdle() {
        CfqElevator cfq = new CfqElevator(false);
        Task a = task(1);
        Request rq = add(cfq, a, 0, 8);
        assertSame(rq, start(cfq));
        complete(cfq, rq);
        assertEquals(now + CfqElevator.SLICE_IDLE_NS, cfq.wakeAt(), "the idle timer's kick");
        Request other = add(cfq, task(2), FAR, 8);
        assertNull(cfq.dispatch(now), "the device waits for process 1");
        now += CfqElevator.SLICE_IDLE_NS;
        assertSame(other, cfq.dispatch(now), "the timer expired process 1's queue");
    }

    @Test
    void onANonRotationalDeviceIdlingWaitsForTheDepthEstimate() {
        CfqElevator cfq = new CfqElevator(true);
        Request rq = add(cfq, task(1), 0, 8);
        assertSame(rq, start(cfq));
        complete(cfq, rq);
        assertEquals(-1, cfq.hwTag(), "no load yet, so no estimate");
        assertEquals(-1, cfq.wakeAt(), "hw_tag -1 counts as a queueing device: no idle");
        Request other = add(cfq, task(2), FAR, 8);
        assertSame(other, cfq.dispatch(now));
    }

    @Test
    void aShallowDriverMakesHwTagZeroAndTheLoneReaderIdlesAgain() {
        CfqElevator cfq = new CfqElevator(true);
        drive(cfq, task(1), 64, 2);
        assertEquals(0, cfq.hwTag());
        assertEquals(now + CfqElevator.SLICE_IDLE_NS, cfq.wakeAt(), "the last completion idles");
    }

    @Test
    void aDeepDriverMakesHwTagOneAndNothingIdles() {
        CfqElevator cfq = new CfqElevator(true);
        drive(cfq, task(1), 64, 6);
        assertEquals(1, cfq.hwTag());
        assertEquals(-1, cfq.wakeAt(), "no idle timer after the last completion");
    }

    @Test
    void aShallowSeekyQueueDoesNotIdleWithAnotherInItsServiceTree() {
        CfqElevator cfq = new CfqElevator(false);
        Task a = task(1);
        Task b = task(2);
        seekyRounds(cfq, b, 100_000);
        seekyRounds(cfq, a, 0);
        Request waiting = add(cfq, b, 200_000, 8);
        Request last = lastOfRound(cfq, a, 60 * FAR);
        complete(cfq, last);
        assertEquals(now, cfq.wakeAt(), "no idle: only cfq_schedule_dispatch's kick");
        assertSame(waiting, cfq.dispatch(now));
    }

    @Test
    void aShallowSeekyQueueAloneInItsServiceTreeIdles() {
        CfqElevator cfq = new CfqElevator(false);
        Task a = task(1);
        Task b = task(2);
        sequentialRound(cfq, b, 100_000);
        seekyRounds(cfq, a, 0);
        add(cfq, b, 100_000 + 6 * 8, 8);
        Request last = lastOfRound(cfq, a, 60 * FAR);
        complete(cfq, last);
        assertEquals(now + CfqElevator.SLICE_IDLE_NS, cfq.wakeAt(), "process 2 reads sequentially: another tree");
        assertNull(cfq.dispatch(now));
    }

    @Test
    void aDeepSeekyQueueKeepsItsIdleWindow() {
        CfqElevator cfq = new CfqElevator(false);
        List<Request> deep = deepSeekyQueueBeside(cfq, task(1), task(2));
        now += CfqElevator.SLICE_SYNC_NS * 3 / 5;
        assertNull(cfq.dispatch(now), "late in its slice, six queued at once: deep, so it waits for them");
        complete(cfq, deep.get(0));
        assertEquals(-1, cfq.wakeAt(), "no idle while five are in flight");
        for (Request rq : deep.subList(1, deep.size())) complete(cfq, rq);
        assertEquals(now + CfqElevator.SLICE_IDLE_NS, cfq.wakeAt(), "and then idles");
    }

    @Test
    void anIdleThatBringsNoRequestClearsTheDepthFlag() {
        CfqElevator cfq = new CfqElevator(false);
        Task a = task(1);
        Task b = task(2);
        List<Request> deep = deepSeekyQueueBeside(cfq, a, b);
        now += CfqElevator.SLICE_SYNC_NS * 3 / 5;
        for (Request rq : deep) complete(cfq, rq);
        now += CfqElevator.SLICE_IDLE_NS;
        Request bs = start(cfq);
        assertTrue(bs != null && bs.bios.get(0).task == b, "the idle ran out: process 2 next");
        complete(cfq, bs);
        Request next = add(cfq, a, 7 * FAR, 8);
        now += CfqElevator.SLICE_IDLE_NS;
        assertSame(next, start(cfq));
        add(cfq, b, 300_000, 8);
        complete(cfq, next);
        assertEquals(now, cfq.wakeAt(), "no longer deep, process 1 is shallow and seeky beside process 2: no idle");
    }

    @Test
    void aProcessThatIsDoneIsNotWaitedFor() {
        CfqElevator cfq = new CfqElevator(false);
        Task a = task(1);
        Request rq = add(cfq, a, 0, 8);
        assertSame(rq, start(cfq));
        a.remaining = 0;
        complete(cfq, rq);
        assertEquals(-1, cfq.wakeAt());
    }

    @Test
    void earlyInItsSliceADeepSeekyQueueLosesItsWindow() {
        CfqElevator cfq = new CfqElevator(false);
        deepSeekyQueueBeside(cfq, task(1), task(2));
        Request other = cfq.dispatch(now);
        assertTrue(other != null && other.bios.get(0).task.actor.pid() == 2,
                "the device is faster than the queue can deliver: no waiting, process 2 next");
    }

    /**
     * Process {@code b} made shallow and seeky, then six seeky requests of {@code a} queued at once
     * beside one of {@code b}'s: {@code a}'s six are dispatched, {@code b}'s waits.
     */
    private List<Request> deepSeekyQueueBeside(CfqElevator cfq, Task a, Task b) {
        seekyRounds(cfq, b, 100_000);
        now += CfqElevator.SLICE_IDLE_NS;
        assertNull(cfq.dispatch(now), "process 2's idle ran out");
        List<Request> deep = new ArrayList<>();
        for (int i = 0; i < 6; i++) deep.add(add(cfq, a, i * FAR, 8));
        add(cfq, b, 200_000, 8);
        for (Request rq : deep) assertSame(rq, start(cfq));
        return deep;
    }

    @Test
    void aUsedSliceWaitsForWhatALoneQueueHasInFlight() {
        CfqElevator cfq = new CfqElevator(true);
        Task a = task(1);
        for (int i = 0; i < CfqElevator.QUANTUM + 2; i++) add(cfq, a, i * FAR, 8);
        for (int i = 0; i < CfqElevator.QUANTUM; i++) start(cfq);
        now += CfqElevator.SLICE_SYNC_NS;
        assertNull(cfq.dispatch(now), "the group's only busy queue: check_group_idle waits");
        Request other = add(cfq, task(2), 500_000, 8);
        assertSame(other, cfq.dispatch(now), "another busy queue: the used slice expires");
    }

    @Test
    void theNonRotationalSeekRuleIsTheRequestsSize() {
        assertFalse(afterFive(true, 8).idleWindow, "4 KiB requests, even sequential, are seeky");
        assertTrue(afterFive(true, 64).idleWindow, "32 KiB ones are not");
        assertTrue(afterFive(false, 8).idleWindow, "on a disk sequential ones are not");
    }

    /** Five sequential requests of {@code sectors}, one queued at a time. */
    private CfqQueue afterFive(boolean nonrot, int sectors) {
        CfqQueue q = new CfqQueue(true);
        Task t = task(1);
        for (int i = 0; i < 5; i++) {
            Request rq = request(t, (long) i * sectors, sectors);
            q.add(rq);
            q.enqueued(rq, nonrot);
            q.pollFirst();
        }
        return q;
    }

    /** {@code ios} requests queued at once, at most {@code depth} in the driver, each completion one sample. */
    private void drive(CfqElevator cfq, Task t, int ios, int depth) {
        for (int i = 0; i < ios; i++) add(cfq, t, i * FAR, 8);
        ArrayDeque<Request> driver = new ArrayDeque<>();
        while (true) {
            while (driver.size() < depth) {
                Request rq = start(cfq);
                if (rq == null) break;
                driver.add(rq);
            }
            if (driver.isEmpty()) return;
            complete(cfq, driver.poll());
        }
    }

    /** Two rounds of three requests 10,000 sectors apart: shallow, and seeky on a disk from the sixth. */
    private void seekyRounds(CfqElevator cfq, Task t, long base) {
        round(cfq, t, base, 0);
        round(cfq, t, base, 3);
    }

    private void sequentialRound(CfqElevator cfq, Task t, long base) {
        List<Request> rqs = new ArrayList<>();
        for (int i = 0; i < 6; i++) rqs.add(add(cfq, t, base + i * 8, 8));
        runAll(cfq, rqs);
    }

    private void round(CfqElevator cfq, Task t, long base, int from) {
        List<Request> rqs = new ArrayList<>();
        for (int i = from; i < from + 3; i++) rqs.add(add(cfq, t, base + i * FAR, 8));
        runAll(cfq, rqs);
    }

    /** A third seeky round whose last completion is left to the test. */
    private Request lastOfRound(CfqElevator cfq, Task t, long base) {
        List<Request> rqs = new ArrayList<>();
        for (int i = 0; i < 3; i++) rqs.add(add(cfq, t, base + i * FAR, 8));
        for (Request rq : rqs) assertSame(rq, start(cfq));
        complete(cfq, rqs.get(0));
        complete(cfq, rqs.get(1));
        return rqs.get(2);
    }

    /** Dispatch every request (past another queue's idle if need be), then complete them. */
    private void runAll(CfqElevator cfq, List<Request> rqs) {
        for (Request rq : rqs) {
            Request got = start(cfq);
            if (got == null) {
                now += CfqElevator.SLICE_IDLE_NS;
                got = start(cfq);
            }
            assertSame(rq, got);
        }
        for (Request rq : rqs) complete(cfq, rq);
        cfq.wakeAt();
    }

    private Request start(CfqElevator cfq) {
        Request rq = cfq.dispatch(now);
        if (rq != null) cfq.activated(rq);
        return rq;
    }

    private void complete(CfqElevator cfq, Request rq) {
        now += SERVICE_NS;
        cfq.completed(rq, now);
    }

    private Request add(CfqElevator cfq, Task t, long sector, int sectors) {
        Request rq = request(t, sector, sectors);
        cfq.add(rq, now);
        return rq;
    }

    private Request request(Task t, long sector, int sectors) {
        Bio bio = new Bio(++ids, t, sector, sectors, false, true);
        Request rq = new Request(ids, ctx, hctx, -1, bio);
        rq.takeFirstBio(bio);
        return rq;
    }

    private static Task task(int pid) {
        return new Task(pid, 0, job().rw("randread").ios(1000).build(), 0);
    }
}
