package org.blkflow.transition;

import java.util.List;

/**
 * Where everything is after a given step: what a client that jumped there (seek, a shared link)
 * draws instead of replaying every transition itself.
 */
public record Snapshot(long step, long t, List<Item> items, List<HctxState> hctxs) {

    /**
     * A live bio or request. For a request, {@code bios} lists the bios merged into it, in order, and
     * {@code hctx} is the hardware queue whose tags it counts against.
     */
    public record Item(String type, long id, Place place, int cpu, long sector, int sectors, String rwbs,
                       int tag, long req, int hctx, List<Long> bios) {
    }

    /**
     * A hardware queue's state: STOPPED, tags in use (scheduler tags in 7.0 under a scheduler), driver
     * tags held (requests whose rq->tag the stream last showed set), requests on its dispatch list.
     */
    public record HctxState(int hctx, boolean stopped, int tagsUsed, int driverTags, int depth, int dispatched) {
    }
}
