package org.blkflow.model;

import java.util.List;
import java.util.function.IntConsumer;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * Bio-into-request merging of 3.16 blk-mq: the plug list (blk_attempt_plug_merge) and the tail of
 * the software queue (blk_mq_attempt_merge), with the limits of ll_back/front_merge_fn.
 *
 * <p>A merge attempt is planned, then applied once the scan's CPU time has passed. Nothing else can
 * change the list in between: the plug is the task's own, and ctx->rq_list is scanned under
 * ctx->lock.
 */
final class Merging {

    /** blk_mq_attempt_merge() looks at no more than this many requests from the ctx's tail. */
    static final int CTX_MERGE_SCAN = 8;

    /** What a scan found: the request to merge into (or none), which end, and what it cost. */
    record Plan(Request target, boolean back, int looked, int requestCount) {
        boolean merges() {
            return target != null;
        }
    }

    private final Machine m;
    private final Emitter emit;
    private final int maxSectors;
    private final int maxSegments;

    Merging(Machine m, int maxSectors, int maxSegments) {
        this.m = m;
        this.emit = m.emit;
        this.maxSectors = maxSectors;
        this.maxSegments = maxSegments;
    }

    /** CPU time of a scan that looked at {@code plan.looked()} requests. */
    long cost(Plan plan) {
        return plan.looked() * m.costs.mergeAttemptNs();
    }

    /**
     * blk_attempt_plug_merge(): walks the whole plug list from the tail, counting its requests, and
     * goes on past requests that cannot take the bio. requestCount is the plug's length when no
     * merge is found.
     */
    Plan planPlugMerge(Task task, Bio bio) {
        List<Request> list = task.plug.mqList;
        int count = 0;
        for (int i = list.size() - 1; i >= 0; i--) {
            Request rq = list.get(i);
            count++;
            if (!mergeOk(rq, bio)) continue;
            if (rq.end() == bio.sector && withinLimits(rq, bio)) return new Plan(rq, true, count, -1);
            if (rq.sector == bio.end() && withinLimits(rq, bio)) return new Plan(rq, false, count, -1);
        }
        return new Plan(null, false, count, count);
    }

    /**
     * blk_attempt_plug_merge() as a step of make_request, for blk-mq and the legacy queue alike: the
     * scan's CPU time, then the merge and {@code merged}, or {@code noMerge} with the plug's count.
     */
    void plugMerge(Task task, Bio bio, Runnable merged, IntConsumer noMerge) {
        Plan plan = planPlugMerge(task, bio);
        m.after(task.cpu, cost(plan), () -> {
            if (plan.merges()) {
                apply(plan, bio, task);
                merged.run();
            } else {
                noMerge.accept(plan.requestCount());
            }
        });
    }

    /**
     * blk_mq_attempt_merge(): at most 8 requests from the tail of ctx->rq_list; stops at the first
     * adjacent one whether or not the merge passes the limits. ctx->lock must be held.
     */
    Plan planCtxMerge(SoftwareQueue ctx, Bio bio) {
        return planListMerge(ctx.rqList, bio);
    }

    /** blk_bio_list_merge() on any request list: a ctx's, or kyber's per-ctx list of a domain. */
    Plan planListMerge(java.util.Deque<Request> list, Bio bio) {
        int checked = 0;
        var it = list.descendingIterator();
        while (it.hasNext() && checked < CTX_MERGE_SCAN) {
            Request rq = it.next();
            checked++;
            if (!mergeOk(rq, bio)) continue;
            if (rq.end() == bio.sector) return new Plan(withinLimits(rq, bio) ? rq : null, true, checked, 0);
            if (rq.sector == bio.end()) return new Plan(withinLimits(rq, bio) ? rq : null, false, checked, 0);
        }
        return new Plan(null, false, checked, 0);
    }

    /** bio_attempt_back_merge() or bio_attempt_front_merge(), as planned: M or F. */
    void apply(Plan plan, Bio bio, Task task) {
        if (plan.back()) attemptBack(plan.target(), bio, task);
        else attemptFront(plan.target(), bio, task);
    }

    /** blk_rq_merge_ok(): no REQ_NOMERGE or STARTED request, same direction. */
    static boolean mergeOk(Request rq, Bio bio) {
        return !rq.noMerge && !rq.started && rq.write == bio.write && rq.polled == bio.polled && !rq.bios.isEmpty();
    }

    /** ll_back/front_merge_fn(): a merge past max_sectors or max_segments fails and marks NOMERGE. */
    boolean withinLimits(Request rq, Bio bio) {
        if (rq.sectors + bio.sectors > maxSectors || rq.segments + bio.segments > maxSegments) {
            rq.noMerge = true;
            return false;
        }
        return true;
    }

    boolean attemptBack(Request rq, Bio bio, Task task) {
        if (!withinLimits(rq, bio)) return false;
        rq.bios.add(bio);
        grow(rq, bio);
        emit.bio(TransitionKind.BACKMERGE, "M", "bio_attempt_back_merge", task.cpu, task.actor, bio, rq,
                rq.hctx, Place.task(task.cpu), Place.MERGED);
        return true;
    }

    boolean attemptFront(Request rq, Bio bio, Task task) {
        if (!withinLimits(rq, bio)) return false;
        rq.bios.add(0, bio);
        rq.sector = bio.sector;
        grow(rq, bio);
        emit.bio(TransitionKind.FRONTMERGE, "F", "bio_attempt_front_merge", task.cpu, task.actor, bio, rq,
                rq.hctx, Place.task(task.cpu), Place.MERGED);
        return true;
    }

    private static void grow(Request rq, Bio bio) {
        rq.sectors += bio.sectors;
        rq.segments += bio.segments;
    }
}
