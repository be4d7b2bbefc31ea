package org.blkflow.model;

import static org.blkflow.model.Oops.fail;

import org.blkflow.transition.PlaceKind;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;

/**
 * 3: a queue stops, or a request comes back BUSY, only when the stream shows the device's room all
 * taken: null_blk's slots per hctx, one xen ring shared by every hctx or one per hctx, or the legacy
 * null_blk's driver tags.
 *
 * <p>One rule for every driver: a command holds the room from the move at which its driver takes it
 * until the request is freed. Which move that is follows the interface. A request_fn driver starts
 * each request itself (blk_peek_request, D) once it knows it has room — null_blk's prep takes a
 * driver tag, xen-blkfront checks its ring under io_lock — so the room is taken at D. In blk-mq the
 * core starts the request (D) before the driver judges its room in queue_rq, so the room is taken at
 * queue_rq's OK; a BUSY request never took any. Every driver gives the room back in the step that
 * completes and frees the request (null_blk's end_cmd after __blk_put_request, blkif_interrupt's
 * response, blk_mq_end_request), so the free is where the count goes down.
 */
final class DeviceInvariants {

    private int[] deviceGroup = new int[0];
    private int deviceSlots;
    private TransitionKind roomTakenAt = TransitionKind.QUEUE_RQ;
    private int[] inDevice = new int[1];

    /**
     * @param deviceGroup the room each hctx draws on (a ring shared by all, or one each); empty: one room
     * @param deviceSlots the commands each room holds; 0: the device never runs out
     * @param roomTakenAt D for a request_fn driver, QUEUE_RQ in blk-mq
     */
    void limits(int[] deviceGroup, int deviceSlots, TransitionKind roomTakenAt) {
        this.deviceGroup = deviceGroup;
        this.deviceSlots = deviceSlots;
        this.roomTakenAt = roomTakenAt;
        this.inDevice = new int[deviceGroup.length == 0 ? 1 : deviceGroup.length];
    }

    /** D or queue_rq's OK: the command takes its room if this is the move its interface takes it at. */
    void taken(Transition t, Request rq) {
        if (t.kind() == roomTakenAt) inDevice[group(rq.hctx.index)]++;
    }

    /** The free: a request that completed had taken its room (it went through the device to done). */
    void freed(Request rq) {
        if (rq.checkedPlace.kind() == PlaceKind.DONE) inDevice[group(rq.hctx.index)]--;
    }

    void full(Transition t, Request rq, int hctx) {
        if (deviceSlots <= 0) return;
        int group = group(hctx);
        if (!(inDevice[group] >= deviceSlots)) fail("busy-when-device-full",
                t.kind().label() + " with " + inDevice[group] + " of " + deviceSlots
                        + " device slots in use", t, null, rq);
    }

    private int group(int hctx) {
        return deviceGroup.length == 0 ? 0 : deviceGroup[hctx];
    }
}
