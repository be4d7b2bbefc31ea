package org.blkflow.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blkflow.transition.Place;
import org.blkflow.transition.PlaceKind;
import org.blkflow.transition.Transition;

/**
 * Where everything stands after the transitions delivered so far. The model itself may have run
 * ahead (one event makes several transitions), so a snapshot is built from the delivered moves,
 * which name their places explicitly; nothing of the kernel's logic is re-derived here.
 */
final class SnapshotTracker {

    private final Map<Long, Item> bios = new LinkedHashMap<>();
    private final Map<Long, Item> requests = new LinkedHashMap<>();
    private final boolean[] stopped;
    private final int[] tagsUsed;
    private final int depth;

    SnapshotTracker(int hwQueues, int depth) {
        this.stopped = new boolean[hwQueues];
        this.tagsUsed = new int[hwQueues];
        this.depth = depth;
    }

    void apply(Transition t) {
        switch (t.kind()) {
            case QUEUE -> bios.put(t.bio(), new Item("bio", t.bio(), t));
            case GETRQ -> {
                if (t.req() >= 0) allocate(t);
                else bios.get(t.bio()).place = t.to();
            }
            case SLEEP, WAKE, MAKE_REQUEST -> bios.get(t.bio()).place = t.to();
            case TAG_GET -> allocate(t);
            case BACKMERGE, FRONTMERGE -> merge(t);
            case BIO_END -> bios.remove(t.bio());
            case FREE -> free(t);
            case HCTX_STOP -> stopped[t.hctx()] = true;
            case HCTX_START -> stopped[t.hctx()] = false;
            case PLUG, INSERT, CTX_FLUSH, ELV_DISPATCH, ISSUE, QUEUE_RQ, REQUEUE, COMPLETE, IPI -> move(t);
            case UNPLUG, RUN_ASYNC, RUN_QUEUE -> { }
        }
    }

    Snapshot snapshot(long step, long time) {
        List<Snapshot.Item> items = new ArrayList<>();
        for (Item b : bios.values()) items.add(b.view());
        for (Item r : requests.values()) items.add(r.view());
        List<Snapshot.HctxState> hctxs = new ArrayList<>();
        for (int h = 0; h < stopped.length; h++) {
            int waiting = 0;
            for (Item r : requests.values()) {
                if (r.place.kind() == PlaceKind.HCTX && r.place.index() == h) waiting++;
            }
            hctxs.add(new Snapshot.HctxState(h, stopped[h], tagsUsed[h], depth, waiting));
        }
        return new Snapshot(step, time, items, hctxs);
    }

    private void allocate(Transition t) {
        Item rq = new Item("req", t.req(), t);
        rq.place = t.to();
        requests.put(t.req(), rq);
        tagsUsed[t.hctx()]++;
        rq.firstBio = t.bio();
        bios.get(t.bio()).place = t.to();
    }

    /** The allocating bio joins its request with the request's first move (blk_mq_bio_to_request). */
    private void move(Transition t) {
        Item rq = requests.get(t.req());
        rq.place = t.to();
        if (rq.firstBio >= 0) {
            Item bio = bios.get(rq.firstBio);
            bio.place = Place.MERGED;
            bio.req = rq.id;
            rq.bios.add(rq.firstBio);
            rq.firstBio = -1;
        }
    }

    private void merge(Transition t) {
        Item rq = requests.get(t.req());
        Item bio = bios.get(t.bio());
        bio.place = Place.MERGED;
        bio.req = t.req();
        if (t.action().equals("F")) {
            rq.sector = t.sector();
            rq.bios.add(0, t.bio());
        } else {
            rq.bios.add(t.bio());
        }
        rq.sectors += t.sectors();
    }

    private void free(Transition t) {
        requests.remove(t.req());
        tagsUsed[t.hctx()]--;
    }

    private static final class Item {
        final String type;
        final long id;
        final int cpu;
        final String rwbs;
        final int tag;
        long sector;
        int sectors;
        Place place;
        long req = -1;
        long firstBio = -1;
        final List<Long> bios = new ArrayList<>(1);

        Item(String type, long id, Transition t) {
            this.type = type;
            this.id = id;
            this.cpu = t.ctx();
            this.rwbs = t.rwbs();
            this.tag = type.equals("req") ? t.tag() : -1;
            this.sector = t.sector();
            this.sectors = t.sectors();
            this.place = t.to();
        }

        Snapshot.Item view() {
            return new Snapshot.Item(type, id, place, cpu, sector, sectors, rwbs, tag, req, List.copyOf(bios));
        }
    }
}
