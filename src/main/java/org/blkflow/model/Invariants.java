package org.blkflow.model;

import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Place;
import org.blkflow.transition.PlaceKind;
import org.blkflow.transition.Transition;

/**
 * The model's BUG_ONs, all in one place. Every transition is checked against shadow state that only
 * this class writes, so a model that moves a request without saying so, or says so twice, is caught
 * at the transition where it happened instead of drawing a wrong picture.
 */
final class Invariants {

    private final Request[][] tagOwner;
    private final int[] started;
    private final int depth;
    private final int reserved;
    private final int maxSectors;
    private final int maxSegments;
    private long expectedSeq;
    private long lastTime;
    private long queued;
    private long ended;
    private long liveRequests;

    Invariants(int hwQueues, int depth, int reserved, int maxSectors, int maxSegments) {
        this.tagOwner = new Request[hwQueues][depth];
        this.started = new int[hwQueues];
        this.depth = depth;
        this.reserved = reserved;
        this.maxSectors = maxSectors;
        this.maxSegments = maxSegments;
    }

    /** The stream as delivered: numbered without gaps, never going back in time. */
    void checkDelivered(Transition t) {
        require(t.seq() == expectedSeq++, "seq-order", "expected seq " + (expectedSeq - 1), t, null, null);
        require(t.t() >= lastTime, "time-monotonic", "time went back from " + lastTime, t, null, null);
        lastTime = t.t();
    }

    /** Each move as the model makes it, against the objects it moves. */
    void check(Transition t, Bio bio, Request rq) {
        switch (t.kind()) {
            case QUEUE -> queue(t, bio);
            case GETRQ -> {
                if (rq == null) waiting(t, bio);
                else allocate(t, bio, rq);
            }
            case SLEEP, WAKE -> waiting(t, bio);
            case TAG_GET -> allocate(t, bio, rq);
            case MAKE_REQUEST -> {
                waiting(t, bio);
                bio.checkedInDevice = true;
            }
            case BACKMERGE, FRONTMERGE -> merge(t, bio, rq);
            case PLUG, INSERT, CTX_FLUSH, ELV_DISPATCH, QUEUE_RQ -> move(t, bio, rq);
            case ISSUE -> issue(t, bio, rq);
            case REQUEUE -> {
                move(t, bio, rq);
                started[rq.hctx.index]--;
            }
            case COMPLETE -> complete(t, bio, rq);
            case BIO_END -> bioEnd(t, bio, rq);
            case FREE -> free(t, bio, rq);
            case UNPLUG, RUN_ASYNC, RUN_QUEUE, HCTX_STOP, HCTX_START, IPI -> { }
        }
    }

    /** At the end of a run: everything queued was ended and every tag came back. */
    void checkEnd(String state) {
        if (queued != ended) {
            throw new InvariantViolation("every-bio-completes", queued + " bios queued but " + ended + " ended",
                    null, state);
        }
        if (liveRequests != 0) {
            throw new InvariantViolation("tags-returned", liveRequests + " requests still hold tags", null, state);
        }
    }

    private void queue(Transition t, Bio bio) {
        require(!bio.checkedQueued, "bio-queued-once", "bio " + bio.id + " queued twice", t, bio, null);
        bio.checkedQueued = true;
        queued++;
    }

    private void waiting(Transition t, Bio bio) {
        require(bio.checkedQueued && bio.checkedOwner == null && !bio.checkedInDevice, "bio-in-one-place",
                "bio " + bio.id + " is not waiting for a request", t, bio, null);
    }

    /** A new request: with a tag in blk-mq (TAG_GET), without one in the legacy queue (G). */
    private void allocate(Transition t, Bio bio, Request rq) {
        require(rq.checkedPlace.kind() == PlaceKind.NONE, "request-in-one-place",
                "request " + rq.id + " allocated twice", t, bio, rq);
        if (rq.tag >= 0) {
            require(rq.tag >= reserved && rq.tag < depth, "tag-range",
                    "tag " + rq.tag + " outside normal tags [" + reserved + ", " + depth + ")", t, bio, rq);
            Request holder = tagOwner[rq.hctx.index][rq.tag];
            require(holder == null, "tag-unique", "tag " + rq.tag + " of hctx " + rq.hctx.index
                    + " already held by request " + (holder == null ? -1 : holder.id), t, bio, rq);
            tagOwner[rq.hctx.index][rq.tag] = rq;
        }
        rq.checkedPlace = t.to();
        liveRequests++;
    }

