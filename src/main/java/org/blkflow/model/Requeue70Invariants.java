package org.blkflow.model;

import static org.blkflow.model.Oops.fail;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.blkflow.transition.Place;
import org.blkflow.transition.PlaceKind;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;

/**
 * 6, 7.0's driver requeue and absorbed requests (spec §9 rules 26 and 38): a driver R
 * (blk_mq_requeue_request) only from null_blk's injection, at most one per {@code requeueEvery}
 * queue_rq calls, and every requeued request dispatched again before it completes; a request
 * absorbed by another (block_rq_merge) is contiguous with it, hands over its sectors and bios, and
 * is never inserted, dispatched, issued or completed afterwards — only freed.
 */
final class Requeue70Invariants {

    static final String DRIVER_REQUEUE = "blk_mq_requeue_request";

    private int requeueEvery;
    /** null_queue_rq calls so far: each follows its request's D. */
    private long issues;
    private long driverRequeues;
    /** Requests R'd (by the core or the driver) and not yet issued again. */
    private final Set<Request> awaitingIssue = Collections.newSetFromMap(new IdentityHashMap<>());

    void requeueEvery(int every) {
        this.requeueEvery = every;
    }

    /** Whether {@code t} is the driver's own requeue, which needs no full device. */
    boolean driverRequeue(Transition t) {
        return t.kind() == TransitionKind.REQUEUE && DRIVER_REQUEUE.equals(t.fn());
    }

    /** Every move of a request: an absorbed one only leaves by its free. */
    void moved(Transition t, Request rq) {
        if (rq == null || rq.mergedInto == null) return;
        if (t.kind() == TransitionKind.RQ_MERGE || t.kind() == TransitionKind.FREE) return;
        fail("absorbed-request-gone", "request " + rq.id + " was absorbed by request " + rq.mergedInto.id
                + " but gets " + t.kind().label(), t, null, rq);
    }

    void issue(Transition t, Request rq) {
        issues++;
        awaitingIssue.remove(rq);
    }

    void requeue(Transition t, Request rq) {
        awaitingIssue.add(rq);
        if (!driverRequeue(t)) return;
        if (!(requeueEvery > 0 && ++driverRequeues * requeueEvery <= issues)) fail("driver-requeue-injected",
                "driver requeue " + driverRequeues + " after " + issues + " queue_rq calls with requeueEvery "
                        + requeueEvery, t, null, rq);
        if (!(t.to().kind() == PlaceKind.REQUEUE)) fail("driver-requeue-injected",
                "a driver requeue goes to q->requeue_list, not " + t.to(), t, null, rq);
    }

    /** C or free: a requeued request must have been issued again first. */
    void ended(Transition t, Request rq) {
        if (awaitingIssue.remove(rq)) fail("requeue-dispatched-again", "request " + rq.id
                + " was requeued and " + t.kind().label() + "d without a second D", t, null, rq);
    }

    /**
     * block_rq_merge: {@code rq} starts where its survivor ended, the survivor grows by exactly its
     * sectors, and its bios are the survivor's from now on (they end with the survivor's C).
     */
    void absorbed(Transition t, Request rq) {
        Request req = rq.mergedInto;
        if (req == null || req.id != t.count()) {
            fail("absorbed-request-gone", "request " + rq.id + " traced as absorbed by " + t.count()
                    + " but the model merged it into " + (req == null ? "nothing" : req.id), t, null, rq);
            return;
        }
        Place at = req.checkedPlace;
        if (!(!req.started && (at.kind() == PlaceKind.ELEVATOR || at.kind() == PlaceKind.PLUG))) fail("merge-target",
                "request " + rq.id + " absorbed by request " + req.id + " which is started or in " + at, t, null, rq);
        if (!(req.sector + req.checkedSectors == rq.sector && t.sector() == rq.sector)) fail("merge-adjacent",
                "request " + rq.sector + "+" + rq.checkedSectors + " does not start where request " + req.sector
                        + "+" + req.checkedSectors + " ended", t, null, rq);
        if (!(req.sectors == req.checkedSectors + rq.checkedSectors && t.sectors() == rq.checkedSectors
                && rq.bios.isEmpty())) fail("sectors-conserved", "request " + req.id + " grew from "
                + req.checkedSectors + " to " + req.sectors + " absorbing " + rq.checkedSectors + " sectors", t, null, rq);
        req.checkedSectors = req.sectors;
        for (Bio b : req.bios) b.checkedOwner = req;
    }

    void checkEnd(String state) {
        if (!awaitingIssue.isEmpty()) {
            throw new org.blkflow.transition.InvariantViolation("requeue-dispatched-again",
                    awaitingIssue.size() + " requeued requests never issued again", null, state);
        }
    }
}
