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
                    j -> { j.rw = "randread"; j.ioengine = "libaio"; j.iodepth = 16; j.ios = 32; }));

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