    private void merge(Transition t, Bio bio, Request rq) {
        require(bio.checkedQueued && bio.checkedOwner == null, "bio-in-one-place",
                "bio " + bio.id + " merged while not free", t, bio, rq);
        require(!rq.started && isLive(rq), "merge-target", "merge into a started or dead request", t, bio, rq);
        boolean adjacent = t.action().equals("M") ? rq.end() == bio.end() : rq.sector == bio.sector;
        require(adjacent, "merge-adjacent", "bio " + bio.sector + "+" + bio.sectors + " is not at the "
                + (t.action().equals("M") ? "back" : "front") + " of request " + rq.sector + "+" + rq.sectors, t, bio, rq);
        require(rq.checkedSectors + bio.sectors == rq.sectors, "sectors-conserved",
                "request grew by " + (rq.sectors - rq.checkedSectors) + " for a bio of " + bio.sectors, t, bio, rq);
        require(rq.sectors <= maxSectors && rq.segments <= maxSegments, "merge-limits",
                "request of " + rq.sectors + " sectors, " + rq.segments + " segments exceeds the queue limits",
                t, bio, rq);
        rq.checkedSectors = rq.sectors;
        bio.checkedOwner = rq;
    }

    private void move(Transition t, Bio bio, Request rq) {
        require(t.from().equals(rq.checkedPlace), "request-in-one-place", "request " + rq.id + " moved from "
                + t.from() + " but it was in " + rq.checkedPlace, t, bio, rq);
        if (rq.checkedSectors == 0) {
            require(rq.bios.size() == 1, "request-has-bio", "request " + rq.id + " moved without a bio", t, bio, rq);
            rq.checkedSectors = rq.sectors;
            rq.bios.get(0).checkedOwner = rq;
        }
        rq.checkedPlace = t.to();
    }

    private void issue(Transition t, Bio bio, Request rq) {
        move(t, bio, rq);
        int n = ++started[rq.hctx.index];
        require(n <= depth - reserved, "started-within-tags", n + " started requests on hctx "
                + rq.hctx.index + " with " + (depth - reserved) + " tags", t, bio, rq);
    }

    private void complete(Transition t, Bio bio, Request rq) {
        move(t, bio, rq);
        started[rq.hctx.index]--;
        long sum = 0;
        for (Bio b : rq.bios) sum += b.sectors;
        require(sum == rq.sectors && rq.sectors == rq.checkedSectors, "sectors-conserved",
                "request " + rq.id + " completes " + rq.sectors + " sectors, its bios hold " + sum, t, bio, rq);
    }

    private void bioEnd(Transition t, Bio bio, Request rq) {
        require(bio.checkedQueued && !bio.checkedEnded, "bio-ended-once", "bio " + bio.id
                + (bio.checkedEnded ? " ended twice" : " ended before it was queued"), t, bio, rq);
        boolean viaRequest = rq != null && bio.checkedOwner == rq && rq.checkedPlace.equals(Place.DONE);
        boolean viaDriver = rq == null && bio.checkedInDevice;
        require(viaRequest || viaDriver, "bio-ends-with-request",
                "bio " + bio.id + " ended outside a completed request", t, bio, rq);
        bio.checkedEnded = true;
        ended++;
    }

    private void free(Transition t, Bio bio, Request rq) {
        require(rq.tag < 0 || tagOwner[rq.hctx.index][rq.tag] == rq, "tag-unique", "request " + rq.id
                + " frees tag " + rq.tag + " it does not hold", t, bio, rq);
        for (Bio b : rq.bios) {
            require(b.checkedEnded, "tag-freed-on-completion", "request " + rq.id + " freed before bio "
                    + b.id + " ended", t, bio, rq);
        }
        if (rq.tag >= 0) tagOwner[rq.hctx.index][rq.tag] = null;
        rq.checkedPlace = Place.NONE;
        liveRequests--;
    }

    private static boolean isLive(Request rq) {
        PlaceKind k = rq.checkedPlace.kind();
        return k != PlaceKind.NONE && k != PlaceKind.DONE;
    }

    private static void require(boolean ok, String invariant, String detail, Transition t, Bio bio, Request rq) {
        if (!ok) throw new InvariantViolation(invariant, detail, t, describe(bio, rq));
    }

    private static String describe(Bio bio, Request rq) {
        StringBuilder s = new StringBuilder();
        if (bio != null) {
            s.append("bio ").append(bio.id).append(": ").append(bio.rwbs).append(' ').append(bio.sector)
                    .append(" + ").append(bio.sectors).append(" from cpu ").append(bio.task.cpu).append('\n');
        }
        if (rq != null) {
            s.append("request ").append(rq.id).append(": ").append(rq.rwbs()).append(' ').append(rq.sector)
                    .append(" + ").append(rq.sectors).append(", tag ").append(rq.tag).append(", hctx ")
                    .append(rq.hctx.index).append(", in ").append(rq.place).append(", bios ");
            for (Bio b : rq.bios) s.append(b.id).append(' ');
            s.append('\n');
        }
        return s.toString();
    }
}
