package org.blkflow.trace;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.transition.Place;
import org.blkflow.transition.PlaceKind;

/** A bio or request a trace replay follows between its events: where it is and what it covers. */
final class ReplayIo {

    final long id;
    final String device;
    /** The CPU that queued the bio or allocated the request: the request's software queue. */
    final int cpu;
    final int hctx;
    final String rwbs;
    long sector;
    int sectors;
    Place place;
    /** A bio: the request it joined, or null while it is on its own. */
    ReplayIo request;
    /** A request: the bios it holds, in the order they joined. */
    final List<ReplayIo> bios = new ArrayList<>(1);

    ReplayIo(long id, TraceEvent e, int hctx, Place place) {
        this.id = id;
        this.device = e.device();
        this.cpu = e.cpu();
        this.hctx = hctx;
        this.rwbs = e.rwbs();
        this.sector = e.sector();
        this.sectors = Math.max(0, e.sectors());
        this.place = place;
    }

    /** An event with no range (an empty flush) matches only another at the same printed sector. */
    boolean covers(long s) {
        return sectors == 0 ? s == sector : s >= sector && s < sector + sectors;
    }

    long end() {
        return sector + sectors;
    }

    /** Issued (D) and not yet completed or requeued. */
    boolean issued() {
        return place.kind() == PlaceKind.DEVICE;
    }

    boolean alone() {
        return request == null;
    }
}
