package org.blkflow.model;

import static org.blkflow.model.Oops.fail;

import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Place;
import org.blkflow.transition.PlaceKind;
import org.blkflow.transition.Transition;

/**
 * The path of every bio and request as the stream tells it: a bio is queued once, waits in one
 * place, joins one request (adjacent, within the queue's limits, its sectors conserved) and is ended
 * once, after its request completed; a request moves only from the place it is in, and is freed only
 * once all its bios have ended. At the end of a run nothing is left.
 */
final class PathInvariants {

    private final int maxSectors;
    private final int maxSegments;
    private long queued;
    private long ended;
    private long liveRequests;

    PathInvariants(int maxSectors, int maxSegments) {
        this.maxSectors = maxSectors;
        this.maxSegments = maxSegments;
    }

    void queue(Transition t, Bio bio) {
        if (!(!bio.checkedQueued)) fail("bio-queued-once", "bio " + bio.id + " queued twice", t, bio, null);
        bio.checkedQueued = true;
        queued++;
    }

    /** X (7.0): the split-off piece is a bio of its own from now on, to be ended like the others. */
    void splitOff(Bio front) {
        front.checkedQueued = true;
        queued++;
    }

    /** G of a cached request (7.0): it leaves the plug's cache, where it was, for the task. */
    void takeCached(Transition t, Bio bio, Request rq) {
        if (!(t.from().equals(rq.checkedPlace))) fail("request-in-one-place", "request " + rq.id + " taken from "
                + t.from() + " but it was in " + rq.checkedPlace, t, bio, rq);
        rq.checkedPlace = t.to();
    }

    void waiting(Transition t, Bio bio) {
        if (!(bio.checkedQueued && bio.checkedOwner == null && !bio.checkedInDevice)) fail("bio-in-one-place",
                "bio " + bio.id + " is not waiting for a request", t, bio, null);
    }

    /** A bio-based driver takes the bio itself: from now on it ends without a request. */
    void handedToDriver(Bio bio) {
        bio.checkedInDevice = true;
    }

    void allocate(Transition t, Bio bio, Request rq) {
        if (!(rq.checkedPlace.kind() == PlaceKind.NONE)) fail("request-in-one-place",
                "request " + rq.id + " allocated twice", t, bio, rq);
        rq.checkedPlace = t.to();
        liveRequests++;
    }

    void merge(Transition t, Bio bio, Request rq) {
        if (!(bio.checkedQueued && bio.checkedOwner == null)) fail("bio-in-one-place",
                "bio " + bio.id + " merged while not free", t, bio, rq);
        if (!(!rq.started && isLive(rq))) fail("merge-target", "merge into a started or dead request", t, bio, rq);
        boolean adjacent = t.action().equals("M") ? rq.end() == bio.end() : rq.sector == bio.sector;
        if (!(adjacent)) fail("merge-adjacent", "bio " + bio.sector + "+" + bio.sectors + " is not at the "
                + (t.action().equals("M") ? "back" : "front") + " of request " + rq.sector + "+" + rq.sectors, t, bio, rq);
        if (!(rq.checkedSectors + bio.sectors == rq.sectors)) fail("sectors-conserved",
                "request grew by " + (rq.sectors - rq.checkedSectors) + " for a bio of " + bio.sectors, t, bio, rq);
        if (!(rq.sectors <= maxSectors && rq.segments <= maxSegments)) fail("merge-limits",
                "request of " + rq.sectors + " sectors, " + rq.segments + " segments exceeds the queue limits",
                t, bio, rq);
        rq.checkedSectors = rq.sectors;
        bio.checkedOwner = rq;
    }

    /** The first move of a request takes its first bio inside (blk_mq_bio_to_request). */
    void move(Transition t, Bio bio, Request rq) {
        if (!(t.from().equals(rq.checkedPlace))) fail("request-in-one-place", "request " + rq.id + " moved from "
                + t.from() + " but it was in " + rq.checkedPlace, t, bio, rq);
        if (rq.checkedSectors == 0) {
            if (!(rq.bios.size() == 1)) fail("request-has-bio", "request " + rq.id + " moved without a bio", t, bio, rq);
            rq.checkedSectors = rq.sectors;
            rq.bios.get(0).checkedOwner = rq;
        }
        rq.checkedPlace = t.to();
    }

    void complete(Transition t, Bio bio, Request rq) {
        move(t, bio, rq);
        long sum = 0;
        for (Bio b : rq.bios) sum += b.sectors;
        if (!(sum == rq.sectors && rq.sectors == rq.checkedSectors)) fail("sectors-conserved",
                "request " + rq.id + " completes " + rq.sectors + " sectors, its bios hold " + sum, t, bio, rq);
    }

    void bioEnd(Transition t, Bio bio, Request rq) {
        if (!(bio.checkedQueued && !bio.checkedEnded)) fail("bio-ended-once", "bio " + bio.id
                + (bio.checkedEnded ? " ended twice" : " ended before it was queued"), t, bio, rq);
        boolean viaRequest = rq != null && bio.checkedOwner == rq && rq.checkedPlace.equals(Place.DONE);
        boolean viaDriver = rq == null && bio.checkedInDevice;
        if (!(viaRequest || viaDriver)) fail("bio-ends-with-request",
                "bio " + bio.id + " ended outside a completed request", t, bio, rq);
        bio.checkedEnded = true;
        ended++;
    }

    void freedAfterItsBios(Transition t, Bio bio, Request rq) {
        for (Bio b : rq.bios) {
            if (!(b.checkedEnded)) fail("tag-freed-on-completion", "request " + rq.id + " freed before bio "
                    + b.id + " ended", t, bio, rq);
        }
    }

    void freed(Request rq) {
        rq.checkedPlace = Place.NONE;
        liveRequests--;
    }

    /** At the end of a run: everything queued was ended and every request (and so every tag) freed. */
    void checkEnd(String state) {
        if (queued != ended) {
            throw new InvariantViolation("every-bio-completes", queued + " bios queued but " + ended + " ended",
                    null, state);
        }
        if (liveRequests != 0) {
            throw new InvariantViolation("tags-returned", liveRequests + " requests still hold tags", null, state);
        }
    }

    private static boolean isLive(Request rq) {
        PlaceKind k = rq.checkedPlace.kind();
        return k != PlaceKind.NONE && k != PlaceKind.DONE;
    }
}
