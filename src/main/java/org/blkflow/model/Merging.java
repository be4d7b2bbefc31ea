package org.blkflow.model;

import java.util.List;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * Bio-into-request merging of 3.16 blk-mq: the plug list (blk_attempt_plug_merge) and the tail of
 * the software queue (blk_mq_attempt_merge), with the limits of ll_back/front_merge_fn.
 */
final class Merging {

    /** blk_mq_attempt_merge() looks at no more than this many requests from the ctx's tail. */
    static final int CTX_MERGE_SCAN = 8;

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

    /**
     * blk_attempt_plug_merge(): walks the whole plug list from the tail, counting its requests, and
     * goes on past requests that cannot take the bio. Returns -1 on a merge, else request_count.
     */
    int attemptPlugMerge(Task task, Bio bio) {
        List<Request> list = task.plug.mqList;
        int count = 0;
        for (int i = list.size() - 1; i >= 0; i--) {
            Request rq = list.get(i);
            count++;
            m.charge(m.costs.mergeAttemptNs());
            if (!mergeOk(rq, bio)) continue;
            if (rq.end() == bio.sector && attemptBack(rq, bio, task)) return -1;
            if (rq.sector == bio.end() && attemptFront(rq, bio, task)) return -1;
        }
        return count;
    }

    /**
     * blk_mq_attempt_merge(): at most 8 requests from the tail of ctx->rq_list; stops at the first
     * adjacent one whether or not the merge passes the limits.
     */
    boolean attemptCtxMerge(SoftwareQueue ctx, Bio bio, Task task) {
        int checked = 0;
        var it = ctx.rqList.descendingIterator();
        while (it.hasNext() && checked++ < CTX_MERGE_SCAN) {
            Request rq = it.next();
            m.charge(m.costs.mergeAttemptNs());
            if (!mergeOk(rq, bio)) continue;
            if (rq.end() == bio.sector) return attemptBack(rq, bio, task);
            if (rq.sector == bio.end()) return attemptFront(rq, bio, task);
        }
        return false;
    }

    /** blk_rq_merge_ok(): no REQ_NOMERGE or STARTED request, same direction. */
    static boolean mergeOk(Request rq, Bio bio) {
        return !rq.noMerge && !rq.started && rq.write == bio.write && !rq.bios.isEmpty();
    }

    /** ll_back/front_merge_fn(): a merge past max_sectors or max_segments fails and marks NOMERGE. */
    private boolean withinLimits(Request rq, Bio bio) {
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
