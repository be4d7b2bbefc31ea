package org.blkflow.model;

import java.util.Comparator;
import java.util.List;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * The legacy request interface's submission side (blk-core.c, 3.16): blk_queue_bio with its plug
 * merge, elv_merge under queue_lock, get_request against nr_requests, plugging of all I/O, and the
 * plug flush that inserts everything before it traces U. queue_lock is taken with spin_lock_irq,
 * so no interrupt runs on a CPU while it holds or spins for it.
 */
final class LegacySubmission implements MakeRequest {

    private final Machine m;
    private final LegacyQueue q;
    private final Merging merging;
    private final RequestFn driver;
    private long nextRequestId;

    LegacySubmission(Machine m, LegacyQueue q, Merging merging, RequestFn driver) {
        this.m = m;
        this.q = q;
        this.merging = merging;
        this.driver = driver;
    }

    /** blk_queue_bio(). */
    @Override
    public void submit(Task task, Bio bio, Runnable done) {
        MakeRequest.queue(m, task, bio, q.queue, () -> {
            if (!m.merging || task.plug == null) {
                lockAndMerge(task, bio, 0, done);
                return;
            }
            merging.plugMerge(task, bio, done, requestCount -> lockAndMerge(task, bio, requestCount, done));
        });
    }

    /** spin_lock_irq(q->queue_lock), then elv_merge; no merge goes on to get_request with the lock held. */
    private void lockAndMerge(Task task, Bio bio, int requestCount, Runnable done) {
        q.queueLock.lockIrq(m.cpu(task.cpu), "blk_queue_bio", () -> {
            if (m.merging && elvMerge(task, bio)) {
                q.queueLock.unlock(m.cpu(task.cpu));
                done.run();
                return;
            }
            getRequest(task, bio, requestCount, done);
        });
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
    private void getRequest(Task task, Bio bio, int requestCount, Runnable done) {
        int cls = LegacyQueue.syncClass(bio.sync);
        if (q.allocated[cls] >= q.nrRequests) {
            m.emit.bio(TransitionKind.SLEEP, "S", "get_request", task.cpu, task.actor, bio, null, q.queue,
                    Place.task(task.cpu), Place.tagWait(0));
            task.pendingBio = bio;
            task.pendingRequestCount = requestCount;
            task.pendingDone = done;
            q.sleepers[cls].add(task);
            q.queueLock.unlock(m.cpu(task.cpu));
            if (task.plug != null && !task.plug.isEmpty()) flushPlug(task, true, () -> schedule(task));
            else schedule(task);
            return;
        }
        q.allocated[cls]++;
        m.after(task.cpu, m.costs.allocRequestNs(), () -> {
            Request rq = new Request(nextRequestId++, m.ctxs[task.cpu], q.queue, -1, bio);
            rq.place = Place.task(task.cpu);
            m.emit.bio(TransitionKind.GETRQ, "G", "get_request", task.cpu, task.actor, bio, rq, q.queue,
                    Place.NONE, Place.task(task.cpu));
            q.queueLock.unlock(m.cpu(task.cpu));
            afterGetRequest(task, bio, rq, requestCount, done);
        });
    }

    /** io_schedule(): the context switch away; the path ends until __freed_request wakes the task. */
    private void schedule(Task task) {
        m.schedule(task);
    }

    /** Woken in get_request: retake queue_lock and try again (a new S if it must sleep again). */
    void retryAfterWake(Task task) {
        m.switchIn(task, () -> {
            Bio bio = task.pendingBio;
            Runnable done = task.pendingDone;
            q.queueLock.lockIrq(m.cpu(task.cpu), "get_request",
                    () -> getRequest(task, bio, task.pendingRequestCount, done));
        });
    }

    /** With a plug every request is plugged, sync ones too; without one it is inserted and run. */
    private void afterGetRequest(Task task, Bio bio, Request rq, int requestCount, Runnable done) {
        task.pendingBio = null;
        task.pendingDone = null;
        rq.takeFirstBio(bio);
        if (task.plug != null) {
            if (requestCount >= Submission.MAX_PLUGGED) {
                flushPlug(task, false, () -> plug(task, rq, "P", done));
            } else {
                plug(task, rq, requestCount == 0 ? "P" : null, done);
            }
            return;
        }
        q.queueLock.lockIrq(m.cpu(task.cpu), "blk_queue_bio",
                () -> insert(rq, Place.task(task.cpu), task.cpu, task.actor,
                        () -> driver.runQueue(task.cpu, task.actor, () -> {
                            q.queueLock.unlock(m.cpu(task.cpu));
                            done.run();
                        })));
    }

    private void plug(Task task, Request rq, String action, Runnable done) {
        m.after(task.cpu, m.costs.insertNs(), () -> {
            task.plug.mqList.add(rq);
            m.emit.request(TransitionKind.PLUG, action, "blk_queue_bio", task.cpu, task.actor, rq,
                    Place.task(task.cpu), Place.plug(task.cpu));
            done.run();
        });
    }

    /** __elv_add_request() with ELEVATOR_INSERT_SORT, queue_lock held: I, the hash, last_merge. */
    private void insert(Request rq, Place from, int cpu, Actor actor, Runnable next) {
        m.after(cpu, m.costs.insertNs(), () -> {
            q.elevator.add(rq, m.sim.now());
            q.hashAdd(rq);
            if (q.lastMerge == null) q.lastMerge = rq;
            m.emit.request(TransitionKind.INSERT, "I", "__elv_add_request", cpu, actor, rq, from, Place.elevator(0));
            next.run();
        });
    }

    @Override
    public void finishPlug(Task task, Runnable done) {
        Plug.finish(task, onFlush -> flushPlug(task, false, onFlush), done);
    }

    /**
     * blk_flush_plug_list(): sorted by sector, every request inserted under one queue_lock, and
     * only then queue_unplugged() traces U (UT from schedule) and runs the queue — inline, or
     * through kblockd when called from schedule.
     */
    private void flushPlug(Task task, boolean fromSchedule, Runnable done) {
        List<Request> list = task.plug.drain();
        list.sort(Comparator.comparingLong(rq -> rq.sector));
        q.queueLock.lockIrq(m.cpu(task.cpu), "blk_flush_plug_list", () -> insertAll(task, list, 0, () -> {
            m.emit.queue(TransitionKind.UNPLUG, fromSchedule ? "UT" : "U", "queue_unplugged", task.cpu, task.actor,
                    task.cpu, q.queue, list.size());
            Runnable unlock = () -> {
                q.queueLock.unlock(m.cpu(task.cpu));
                done.run();
            };
            if (!fromSchedule) {
                driver.runQueue(task.cpu, task.actor, unlock);
                return;
            }
            driver.runQueueAsync(task.cpu, task.actor);
            unlock.run();
        }));
    }

    private void insertAll(Task task, List<Request> list, int i, Runnable done) {
        if (i == list.size()) {
            done.run();
            return;
        }
        insert(list.get(i), Place.plug(task.cpu), task.cpu, task.actor, () -> insertAll(task, list, i + 1, done));
    }
}
