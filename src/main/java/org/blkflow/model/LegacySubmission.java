package org.blkflow.model;

import java.util.Comparator;
import java.util.List;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * The legacy request interface's submission side (blk-core.c, 3.16): blk_queue_bio with its plug
 * merge, elv_merge under queue_lock, get_request against nr_requests, plugging of all I/O, and the
 * plug flush that inserts everything before it traces U.
 */
final class LegacySubmission implements MakeRequest {

    private final Machine m;
    private final LegacyQueue q;
    private final Merging merging;
    private final RequestFn driver;
    private Workload workload;
    private long nextRequestId;

    LegacySubmission(Machine m, LegacyQueue q, Merging merging, RequestFn driver) {
        this.m = m;
        this.q = q;
        this.merging = merging;
        this.driver = driver;
    }

    void attach(Workload workload) {
        this.workload = workload;
    }

    /** blk_queue_bio(). */
    @Override
    public boolean submit(Task task, Bio bio) {
        MakeRequest.queue(m, task, bio, q.queue);
        int requestCount = 0;
        if (m.merging && task.plug != null) {
            requestCount = merging.attemptPlugMerge(task, bio);
            if (requestCount < 0) return true;
        }
        q.queueLock.lock(task.cpu, "blk_queue_bio");
        if (m.merging && elvMerge(task, bio)) {
            q.queueLock.unlock();
            return true;
        }
        return getRequest(task, bio, requestCount);
    }

    /**
     * elv_merge() and the bio merge: q->last_merge first, then the back-merge hash, then the
     * elevator's front-merge lookup; one candidate is tried.
     */
    private boolean elvMerge(Task task, Bio bio) {
        Request rq = q.lastMerge;
        if (rq == null || !Merging.mergeOk(rq, bio) || (rq.end() != bio.sector && rq.sector != bio.end())) {
            rq = q.backMergeCandidate(bio);
            if (rq == null || !Merging.mergeOk(rq, bio)) rq = q.elevator.frontMergeCandidate(bio);
            if (rq == null || !Merging.mergeOk(rq, bio)) return false;
        }
        long oldSector = rq.sector;
        long oldEnd = rq.end();
        boolean back = rq.end() == bio.sector;
        if (!(back ? merging.attemptBack(rq, bio, task) : merging.attemptFront(rq, bio, task))) return false;
        q.hashRemove(rq, oldEnd);
        q.hashAdd(rq);
        q.elevator.merged(rq, oldSector);
        q.lastMerge = rq;
        return true;
    }

    /**
     * get_request(), entered with queue_lock held and left with it released: a request if the sync
     * class is under nr_requests (G after the allocation), else S and a sleep on rl->wait.
     */
    private boolean getRequest(Task task, Bio bio, int requestCount) {
        int cls = LegacyQueue.syncClass(bio.sync);
        if (q.allocated[cls] >= q.nrRequests) {
            m.emit.bio(TransitionKind.SLEEP, "S", "get_request", task.cpu, task.actor, bio, null, q.queue,
                    Place.task(task.cpu), Place.tagWait(0));
            task.pendingBio = bio;
            task.pendingRequestCount = requestCount;
            q.sleepers[cls].add(task);
            q.queueLock.unlock();
            if (task.plug != null && !task.plug.isEmpty()) flushPlug(task, true);
            m.charge(m.costs.switchNs());
            return false;
        }
        q.allocated[cls]++;
        m.charge(m.costs.allocRequestNs());
        q.queueLock.unlock();
        Request rq = new Request(nextRequestId++, m.ctxs[task.cpu], q.queue, -1, bio);
        rq.place = Place.task(task.cpu);
        m.emit.bio(TransitionKind.GETRQ, "G", "get_request", task.cpu, task.actor, bio, rq, q.queue,
                Place.NONE, Place.task(task.cpu));
        afterGetRequest(task, bio, rq, requestCount);
        return true;
    }

    /** Woken in get_request: retake queue_lock and try again (a new S if it must sleep again). */
    void retryAfterWake(Task task) {
        m.charge(m.costs.switchNs());
        Bio bio = task.pendingBio;
        q.queueLock.lock(task.cpu, "get_request");
        if (getRequest(task, bio, task.pendingRequestCount)) workload.resume(task);
    }

    /** With a plug every request is plugged, sync ones too; without one it is inserted and run. */
    private void afterGetRequest(Task task, Bio bio, Request rq, int requestCount) {
        task.pendingBio = null;
        rq.takeFirstBio(bio);
        if (task.plug != null) {
            String action = requestCount == 0 ? "P" : null;
            if (requestCount >= Submission.MAX_PLUGGED) {
                flushPlug(task, false);
                action = "P";
            }
            m.charge(m.costs.insertNs());
            task.plug.mqList.add(rq);
            m.emit.request(TransitionKind.PLUG, action, "blk_queue_bio", task.cpu, task.actor, rq,
                    Place.task(task.cpu), Place.plug(task.cpu));
            return;
        }
        q.queueLock.lock(task.cpu, "blk_queue_bio");
        insert(rq, Place.task(task.cpu), task.cpu, task.actor);
        driver.runQueue(task.cpu, task.actor);
        q.queueLock.unlock();
    }

    /** __elv_add_request() with ELEVATOR_INSERT_SORT, queue_lock held: I, the hash, last_merge. */
    private void insert(Request rq, Place from, int cpu, Actor actor) {
        m.charge(m.costs.insertNs());
        q.elevator.add(rq, m.sim.now());
        q.hashAdd(rq);
        if (q.lastMerge == null) q.lastMerge = rq;
        m.emit.request(TransitionKind.INSERT, "I", "__elv_add_request", cpu, actor, rq, from, Place.elevator(0));
    }

    @Override
    public void finishPlug(Task task) {
        if (!task.plug.isEmpty()) flushPlug(task, false);
        task.plug = null;
    }

    /**
     * blk_flush_plug_list(): sorted by sector, every request inserted under one queue_lock, and
     * only then queue_unplugged() traces U (UT from schedule) and runs the queue — inline, or
     * through kblockd when called from schedule.
     */
    private void flushPlug(Task task, boolean fromSchedule) {
        List<Request> list = task.plug.drain();
        list.sort(Comparator.comparingLong(rq -> rq.sector));
        q.queueLock.lock(task.cpu, "blk_flush_plug_list");
        for (Request rq : list) insert(rq, Place.plug(task.cpu), task.cpu, task.actor);
        m.emit.queue(TransitionKind.UNPLUG, fromSchedule ? "UT" : "U", "queue_unplugged", task.cpu, task.actor,
                task.cpu, q.queue, list.size());
        if (fromSchedule) driver.runQueueAsync(task.cpu, task.actor);
        else driver.runQueue(task.cpu, task.actor);
        q.queueLock.unlock();
    }
}
