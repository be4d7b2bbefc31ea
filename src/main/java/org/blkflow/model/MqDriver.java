package org.blkflow.model;

import java.util.function.Consumer;

/** struct blk_mq_ops as the core calls it: queue_rq, and the driver's side of a completion. */
interface MqDriver {

    enum Status { OK, BUSY }

    /** ->queue_rq(): a path step; {@code result} gets the answer at the time the driver gives it. */
    void queueRq(HardwareQueue hctx, Request rq, int cpu, Actor actor, Consumer<Status> result);

    /** The request has been ended (blk_mq_end_io); the driver may restart what it stopped. */
    void completed(HardwareQueue hctx, int cpu, Actor actor);
}
