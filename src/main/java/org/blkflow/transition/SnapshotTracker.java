package org.blkflow.transition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where every live bio and request stands after the transitions delivered so far, read from those
 * transitions alone: the one tracker behind the model's snapshots and a replayed trace's. The model
 * may have run ahead of what was delivered (one event makes several transitions), so nothing of the
 * kernel's logic is re-derived here: the moves name their places. The page's state.js is a port of
 * these rules, held to the same golden fixtures.
 *
 * <ul>
 * <li>A transition moves one item: the request it names, except a bio's own moves (Q, S, wake, M,
 *     F, bio_end, and 3.16's G before the allocation), which move the bio.</li>
 * <li>The first move naming a request allocates it with the bio it names. That bio goes where the
 *     request goes and joins it at the request's first move or first merge (blk_mq_bio_to_request):
 *     until then it may still merge elsewhere.</li>
 * <li>A request counts against its hctx's tags from allocation to free (in the legacy queue, which
 *     has no tags, that is its request pool's use); its tag is rq->tag as its latest move shows it,
 *     and it holds a driver tag while that is set (7.0 under a scheduler: from D to an R or the free;
 *     everywhere else from the allocation).</li>
 * <li>A D carrying a range sets the request's range (a trace's D is the size at issue).</li>
 * <li>7.0: X shrinks the bio it names to the remainder (it starts at {@code count}, the front's
 *     sectors fewer); the split-off piece is first named by its G, which starts it where G puts it. A
 *     {@code cache} move allocates a request without a bio, holding its tag; a G naming that request
 *     gives it its bio and range, as a new request's G does.</li>
 * <li>A request absorbed by another (7.0's rq_merge, {@code count} the survivor) hands it its bios
 *     and range.</li>
 * <li>bio_end ends a bio; free frees a request and any of its bios not yet ended.</li>
 * <li>Several 7.0 devices: an item's device is the {@code dev} of the latest move naming it; a tag_busy
 *     move makes its hctx one of its shared tag set's active queues, {@code count} of them
 *     ({@link TagShares}).</li>
 * <li>xen: blkback moves set their thread's and vCPU's state, pcpu_wait and pcpu_run a vCPU's wait
 *     for a pCPU ({@link BlkbackTracker}, blkback.js's rules).</li>
 * <li>7.0's mq-deadline: its batch (last_dir, batching, starved, latest_pos) is what the model says
 *     with each dispatch ({@link #deadline}); the page steps it on from the stream (deadline-batch.js).</li>
 * </ul>
 *
 * <p>Tolerant where a trace needs it: a move of an id never seen starts that item where the move
 * says (a trace may begin mid-flight), and the end of an unknown one is ignored. Nothing is checked
 * here: the model's invariants are model/Invariants' alone.
 */
public final class SnapshotTracker {

    private static final Set<TransitionKind> BIO_MOVES = EnumSet.of(TransitionKind.QUEUE, TransitionKind.GETRQ,
            TransitionKind.SPLIT, TransitionKind.SLEEP, TransitionKind.WAKE, TransitionKind.BACKMERGE, TransitionKind.FRONTMERGE,
            TransitionKind.BIO_END);
    private static final Set<TransitionKind> REQUEST_MOVES = EnumSet.of(TransitionKind.PLUG, TransitionKind.INSERT,
            TransitionKind.CTX_FLUSH, TransitionKind.ELV_DISPATCH, TransitionKind.ISSUE, TransitionKind.QUEUE_RQ,
            TransitionKind.REQUEUE, TransitionKind.COMPLETE, TransitionKind.IPI, TransitionKind.RQ_MERGE);

    private final Map<Long, Item> bios = new LinkedHashMap<>();
    private final Map<Long, Item> requests = new LinkedHashMap<>();
    private final boolean[] stopped;
    private final int[] tagsUsed;
    private final int[] driverTags;
    private final int depth;
    private final BlkbackTracker dom0 = new BlkbackTracker();
    /** Shared tag sets' active queues; null unless the run shares tags. */
    private TagShares shares;
    /** 7.0's mq-deadline lanes: each one's batch and dd->dispatch. */
    private final DeadlineLanes deadline = new DeadlineLanes();

    public SnapshotTracker(int hwQueues, int depth) {
        this.stopped = new boolean[hwQueues];
        this.tagsUsed = new int[hwQueues];
        this.driverTags = new int[hwQueues];
        this.depth = depth;
    }

    /** A run whose devices (numbered as {@code numbers}) share tag sets of {@code depth} normal tags. */
    public SnapshotTracker sharingTags(DeviceNumbers numbers, int depth) {
        shares = new TagShares(numbers, depth);
        return this;
    }

    /** Whether {@code t} moves the request it names rather than a bio. */
    public static boolean movesRequest(Transition t) {
        return t.req() >= 0 && (t.kind() == TransitionKind.GETRQ || !BIO_MOVES.contains(t.kind()));
    }

    public void apply(Transition t) {
        if (t.kind() == TransitionKind.HCTX_STOP) stop(t.hctx(), true);
        else if (t.kind() == TransitionKind.HCTX_START) stop(t.hctx(), false);
        if (movesRequest(t)) moveRequest(t);
        else if (t.bio() >= 0) moveBio(t);
        else if (isMerge(t)) merge(null, t);
        if (t.dev() >= 0) onDevice(t);
        if (shares != null) shares.apply(t);
        dom0.apply(t);
        deadline.apply(t);
    }

    /**
     * mq-deadline's batch after the dispatch just applied, from the model itself (null: not a dispatch):
     * the one thing here not read from the moves, as the stream cannot say dd->starved.
     */
    public void deadline(DeadlineBatch batch) {
        deadline.batch(batch);
    }

    public Snapshot snapshot(long step, long time) {
        List<Snapshot.Item> items = new ArrayList<>(bios.size() + requests.size());
        for (Item b : bios.values()) items.add(b.view());
        int[] dispatched = new int[stopped.length];
        for (Item r : requests.values()) {
            items.add(r.view());
            if (r.place.kind() == PlaceKind.HCTX && r.place.index() < stopped.length) dispatched[r.place.index()]++;
        }
        List<Snapshot.HctxState> hctxs = new ArrayList<>(stopped.length);
        for (int h = 0; h < stopped.length; h++) {
            hctxs.add(new Snapshot.HctxState(h, stopped[h], tagsUsed[h], driverTags[h], depth, dispatched[h],
                    shares == null ? null : shares.view(h)));
        }
        return new Snapshot(step, time, items, hctxs, dom0.view(), deadline.view());
    }

    /** The device a move names is its item's: the stream's word for it, which a seek lands on too. */
    private void onDevice(Transition t) {
        Item item = movesRequest(t) ? requests.get(t.req()) : bios.get(t.bio());
        if (item != null) item.dev = t.dev();
    }

    private void moveRequest(Transition t) {
        Item rq = requests.get(t.req());
        boolean allocated = rq == null;
        if (allocated) {
            if (t.kind() == TransitionKind.FREE) return;
            rq = allocate(t);
        }
        showTag(rq, t.tag());
        if (!allocated && t.kind() == TransitionKind.GETRQ) takeBio(rq, t);
        if (!allocated && REQUEST_MOVES.contains(t.kind())) joinFirstBio(rq);
        if (t.kind() == TransitionKind.ISSUE && t.sectors() > 0) {
            rq.sector = t.sector();
            rq.sectors = t.sectors();
        }
        if (t.kind() == TransitionKind.RQ_MERGE) absorb(rq, t);
        rq.place = t.to();
        if (t.kind() == TransitionKind.FREE || leftTheLayer(t)) free(rq);
    }

    /**
     * 7.0's attempt_merge: the absorbed request's bios join the request named by {@code count}, after
     * its own, which grows by the absorbed range; the absorbed one waits in merged for its free.
     */
    private void absorb(Item next, Transition t) {
        Item req = requests.get(t.count());
        if (req == null) return;
        joinFirstBio(req);
        for (long id : next.bios) {
            Item bio = bios.get(id);
            if (bio != null) bio.req = req.id;
            req.bios.add(id);
        }
        next.bios.clear();
        req.sectors += Math.max(0, t.sectors());
    }

    private Item allocate(Transition t) {
        Item rq = new Item("req", t.req(), t);
        rq.tagHctx = Math.max(0, t.hctx());
        requests.put(rq.id, rq);
        if (rq.tagHctx < tagsUsed.length) tagsUsed[rq.tagHctx]++;
        takeBio(rq, t);
        return rq;
    }

    /** 7.0 sets rq->tag at dispatch under a scheduler and clears it at a requeue: the move shows which. */
    private void showTag(Item rq, int tag) {
        boolean had = rq.tag >= 0;
        rq.tag = tag;
        if (had != tag >= 0 && rq.tagHctx < driverTags.length) driverTags[rq.tagHctx] += had ? -1 : 1;
    }

    /** The bio a G names (a split-off piece first seen here starts where G puts it) is the request's first. */
    private void takeBio(Item rq, Transition t) {
        if (t.bio() < 0) return;
        Item bio = bios.get(t.bio());
        if (bio == null && t.kind() == TransitionKind.GETRQ) {
            bio = new Item("bio", t.bio(), t);
            bios.put(bio.id, bio);
        }
        if (bio == null) return;
        rq.firstBio = bio.id;
        bio.place = t.to();
        if (t.kind() == TransitionKind.GETRQ && t.sectors() > 0) {
            rq.sector = t.sector();
            rq.sectors = t.sectors();
            rq.rwbs = t.rwbs();
        }
    }

    private void joinFirstBio(Item rq) {
        if (rq.firstBio < 0) return;
        Item bio = bios.get(rq.firstBio);
        rq.firstBio = -1;
        if (bio == null) return;
        bio.place = Place.MERGED;
        bio.req = rq.id;
        rq.bios.add(bio.id);
    }

    private void moveBio(Transition t) {
        Item bio = bios.get(t.bio());
        if (bio == null) {
            if (t.kind() == TransitionKind.BIO_END) return;
            bio = new Item("bio", t.bio(), t);
            bios.put(bio.id, bio);
        }
        if (isMerge(t)) merge(bio, t);
        else if (t.kind() == TransitionKind.SPLIT) {
            bio.sector = t.count();
            bio.sectors = Math.max(0, bio.sectors - Math.max(0, t.sectors()));
        } else bio.place = t.to();
        if (t.kind() == TransitionKind.BIO_END || leftTheLayer(t)) bios.remove(bio.id);
    }

    /**
     * The request the bio merges into has taken its own first bio by now. A trace's merge of a bio
     * queued before the trace began names no bio ({@code bio} null): the request grows all the same.
     */
    private void merge(Item bio, Transition t) {
        if (bio != null) {
            bio.place = Place.MERGED;
            bio.req = t.req();
        }
        Item rq = requests.get(t.req());
        if (rq == null) return;
        joinFirstBio(rq);
        boolean front = t.kind() == TransitionKind.FRONTMERGE;
        if (front) rq.sector = t.sector();
        if (bio != null) rq.bios.add(front ? 0 : rq.bios.size(), bio.id);
        rq.sectors += Math.max(0, t.sectors());
    }

    private static boolean isMerge(Transition t) {
        return t.kind() == TransitionKind.BACKMERGE || t.kind() == TransitionKind.FRONTMERGE;
    }

    private void free(Item rq) {
        requests.remove(rq.id);
        if (rq.tagHctx < tagsUsed.length) tagsUsed[rq.tagHctx]--;
        showTag(rq, -1);
        for (long id : rq.bios) {
            Item bio = bios.get(id);
            if (bio != null && bio.req == rq.id) bios.remove(id);
        }
    }

    private void stop(int hctx, boolean stop) {
        if (hctx >= 0 && hctx < stopped.length) stopped[hctx] = stop;
        else if (!stop) Arrays.fill(stopped, false);
    }

    /** A move out of the block layer that is not a free or a bio_end (none in today's streams). */
    private static boolean leftTheLayer(Transition t) {
        return Place.NONE.equals(t.to()) && !Place.NONE.equals(t.from());
    }

    private static final class Item {
        final String type;
        final long id;
        final int cpu;
        String rwbs;
        int tag = -1;
        int tagHctx;
        long sector;
        int sectors;
        Place place;
        long req = -1;
        long firstBio = -1;
        int dev = -1;
        final List<Long> bios = new ArrayList<>(1);

        Item(String type, long id, Transition t) {
            this.type = type;
            this.id = id;
            this.cpu = t.ctx();
            this.rwbs = t.rwbs();
            this.sector = t.sector();
            this.sectors = Math.max(0, t.sectors());
            this.place = t.to();
            this.dev = t.dev();
        }

        Snapshot.Item view() {
            return new Snapshot.Item(type, id, place, cpu, sector, sectors, rwbs, tag, req, "req".equals(type) ? tagHctx : -1,
                    List.copyOf(bios), dev);
        }
    }
}
