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

    /** The kthread's own steps: xen_blkif_schedule and what it does for each request it takes. */
    private static final Set<String> THREAD = Set.of("xen_blkif_schedule", "dispatch_rw_block_io", "gnttab_map_refs",
            "submit_bio");

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
            case "xen_blkif_be_int" -> was.status().equals("running") ? was
                    : new Snapshot.BlkbackThread(ring, "waking", was.fn(), was.cpu());
            case "wait_event_interruptible" -> new Snapshot.BlkbackThread(ring, "sleeping", t.fn(), was.cpu());
            default -> THREAD.contains(t.fn()) ? new Snapshot.BlkbackThread(ring, "running", t.fn(), t.cpu()) : was;
        };
        threads.put(ring, now);
    }

    Snapshot.Dom0 view() {
        return new Snapshot.Dom0(List.copyOf(threads.values()), List.copyOf(cpus.values()), List.copyOf(waiting));
    }
}
