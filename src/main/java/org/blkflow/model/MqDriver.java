package org.blkflow.model;

/** struct blk_mq_ops as the core calls it: queue_rq, and the driver's side of a completion. */
interface MqDriver {

    enum Status { OK, BUSY }

    /** ->queue_rq(). */
    Status queueRq(HardwareQueue hctx, Request rq, int cpu, Actor actor);

    /** The request has been ended (blk_mq_end_io); the driver may restart what it stopped. */
    void completed(HardwareQueue hctx, int cpu, Actor actor);
}
