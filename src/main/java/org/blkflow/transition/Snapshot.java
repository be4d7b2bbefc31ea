package org.blkflow.transition;

import java.util.List;

/**
 * Where everything is after a given step: what a client that jumped there (seek, a shared link)
 * draws instead of replaying every transition itself.
 */
public record Snapshot(long step, long t, List<Item> items, List<HctxState> hctxs, Dom0 dom0,
                       List<DeadlineLane> deadline) {

    /** A snapshot with nothing of xen's moved yet. */
    public Snapshot(long step, long t, List<Item> items, List<HctxState> hctxs) {
        this(step, t, items, hctxs, Dom0.NONE);
    }

    /** A snapshot of a run without mq-deadline, or before its first dispatch. */
    public Snapshot(long step, long t, List<Item> items, List<HctxState> hctxs, Dom0 dom0) {
        this(step, t, items, hctxs, dom0, List.of());
    }

    /**
     * A live bio or request. For a request, {@code bios} lists the bios merged into it, in order, and
     * {@code hctx} is the hardware queue whose tags it counts against. {@code dev} is the device the
     * stream's latest move of it named (several 7.0 devices; -1 when the run has one).
     */
    public record Item(String type, long id, Place place, int cpu, long sector, int sectors, String rwbs,
                       int tag, long req, int hctx, List<Long> bios, int dev) {
    }

    /**
     * xen: the blkback threads and dom0 vCPUs the stream has moved (the others are as the model starts
     * them), and the vCPUs (guest's or dom0's) waiting for a pCPU, in order.
     */
    public record Dom0(List<BlkbackThread> threads, List<Dom0Cpu> cpus, List<Integer> pcpuWaiting) {
        public static final Dom0 NONE = new Dom0(List.of(), List.of(), List.of());

        public boolean empty() {
            return threads.isEmpty() && cpus.isEmpty() && pcpuWaiting.isEmpty();
        }
    }

    /** Ring N's blkback thread: sleeping, waking or running; its last step and vCPU (-1: not moved yet). */
    public record BlkbackThread(int ring, String status, String fn, int cpu) {
    }

    /** A dom0 vCPU's last blkback function and the ring it was for. */
    public record Dom0Cpu(int cpu, int ring, String fn) {
    }

    /**
     * A hardware queue's state: STOPPED, tags in use (scheduler tags in 7.0 under a scheduler), driver
     * tags held (requests whose rq->tag the stream last showed set), requests on its dispatch list.
     */
    public record HctxState(int hctx, boolean stopped, int tagsUsed, int driverTags, int depth, int dispatched,
                            TagShare share) {

        /** An hctx with tags of its own. */
        public HctxState(int hctx, boolean stopped, int tagsUsed, int driverTags, int depth, int dispatched) {
            this(hctx, stopped, tagsUsed, driverTags, depth, dispatched, null);
        }
    }

    /**
     * A 7.0 mq-deadline lane once it has dispatched: the model's batch, and the requests in its
     * dd->dispatch (requeued, served first), the next one first.
     */
    public record DeadlineLane(DeadlineBatch batch, List<Long> dispatch) {
    }

    /**
     * An hctx's part in its shared tag set (7.0 shared tags; null otherwise): whether blk_mq_tag_busy()
     * made it active, the set's active_queues and the fair share each of them may hold (0 while none).
     */
    public record TagShare(boolean active, int users, int share) {
    }
}
