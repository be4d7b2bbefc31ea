package org.blkflow.scenario;

import java.util.List;
import java.util.function.Consumer;

/**
 * The scenarios a course starts from, each showing one piece of blk-mq or of what came before it.
 * All use the timer completion (null_blk's irqmode=2, 10 µs) so time visibly passes, the default CPU
 * costs so locks matter, and few bios so they can be stepped by hand.
 */
public final class Presets {

    private static final List<Preset> ALL = List.of(
            preset("figure1", "Figure 1: blk-mq in outline",
                    "Four CPUs each fill their own software queue, and the kernel map drains CPUs 0-1 into "
                            + "hctx 0 and CPUs 2-3 into hctx 1.",
                    s -> { s.cpus = 4; s.hwQueues = 2; s.queueDepth = 16; },
                    j -> { j.rw = "randread"; j.ioengine = "libaio"; j.iodepth = 4; j.ios = 8; }),
            preset("nvme-1to1", "NVMe-like: one hardware queue per CPU",
                    "With a hardware queue per CPU no two CPUs share a queue, and a sync read skips the software "
                            + "queue: Q G D C, no insert.",
                    s -> { s.cpus = 4; s.hwQueues = 4; s.queueDepth = 32; },
                    j -> { j.rw = "randread"; j.ioengine = "libaio"; j.iodepth = 8; j.ios = 16; }),
            preset("plug-merge", "Plugging gathers sequential writes",
                    "Async sequential writes wait on the task's plug list, where each new bio back-merges into the "
                            + "last request, until the unplug sends a few large requests down.",
                    s -> { s.cpus = 2; s.hwQueues = 1; s.queueDepth = 32; },
                    j -> { j.cpus = List.of(0); j.rw = "write"; j.ioengine = "libaio"; j.iodepth = 16;
                           j.plug = true; j.ios = 32; }),
            preset("tags-exhausted", "Out of tags: the submitter sleeps",
                    "Only 4 tags for 16 bios in flight: the fifth allocation finds none, the task sleeps (S) on a "
                            + "tag wait queue, and frees wake it.",
                    s -> { s.cpus = 2; s.hwQueues = 1; s.queueDepth = 4; },
                    j -> { j.rw = "randread"; j.ioengine = "libaio"; j.iodepth = 16; j.ios = 16; }),
            preset("busy-requeue", "A full device answers BUSY",
                    "The device holds just 2 commands: the next queue_rq stops the hctx and returns BUSY, the "
                            + "request is requeued (R), and a completion restarts the queue.",
                    s -> { s.cpus = 2; s.hwQueues = 1; s.queueDepth = 8; s.device.slots = 2; },
                    j -> { j.rw = "randread"; j.ioengine = "libaio"; j.iodepth = 8; j.ios = 12; }),
            preset("fewer-ctx-than-hctx", "More hardware queues than CPUs",
                    "Two CPUs over four hardware queues: the map uses hctx 0 and 1 only, so hctx 2 and 3 have no "
                            + "software queue and stay idle.",
                    s -> { s.cpus = 2; s.hwQueues = 4; s.queueDepth = 16; },
                    j -> { j.rw = "randread"; j.ioengine = "libaio"; j.iodepth = 4; j.ios = 16; }),
            preset("legacy-contention", "The single queue: one queue_lock for all CPUs",
                    "Eight CPUs share the legacy request queue: each bio takes queue_lock to merge and allocate, each "
                            + "dispatch and completion takes it again, so the CPUs mostly wait for one another "
                            + "(see stats.locks).",
                    s -> { s.mode = "sq"; s.scheduler = "noop"; s.cpus = 8; s.hwQueues = 1; },
                    j -> { j.rw = "randread"; j.ioengine = "libaio"; j.iodepth = 32; j.ios = 32; }),
            preset("bio-based", "bio-based: no requests at all",
                    "A make_request driver takes each bio straight after Q: no request, tag, plug, merge or elevator "
                            + "stands between the task and the device.",
                    s -> { s.mode = "bio"; s.cpus = 4; },
                    j -> { j.rw = "randread"; j.ioengine = "libaio"; j.iodepth = 8; j.ios = 16; }),
            preset("xen-io-lock", "xen-blkfront 3.16: one io_lock, one ring",
                    "The frontend's io_lock is also the queue lock: four submitting CPUs and the completion interrupt "
                            + "refilling the 32-slot ring all serialise on it.",
                    s -> { s.mode = "sq"; s.cpus = 4; s.hwQueues = 1; s.device.driver = Device.XEN;
                           s.device.rings = Device.SINGLE_LOCK; s.device.slots = 32; },
                    j -> { j.rw = "randread"; j.ioengine = "libaio"; j.iodepth = 16; j.ios = 32; }),
            preset("nvme-70", "Linux 7.0, NVMe-like: a queue per CPU, no scheduler",
                    "Every bio is plugged in 7.0, even a lone read: Q G P U D. With no scheduler the plug's flush hands "
                            + "the requests straight to the driver (queue_rqs): no insert, and each CPU has its own hctx.",
                    s -> { s.kernel = Scenario.KERNEL_70; s.cpus = 4; s.hwQueues = 4; s.queueDepth = 32; },
                    j -> { j.rw = "randread"; j.ioengine = "libaio"; j.iodepth = 8; j.ios = 16; }),
            preset("sata-70", "Linux 7.0, SATA-like: one queue on mq-deadline",
                    "One hardware queue gets mq-deadline by default. A request takes a scheduler tag at G, is inserted "
                            + "(I) into the sorted lists and FIFOs, and takes one of the 32 driver tags only when it is "
                            + "dispatched, in sector order, reads before writes.",
                    s -> { s.kernel = Scenario.KERNEL_70; s.cpus = 2; s.hwQueues = 1; s.queueDepth = 32; },
                    j -> { j.rw = "randrw"; j.rwmixread = 70; j.ioengine = "libaio"; j.iodepth = 16; j.ios = 24; }),
            preset("plug-limit-70", "Linux 7.0: the plug flushes at 32 requests",
                    "40 writes under one plug: the 33rd request finds 32 plugged and flushes them first (U 32, then 32 "
                            + "D's straight from the plug), and blk_finish_plug sends the last 8.",
                    s -> { s.kernel = Scenario.KERNEL_70; s.cpus = 1; s.hwQueues = 1; s.scheduler = "none";
                           s.queueDepth = 64; },
                    j -> { j.rw = "randwrite"; j.ioengine = "libaio"; j.iodepth = 40; j.plug = true; j.ios = 40; }),
            preset("numa-70", "Linux 7.0: a two-node NUMA map",
                    "group_cpus_evenly() shares the 4 queues between the nodes and serves them in heapsort order, node 1 "
                            + "first: CPUs 4-7 get hctx 0 and 1, CPUs 0-3 hctx 2 and 3.",
                    s -> { s.kernel = Scenario.KERNEL_70; s.cpus = 8; s.hwQueues = 4; s.queueDepth = 16;
                           s.numaNodes = List.of(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7)); },
                    j -> { j.rw = "randread"; j.ioengine = "libaio"; j.iodepth = 4; j.ios = 8; }));

    private Presets() {
    }

    public static List<Preset> all() {
        return ALL;
    }

    private static Preset preset(String id, String name, String note, Consumer<ScenarioDraft> machine,
                                 Consumer<JobDraft> workload) {
        ScenarioDraft s = new ScenarioDraft();
        s.name = name;
        s.seed = 42;
        s.device.irqMode = "timer";
        s.device.completionNs = 10_000;
        machine.accept(s);
        JobDraft job = new JobDraft();
        workload.accept(job);
        s.jobs = List.of(job);
        return new Preset(id, name, note, s.build());
    }
}
