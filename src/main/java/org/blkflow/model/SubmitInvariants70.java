package org.blkflow.model;

import static org.blkflow.model.Oops.fail;

import java.util.HashMap;
import java.util.Map;
import org.blkflow.transition.PlaceKind;
import org.blkflow.transition.Transition;

/**
 * 7.0's splits and cached requests as the stream tells them. A split gives up a front piece that
 * starts where the bio did, within the queue's limits, the remainder right behind it, so the pieces
 * and the remainder always add up to the bio Q showed. A cached request holds its tag from its
 * {@code cache} move (counted with the others: a tag wait needs it held too) until a bio of the same
 * task and hctx type takes it with G, or the plug's flush frees it; none is left once the plug is
 * flushed, and a plug never caches more than nr_ios allows.
 */
final class SubmitInvariants70 {

    private final int maxSectors;
    private final int maxSegments;
    /** Sectors each bio had at its Q, while it is being split. */
    private final Map<Long, Integer> queuedSectors = new HashMap<>();
    /** Sectors split off each bio so far. */
    private final Map<Long, Integer> splitOff = new HashMap<>();
    /** Cached requests per task (pid). */
    private final Map<Integer, Integer> cached = new HashMap<>();

    SubmitInvariants70(int maxSectors, int maxSegments) {
        this.maxSectors = maxSectors;
        this.maxSegments = maxSegments;
    }

    void queued(Bio bio) {
        queuedSectors.put(bio.id, bio.sectors);
    }

    /** X: the piece {@code front} left its parent; front, remainder and earlier pieces make the bio. */
    void split(Transition t, Bio front) {
        Bio bio = front.parent;
        if (!(bio != null && t.bio() == bio.id && t.sector() == front.sector && t.sectors() == front.sectors
                && t.count() == bio.sector)) {
            fail("split-names-pieces", "X does not name the bio, its front piece and the remainder's start", t, front, null);
        }
        if (!(front.end() == bio.sector && front.sectors <= maxSectors && front.segments <= maxSegments
                && bio.sectors > 0)) {
            fail("split-within-limits", "front piece " + front.sector + "+" + front.sectors + " is not a piece of at most "
                    + maxSectors + " sectors ending where the remainder " + bio.sector + "+" + bio.sectors + " starts",
                    t, front, null);
        }
        int off = splitOff.merge(bio.id, front.sectors, Integer::sum);
        Integer whole = queuedSectors.get(bio.id);
        if (!(whole != null && off + bio.sectors == whole)) fail("split-sums-to-bio", "pieces of bio " + bio.id
                + " add up to " + off + " + " + bio.sectors + " sectors, but Q showed " + whole, t, front, null);
    }

    /** The bio has ended: its split bookkeeping goes. */
    void ended(Bio bio) {
        queuedSectors.remove(bio.id);
        splitOff.remove(bio.id);
    }

    /** cache: a request of the batch waits in the plug's cache with its tag. */
    void cache(Transition t, Request rq) {
        if (!(t.to().kind() == PlaceKind.CACHED && (rq.tag >= 0 || rq.internalTag >= 0) && rq.bios.isEmpty())) {
            fail("cached-holds-tag", "request " + rq.id + " cached without a tag or with a bio", t, null, rq);
        }
        int n = cached.merge(t.pid(), 1, Integer::sum);
        if (!(n < Plug.MAX_NR_IOS)) fail("cached-within-nr-ios", n + " cached requests in one plug; nr_ios is at most "
                + Plug.MAX_NR_IOS + " and one of the batch is used at once", t, null, rq);
    }

    /** G of a cached request: the task's own, of the bio's hctx type (rule 14). */
    void take(Transition t, Bio bio, Request rq, boolean matches) {
        if (!(cached.getOrDefault(t.pid(), 0) > 0 && t.from().equals(rq.checkedPlace))) fail("cached-rq-owner",
                "request " + rq.id + " taken from " + t.from() + " by task " + t.pid() + " that caches none there", t, bio, rq);
        if (!(matches)) fail("cached-rq-match", "bio " + bio.id + (bio.polled ? " (polled)" : "")
                + " took cached request " + rq.id + " of another hctx type", t, bio, rq);
        cached.merge(t.pid(), -1, Integer::sum);
    }

    /** blk_mq_free_plug_rqs(): an unused cached request freed. */
    void uncache(Transition t, Request rq) {
        if (!(cached.getOrDefault(t.pid(), 0) > 0)) fail("cached-rq-owner", "task " + t.pid()
                + " frees cached request " + rq.id + " it does not cache", t, null, rq);
        cached.merge(t.pid(), -1, Integer::sum);
    }

    /** __blk_flush_plug() is over: no cached request (and so no tag) is left behind. */
    void plugFinished(int pid) {
        int n = cached.getOrDefault(pid, 0);
        if (!(n == 0)) fail("cached-rq-leak", "task " + pid + "'s plug was flushed with " + n
                + " cached requests still holding tags", null, null, null);
    }
}
