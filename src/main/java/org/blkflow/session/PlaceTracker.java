package org.blkflow.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blkflow.model.Snapshot;
import org.blkflow.transition.Place;
import org.blkflow.transition.PlaceKind;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;

/**
 * Where every bio and request of a replayed trace stands, from the delivered transitions alone: each
 * moves its bio and its request to {@code to}, except that a merge or bio_end moves only the bio. A
 * bio that got its request at G joins it with the request's next move, as blk_mq_bio_to_request
 * does; {@code done}/{@code none} end a bio, {@code none} frees a request. Nothing is checked: a
 * transition about an id never seen starts it where the transition says (a trace may begin mid-flight).
 */
final class PlaceTracker {

    private final Map<Long, Item> bios = new LinkedHashMap<>();
    private final Map<Long, Item> requests = new LinkedHashMap<>();
    private final int hwQueues;
    private final int depth;

    PlaceTracker(int hwQueues, int depth) {
        this.hwQueues = hwQueues;
        this.depth = depth;
    }

    void apply(Transition t) {
        if (t.bio() >= 0) {
            moveBio(t);
        }
        if (t.req() < 0) {
            return;
        }
        switch (t.kind()) {
            case BACKMERGE, FRONTMERGE -> grow(t);
            case BIO_END -> { }
            default -> moveRequest(t);
        }
    }

    Snapshot snapshot(long step, long time) {
        List<Snapshot.Item> items = new ArrayList<>(bios.size() + requests.size());
        bios.values().forEach(b -> items.add(b.view()));
        requests.values().forEach(r -> items.add(r.view()));
        int[] held = new int[hwQueues];
        int[] dispatched = new int[hwQueues];
        for (Item r : requests.values()) {
            if (r.hctx < hwQueues) held[r.hctx]++;
            if (r.place.kind() == PlaceKind.HCTX && r.place.index() < hwQueues) dispatched[r.place.index()]++;
        }
        List<Snapshot.HctxState> hctxs = new ArrayList<>(hwQueues);
        for (int h = 0; h < hwQueues; h++) {
            hctxs.add(new Snapshot.HctxState(h, false, held[h], depth, dispatched[h]));
        }
        return new Snapshot(step, time, items, hctxs);
    }

    private void moveBio(Transition t) {
        if (t.to() == Place.DONE || t.to() == Place.NONE) {
            bios.remove(t.bio());
            return;
        }
        Item bio = bios.computeIfAbsent(t.bio(), id -> new Item("bio", id, t));
        bio.place = t.to();
        if (t.req() >= 0) {
            bio.req = t.req();
        }
    }

    private void moveRequest(Transition t) {
        if (t.to() == Place.NONE) {
            requests.remove(t.req());
            return;
        }
        Item rq = requests.computeIfAbsent(t.req(), id -> new Item("req", id, t));
        rq.place = t.to();
        if (t.kind() == TransitionKind.GETRQ) {
            if (t.bio() >= 0) rq.bios.add(t.bio());
            return;
        }
        if (t.kind() == TransitionKind.ISSUE && t.sectors() > 0) {
            rq.sector = t.sector();
            rq.sectors = t.sectors();
        }
        for (long id : rq.bios) {
            Item bio = bios.get(id);
            if (bio != null) bio.place = Place.MERGED;
        }
    }

    private void grow(Transition t) {
        Item rq = requests.computeIfAbsent(t.req(), id -> new Item("req", id, t));
        if (t.kind() == TransitionKind.FRONTMERGE) {
            rq.sector = t.sector();
            if (t.bio() >= 0) rq.bios.add(0, t.bio());
        } else if (t.bio() >= 0) {
            rq.bios.add(t.bio());
        }
        rq.sectors += Math.max(0, t.sectors());
    }

    private static final class Item {
        final String type;
        final long id;
        final int cpu;
        final int hctx;
        final String rwbs;
        long sector;
        int sectors;
        Place place;
        long req = -1;
        final List<Long> bios = new ArrayList<>(1);

        Item(String type, long id, Transition t) {
            this.type = type;
            this.id = id;
            this.cpu = t.ctx();
            this.hctx = Math.max(0, t.hctx());
            this.rwbs = t.rwbs();
            this.sector = t.sector();
            this.sectors = Math.max(0, t.sectors());
            this.place = t.to();
        }

        Snapshot.Item view() {
            return new Snapshot.Item(type, id, place, cpu, sector, sectors, rwbs, -1, req, List.copyOf(bios));
        }
    }
}
