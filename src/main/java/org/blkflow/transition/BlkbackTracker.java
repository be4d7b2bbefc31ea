package org.blkflow.transition;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * xen-blkback's threads and dom0's vCPUs as the stream shows them, and the vCPUs waiting for a pCPU:
 * the rules of the page's blkback.js, so a seek lands on the state a replay reaches. A thread or vCPU
 * the stream has not moved yet is as the model starts it (asleep, nothing done) and is left out.
 */
final class BlkbackTracker {

    /**
     * The kthread's own steps: xen_blkif_schedule and what it does for each request it takes, down through
     * dom0's null_blk queue when it has one (model/Dom0Queue), whose submission runs on the thread.
     */
    private static final Set<String> THREAD = Set.of("xen_blkif_schedule", "dispatch_rw_block_io", "gnttab_map_refs",
            "submit_bio", "blk_sq_make_request", "blk_mq_make_request", "blk_mq_get_tag", "__blk_mq_insert_request",
            "blk_mq_start_request", "null_queue_rq");
    /** Where the thread goes to sleep: for the ring's next request, or (dom0's queue) for a tag in bt_get. */
    private static final Set<String> SLEEP = Set.of("wait_event_interruptible", "bt_get");

    private final TreeMap<Integer, Snapshot.BlkbackThread> threads = new TreeMap<>();
    private final TreeMap<Integer, Snapshot.Dom0Cpu> cpus = new TreeMap<>();
    private final TreeSet<Integer> waiting = new TreeSet<>();

    void apply(Transition t) {
        switch (t.kind()) {
            case PCPU_WAIT -> waiting.add(t.cpu());
            case PCPU_RUN -> waiting.remove(t.cpu());
            case BLKBACK -> blkback(t);
            default -> { }
        }
    }

    private void blkback(Transition t) {
        int ring = Math.max(0, t.hctx());
        cpus.put(t.cpu(), new Snapshot.Dom0Cpu(t.cpu(), ring, t.fn()));
        Snapshot.BlkbackThread was = threads.getOrDefault(ring, new Snapshot.BlkbackThread(ring, "sleeping", null, -1));
        Snapshot.BlkbackThread now = switch (t.fn()) {
            // A thread asleep in bt_get waits for a tag, not for the ring: the interrupt only marks work.
            case "xen_blkif_be_int" -> was.status().equals("running") || "bt_get".equals(was.fn()) ? was
                    : new Snapshot.BlkbackThread(ring, "waking", was.fn(), was.cpu());
            default -> SLEEP.contains(t.fn()) ? new Snapshot.BlkbackThread(ring, "sleeping", t.fn(), was.cpu())
                    : THREAD.contains(t.fn()) ? new Snapshot.BlkbackThread(ring, "running", t.fn(), t.cpu()) : was;
        };
        threads.put(ring, now);
    }

    Snapshot.Dom0 view() {
        return new Snapshot.Dom0(List.copyOf(threads.values()), List.copyOf(cpus.values()), List.copyOf(waiting));
    }
}
