package org.blkflow.model;

import static org.blkflow.model.Oops.fail;

import org.blkflow.transition.Transition;

/**
 * What a submitter may have to wait for, as the stream hands it out and back: blk-mq's driver tags
 * (in range, never reserved for a bio, never held twice; in 7.0 under a scheduler also the
 * scheduler tags, the driver tag only from dispatch to a requeue or the free), the legacy queue's
 * nr_requests per sync class and the bio-based driver's commands. A sleep for any of them is legal
 * only when the stream shows every one held (1, 2 and 6 in the README), and a hardware queue never
 * has more started requests than its room.
 */
final class TagInvariants {

    private final Request[][] tagOwner;
    private final int[] tagsHeld;
    private final int[] started;
    private final int depth;
    private final int reserved;
    private final int startedLimit;
    private final int[] requestsAllocated = new int[2];
    private int nrRequests;
    private int commands;
    private int commandsInUse;

    private boolean modern;
    private int schedDepth;
    private Request[][] schedOwner = new Request[0][0];
    private int[] schedHeld = new int[0];
    private int asyncCapacity;

    TagInvariants(int hwQueues, int depth, int reserved, int startedLimit) {
        this.tagOwner = new Request[hwQueues][depth];
        this.tagsHeld = new int[hwQueues];
        this.started = new int[hwQueues];
        this.depth = depth;
        this.reserved = reserved;
        this.startedLimit = startedLimit;
    }

    void modern(int schedDepth, int asyncCapacity) {
        this.modern = true;
        this.asyncCapacity = asyncCapacity;
        this.schedDepth = schedDepth;
        this.schedOwner = new Request[tagsHeld.length][Math.max(schedDepth, 0)];
        this.schedHeld = new int[tagsHeld.length];
    }

    void limits(int nrRequests, int commands) {
        this.nrRequests = nrRequests;
        this.commands = commands;
    }

    /** A new request takes a scheduler tag (7.0 under a scheduler), a driver tag, or a legacy request. */
    void allocate(Transition t, Bio bio, Request rq) {
        if (modern && rq.internalTag >= 0) {
            if (!(rq.internalTag < schedDepth)) fail("tag-range", "scheduler tag " + rq.internalTag + " outside [0, "
                    + schedDepth + ")", t, bio, rq);
            Request holder = schedOwner[rq.hctx.index][rq.internalTag];
            if (!(holder == null)) fail("tag-unique", "scheduler tag " + rq.internalTag + " of hctx " + rq.hctx.index
                    + " already held by request " + (holder == null ? -1 : holder.id), t, bio, rq);
            if (!(rq.tag < 0)) fail("two-tag-levels", "request " + rq.id + " has a driver tag before dispatch", t, bio, rq);
            schedOwner[rq.hctx.index][rq.internalTag] = rq;
            schedHeld[rq.hctx.index]++;
        } else if (rq.tag >= 0) {
            takeDriverTag(t, bio, rq);
        } else {
            requestsAllocated[rq.sync ? 1 : 0]++;
        }
    }

    /** D: in 7.0 a scheduler-tagged request has its driver tag by now; the queue has room for it. */
    void issue(Transition t, Bio bio, Request rq) {
        if (modern && rq.checkedDriverTag < 0) takeDriverTag(t, bio, rq);
        int n = ++started[rq.hctx.index];
        if (!(n <= startedLimit)) fail("started-within-tags", n + " started requests on hctx "
                + rq.hctx.index + " with room for " + startedLimit, t, bio, rq);
    }

    /** R: no longer started; 7.0's __blk_mq_requeue_request() gives a scheduler-tagged request's driver tag back. */
    void requeue(Transition t, Request rq) {
        started[rq.hctx.index]--;
        if (modern && rq.internalTag >= 0) putDriverTag(t, rq);
    }

    void completed(Request rq) {
        started[rq.hctx.index]--;
    }

    /** The free returns what the request holds: its tags (7.0: both levels), or its legacy request. */
    void free(Transition t, Bio bio, Request rq) {
        if (modern) {
            free70(t, bio, rq);
            return;
        }
        if (!(rq.tag < 0 || tagOwner[rq.hctx.index][rq.tag] == rq)) fail("tag-unique", "request " + rq.id
                + " frees tag " + rq.tag + " it does not hold", t, bio, rq);
        if (rq.tag >= 0) {
            tagOwner[rq.hctx.index][rq.tag] = null;
            tagsHeld[rq.hctx.index]--;
        } else {
            requestsAllocated[rq.sync ? 1 : 0]--;
        }
    }

    /** null_blk queue_mode=0's alloc_cmd() took a command; bio_endio gives it back. */
    void commandTaken() {
        commandsInUse++;
    }

    void commandBack() {
        commandsInUse--;
    }

    /** S (or a re-sleep): only when the stream shows every tag, request or command it waits for held. */
    void sleep(Transition t, Bio bio) {
        if (modern) sleepOnlyWhenFull70(t, bio);
        else sleepOnlyWhenFull(t, bio);
    }

    /** 1–2: by the function that sleeps, what must all be held. */
    private void sleepOnlyWhenFull(Transition t, Bio bio) {
        switch (t.fn()) {
            case "blk_mq_map_request", "bt_get" -> {
                if (!(tagsHeld[t.hctx()] == depth - reserved)) fail("sleep-when-no-tag",
                    "sleeps for a tag of hctx " + t.hctx() + " with " + tagsHeld[t.hctx()] + " of "
                            + (depth - reserved) + " normal tags held", t, bio, null);
            }
            case "get_request" -> {
                int cls = bio.sync ? 1 : 0;
                if (!(requestsAllocated[cls] >= nrRequests)) fail("sleep-when-no-request",
                        "sleeps in get_request with " + requestsAllocated[cls] + " of " + nrRequests
                                + (bio.sync ? " sync" : " async") + " requests allocated", t, bio, null);
            }
            case "alloc_cmd" -> {
                if (!(commandsInUse >= commands)) fail("sleep-when-no-command",
                    "sleeps in alloc_cmd with " + commandsInUse + " of " + commands + " commands in use",
                    t, bio, null);
            }
            default -> { }
        }
    }

    /** 6: 7.0 has no block_sleeprq: a tag wait carries no letter, and only when its pool is all held. */
    private void sleepOnlyWhenFull70(Transition t, Bio bio) {
        if (!(t.action() == null)) fail("no-sleeprq-in-7.0", "7.0 traces no S (block_sleeprq went in 5.11)", t, bio, null);
        int h = t.hctx();
        boolean sched = schedDepth > 0;
        int held = sched ? schedHeld[h] : tagsHeld[h];
        int all = !sched ? depth - reserved : bio.write ? asyncCapacity : schedDepth;
        if (!(held >= all && held <= (sched ? schedDepth : depth - reserved))) fail("sleep-when-no-tag", "waits for a "
                + (sched ? "scheduler" : "driver") + " tag of hctx " + h + " with " + held + " of " + all + " held",
                t, bio, null);
    }

    /** A driver tag: in range, normal, not held by another request. */
    private void takeDriverTag(Transition t, Bio bio, Request rq) {
        if (!(rq.tag >= reserved && rq.tag < depth)) fail("tag-range",
                "tag " + rq.tag + " outside normal tags [" + reserved + ", " + depth + ")", t, bio, rq);
        Request holder = tagOwner[rq.hctx.index][rq.tag];
        if (!(holder == null)) fail("tag-unique", "tag " + rq.tag + " of hctx " + rq.hctx.index
                + " already held by request " + (holder == null ? -1 : holder.id), t, bio, rq);
        tagOwner[rq.hctx.index][rq.tag] = rq;
        tagsHeld[rq.hctx.index]++;
        rq.checkedDriverTag = rq.tag;
    }

    private void putDriverTag(Transition t, Request rq) {
        if (!(rq.tag < 0 && rq.checkedDriverTag >= 0)) fail("two-tag-levels", "request " + rq.id
                + " requeued without putting its driver tag", t, null, rq);
        tagOwner[rq.hctx.index][rq.checkedDriverTag] = null;
        tagsHeld[rq.hctx.index]--;
        rq.checkedDriverTag = -1;
    }

    /** 7.0: the driver tag (if dispatch gave it one) and the scheduler tag both come back. */
    private void free70(Transition t, Bio bio, Request rq) {
        if (rq.checkedDriverTag >= 0) {
            if (!(tagOwner[rq.hctx.index][rq.checkedDriverTag] == rq && rq.tag == rq.checkedDriverTag)) fail("tag-unique",
                    "request " + rq.id + " frees driver tag " + rq.tag + " it does not hold", t, bio, rq);
            tagOwner[rq.hctx.index][rq.checkedDriverTag] = null;
            tagsHeld[rq.hctx.index]--;
        }
        if (rq.internalTag >= 0) {
            schedOwner[rq.hctx.index][rq.internalTag] = null;
            schedHeld[rq.hctx.index]--;
        }
    }
}
