package org.blkflow.scenario;

import static org.blkflow.scenario.ScenarioFields.*;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The scenarios a course starts from, each showing one piece of blk-mq or of what came before it.
 * All use the timer completion (null_blk's irqmode=2, 10 µs) so time visibly passes, the default CPU
 * costs so locks matter, and few bios so they can be stepped by hand. Each makes its point within its
 * first 100 steps, and its note says what the viewer sees there (PresetStoriesBrowserIT holds them to it).
 */
public final class Presets {

    /** fio's examples/iometer-file-access-server.fio: bssplit=512/10:1k/5:2k/5:4k/60:8k/2:16k/4:32k/4:64k/10. */
    public static final List<BsSplit> IOMETER_FILE_SERVER = List.of(new BsSplit(512, 10), new BsSplit(1024, 5),
            new BsSplit(2048, 5), new BsSplit(4096, 60), new BsSplit(8192, 2), new BsSplit(16384, 4),
            new BsSplit(32768, 4), new BsSplit(65536, 10));

    private static final List<Preset> ALL = List.of(
            preset("figure1", "Figure 1: blk-mq in outline",
                    "Four CPUs write asynchronously, two writes each in flight. Each write becomes a request "
                            + "inserted (I) into its CPU's software queue ctx:N, and kblockd is asked to run the "
                            + "hardware queue. The kernel map gives CPUs 0-1 hctx 0 and CPUs 2-3 hctx 1, so kblockd "
                            + "moves ctx 0 and 1 onto hctx 0 and ctx 2 and 3 onto hctx 1 (flush_ctx), issues each "
                            + "request (D) to null_blk, and the timer completes them (C) 10 µs later.",
                    s -> { s.set(CPUS, 4); s.set(HW_QUEUES, 2); s.set(QUEUE_DEPTH, 16); },
                    j -> { j.set(RW, Rw.RANDWRITE); j.set(IOENGINE, IoEngine.LIBAIO); j.set(IODEPTH, 2); j.set(IOS, 8); }),
            preset("sync-direct-issue", "Sync reads: direct issue, no software queue",
                    "The Figure 1 machine with reads instead of writes. Reads are sync, and with more than one "
                            + "hardware queue blk_mq_make_request issues a sync bio straight to the driver: Q, G, "
                            + "D, then C 10 µs later, with no insert (I). The software queues and the hctx dispatch "
                            + "lists stay empty; only the tags in use on hctx 0 and 1 move.",
                    s -> { s.set(CPUS, 4); s.set(HW_QUEUES, 2); s.set(QUEUE_DEPTH, 16); },
                    j -> { j.set(RW, Rw.RANDREAD); j.set(IOENGINE, IoEngine.LIBAIO); j.set(IODEPTH, 2); j.set(IOS, 8); }),
            preset("nvme-1to1", "NVMe-like: one hardware queue per CPU",
                    "Four CPUs, four hardware queues: the kernel map gives each CPU its own hctx, so no two CPUs "
                            + "share a dispatch list or its tags. Each async write is inserted (I) into ctx:N, "
                            + "kblockd runs hctx N on CPU N itself (run_async), flush_ctx moves ctx N onto hctx N "
                            + "only, and each request is issued (D) and completed (C).",
                    s -> { s.set(CPUS, 4); s.set(HW_QUEUES, 4); s.set(QUEUE_DEPTH, 32); },
                    j -> { j.set(RW, Rw.RANDWRITE); j.set(IOENGINE, IoEngine.LIBAIO); j.set(IODEPTH, 2); j.set(IOS, 16); }),
            preset("plug-merge", "Plugging gathers sequential writes",
                    "One task (CPU 0) submits async sequential 4 KiB writes, 16 at a time, inside a plug. The "
                            + "first becomes a request on the plug list (P); the next 15 back-merge into it (M), so "
                            + "it grows to 16 bios and 128 sectors (×16). The unplug (U) inserts that one request "
                            + "into ctx:0 (I) and runs hctx 0: it is issued (D) and completes (C). Then the same "
                            + "again for the next 16.",
                    s -> { s.set(CPUS, 2); s.set(HW_QUEUES, 1); s.set(QUEUE_DEPTH, 32); },
                    j -> { j.set(JOB_CPUS, List.of(0)); j.set(RW, Rw.WRITE); j.set(IOENGINE, IoEngine.LIBAIO); j.set(IODEPTH, 16);
                           j.set(PLUG, true); j.set(IOS, 32); }),
            preset("tags-exhausted", "Out of tags: the submitter sleeps",
                    "hctx 0 has only 4 tags and two CPUs each want 16 reads in flight. Each CPU takes 2 tags; its "
                            + "next allocation finds none, so the task runs the queue and sleeps (S) on a tag wait "
                            + "queue (the tag waiters lane). The first completions (C) free tags and wake the "
                            + "sleepers (wake), which take them and go on; this repeats through the run.",
                    s -> { s.set(CPUS, 2); s.set(HW_QUEUES, 1); s.set(QUEUE_DEPTH, 4); },
                    j -> { j.set(RW, Rw.RANDREAD); j.set(IOENGINE, IoEngine.LIBAIO); j.set(IODEPTH, 16); j.set(IOS, 16); }),
            preset("busy-requeue", "A full device answers BUSY",
                    "null_blk here takes just 2 commands at a time. Requests 0 and 1 fill it; the next two "
                            + "queue_rq calls find it full, so each stops hctx 0 (stop, STOPPED) and answers BUSY, "
                            + "and the request goes back to the hctx's dispatch list (R). While the queue is stopped "
                            + "nothing is issued: new requests wait in ctx 0 and 1. The first completion (C) "
                            + "restarts the queue (start) and the waiting requests are issued (D).",
                    s -> { s.set(CPUS, 2); s.set(HW_QUEUES, 1); s.set(QUEUE_DEPTH, 8); s.device.set(SLOTS, 2); },
                    j -> { j.set(RW, Rw.RANDREAD); j.set(IOENGINE, IoEngine.LIBAIO); j.set(IODEPTH, 4); j.set(IOS, 12); }),
            preset("fewer-ctx-than-hctx", "More hardware queues than CPUs",
                    "Two CPUs over four hardware queues: the kernel map puts CPU 0 on hctx 0 and CPU 1 on hctx 1, "
                            + "so hctx 2 and 3 have no software queue, are drawn idle and never take a request. The "
                            + "reads are sync, so each is issued straight to the driver (Q, G, D, then C).",
                    s -> { s.set(CPUS, 2); s.set(HW_QUEUES, 4); s.set(QUEUE_DEPTH, 16); },
                    j -> { j.set(RW, Rw.RANDREAD); j.set(IOENGINE, IoEngine.LIBAIO); j.set(IODEPTH, 4); j.set(IOS, 16); }),
            preset("legacy-contention", "The single queue: one queue_lock for all CPUs",
                    "Eight CPUs submit reads at once to the legacy request queue, and every bio takes queue_lock "
                            + "to merge and get a request: the G's come one CPU at a time, about 420 ns apart, while "
                            + "the other CPUs spin, and each insert (I) and dispatch (D) takes the lock again. The "
                            + "lock statistics show queue_lock contended from the first steps.",
                    s -> { s.set(MODE, Mode.SQ); s.set(SCHEDULER, Scheduler.NOOP); s.set(CPUS, 8); s.set(HW_QUEUES, 1); },
                    j -> { j.set(RW, Rw.RANDREAD); j.set(IOENGINE, IoEngine.LIBAIO); j.set(IODEPTH, 32); j.set(IOS, 32); }),
            preset("bio-based", "bio-based: no requests at all",
                    "A make_request driver takes each bio straight after Q (make_request) and ends it 10 µs later "
                            + "(bio_end): no request, tag, plug, merge or elevator stands between the task and the "
                            + "device.",
                    s -> { s.set(MODE, Mode.BIO); s.set(CPUS, 4); },
                    j -> { j.set(RW, Rw.RANDREAD); j.set(IOENGINE, IoEngine.LIBAIO); j.set(IODEPTH, 8); j.set(IOS, 16); }),
            preset("xen-io-lock", "xen-blkfront 3.16: one io_lock, one ring",
                    "xen-blkfront's io_lock is both the queue lock and the ring lock. Four CPUs submit reads: "
                            + "their G's and D's come one CPU at a time, the others spinning on io_lock (its holder "
                            + "and spinners are drawn on the lock). The 2-slot ring fills and the queue is stopped "
                            + "(stop); blkback in dom0 (CPU 4) serves the ring and answers through the event channel, "
                            + "and blkif_interrupt on CPU 0 then ends responses (C) and restarts the queue (start) under "
                            + "the same lock, and issues the next requests itself (D on CPU 0). The lock statistics "
                            + "show io_lock contended.",
                    s -> { s.set(MODE, Mode.SQ); s.set(CPUS, 4); s.set(HW_QUEUES, 1); s.device.set(DRIVER, Driver.XEN_BLKFRONT);
                           s.device.set(RINGS, Rings.SINGLE_LOCK); s.device.set(SLOTS, 2); },
                    j -> { j.set(RW, Rw.RANDREAD); j.set(IOENGINE, IoEngine.LIBAIO); j.set(IODEPTH, 2); j.set(IOS, 32); }),
            preset("xen-iometer", "xen-blkfront on blk-mq: a ring per hctx, blkback in dom0",
                    "The multi-queue xen-blkfront of the published experiment, small: four guest CPUs, each with its "
                            + "own hctx and ring, submit IOmeter-like random reads and writes (80% reads), two in flight "
                            + "each. Each ring's first push notifies dom0 through its event channel (evtchn); ring N's "
                            + "blkback thread is woken on dom0 CPU 4+N (xen_blkif_be_int, xen_blkif_schedule; Figure 1's "
                            + "dom0 row shows it waking, then running), takes the requests off its ring "
                            + "(dispatch_rw_block_io) and maps each page (gnttab_map_refs) under Xen's one "
                            + "domU grant_table->lock, for which dom0's CPUs spin (lock_contended), submits them and, "
                            + "its ring empty, sleeps again (wait_event_interruptible): all within the first 100 "
                            + "steps. Then dom0's null_blk completes each bio 10 µs after its submit, blkback unmaps and responds, "
                            + "and the guest's interrupt on CPU N ends the request (C).",
                    s -> { s.set(CPUS, 4); s.set(HW_QUEUES, 4); s.set(QUEUE_DEPTH, 32); s.device.set(DRIVER, Driver.XEN_BLKFRONT);
                           s.device.set(RINGS, Rings.PER_HCTX); s.device.backend.set(BACKEND_CPUS, 4);
                           s.device.backend.set(PERSISTENT_GRANTS, false); },
                    j -> { j.set(JOB_NAME, "iometer"); j.set(RW, Rw.RANDRW); j.set(RWMIXREAD, 80); j.set(IOENGINE, IoEngine.LIBAIO);
                           j.set(IODEPTH, 2); j.set(IOS, 16); }),
            preset("iometer", "IOmeter's file server: eight block sizes at once",
                    "fio's iometer-file-access-server job, the workload of the blog series this grew from: random I/O, "
                            + "80% reads, each bio's size drawn from eight sizes by the seed (512 bytes 10%, 1k 5%, 2k 5%, "
                            + "4k 60%, 8k 2%, 16k 4%, 32k 4%, 64k 10%), up to 64 in flight per CPU through libaio. The "
                            + "log's '+ N' is each bio's sectors: 1, 2, 4, 8 … 128 side by side, reads (R) and writes (W); "
                            + "the bio-size chart counts them against those shares.",
                    s -> { s.set(CPUS, 2); s.set(HW_QUEUES, 2); s.set(QUEUE_DEPTH, 64); },
                    j -> { j.set(JOB_NAME, "iometer"); j.set(RW, Rw.RANDRW); j.set(RWMIXREAD, 80); j.set(IOENGINE, IoEngine.LIBAIO);
                           j.set(IODEPTH, 64); j.set(PLUG, true); j.set(IOS, 40); j.set(BSSPLIT, IOMETER_FILE_SERVER); }),
            preset("nvme-70", "Linux 7.0, NVMe-like: a queue per CPU, no scheduler",
                    "Every bio is plugged in 7.0, even a lone read: Q G P U D. With no scheduler the plug's flush hands "
                            + "the requests straight to the driver (queue_rqs): no insert, and each CPU has its own hctx.",
                    s -> { s.set(KERNEL, Kernel.V7_0); s.set(CPUS, 4); s.set(HW_QUEUES, 4); s.set(QUEUE_DEPTH, 32); },
                    j -> { j.set(RW, Rw.RANDREAD); j.set(IOENGINE, IoEngine.LIBAIO); j.set(IODEPTH, 8); j.set(IOS, 16); }),
            preset("sata-70", "Linux 7.0, SATA-like: one queue on mq-deadline",
                    "One hardware queue gets mq-deadline by default. A request takes a scheduler tag at G, is inserted "
                            + "(I) into the sorted lists and FIFOs, and takes one of the 32 driver tags only when it is "
                            + "dispatched: in batches of up to 16 in one direction, in sector order from the last one "
                            + "dispatched; a new batch prefers reads unless writes have been passed over twice (writes_starved).",
                    s -> { s.set(KERNEL, Kernel.V7_0); s.set(CPUS, 2); s.set(HW_QUEUES, 1); s.set(QUEUE_DEPTH, 32); },
                    j -> { j.set(RW, Rw.RANDRW); j.set(RWMIXREAD, 70); j.set(IOENGINE, IoEngine.LIBAIO); j.set(IODEPTH, 16); j.set(IOS, 24); }),
            preset("plug-limit-70", "Linux 7.0: the plug flushes at 32 requests",
                    "40 writes under one plug: the 33rd request finds 32 plugged and flushes them first (U 32, then 32 "
                            + "D's straight from the plug), and blk_finish_plug sends the last 8.",
                    s -> { s.set(KERNEL, Kernel.V7_0); s.set(CPUS, 1); s.set(HW_QUEUES, 1); s.set(SCHEDULER, Scheduler.NONE);
                           s.set(QUEUE_DEPTH, 64); },
                    j -> { j.set(RW, Rw.RANDWRITE); j.set(IOENGINE, IoEngine.LIBAIO); j.set(IODEPTH, 40); j.set(PLUG, true); j.set(IOS, 40); }),
            preset("numa-70", "Linux 7.0: a two-node NUMA map",
                    "group_cpus_evenly() shares the 4 queues between the nodes and serves them in heapsort order, node 1 "
                            + "first: CPUs 4-7 get hctx 0 and 1, CPUs 0-3 hctx 2 and 3.",
                    s -> { s.set(KERNEL, Kernel.V7_0); s.set(CPUS, 8); s.set(HW_QUEUES, 4); s.set(QUEUE_DEPTH, 16);
                           s.set(NUMA_NODES, List.of(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7))); },
                    j -> { j.set(RW, Rw.RANDREAD); j.set(IOENGINE, IoEngine.LIBAIO); j.set(IODEPTH, 4); j.set(IOS, 8); }),
            preset("kyber-70", "Linux 7.0: kyber on a fast device, reads and writes mixed",
                    "Each request is inserted (I) into kyber's queue for its CPU and domain, read or write, and leaves "
                            + "it through kyber_dispatch_request only with a token of that domain (the queue has 256 read "
                            + "and 128 write tokens): up to 16 reads in a row, then up to 8 writes. Every request goes "
                            + "through the scheduler, and writes may hold only 96 of an hctx's 128 scheduler tags.",
                    s -> { s.set(KERNEL, Kernel.V7_0); s.set(CPUS, 2); s.set(HW_QUEUES, 2); s.set(QUEUE_DEPTH, 64);
                           s.set(SCHEDULER, Scheduler.KYBER); },
                    j -> { j.set(RW, Rw.RANDRW); j.set(IOENGINE, IoEngine.LIBAIO); j.set(IODEPTH, 8); j.set(PLUG, true);
                           j.set(IOS, 40); }),
            preset("poll-70", "Linux 7.0: polled io_uring on a poll queue",
                    "io_uring with hipri: each read carries REQ_POLLED and goes to its CPU's poll queue, hctx 2 or 3 "
                            + "after the two submit queues. null_blk puts it on its poll list with no interrupt; the submitting task "
                            + "itself polls (bio_poll → blk_mq_poll → null_poll) on its own CPU and completes it there, "
                            + "a batch at a time (blk_mq_end_request_batch), its tags freed 32 at a time.",
                    s -> { s.set(KERNEL, Kernel.V7_0); s.set(CPUS, 2); s.set(HW_QUEUES, 2); s.set(QUEUE_DEPTH, 64);
                           s.device.set(POLL_QUEUES, 2); },
                    j -> { j.set(RW, Rw.RANDREAD); j.set(IOENGINE, IoEngine.IO_URING); j.set(HIPRI, true); j.set(IODEPTH, 4);
                           j.set(IOS, 32); }),
            preset("cached-70", "Linux 7.0: io_uring takes its tags in a batch, cached in the plug",
                    "io_uring submits up to 8 reads per call inside a plug of nr_ios 8 (fio's iodepth_batch_submit): "
                            + "the first bio's allocation takes 8 tags at once (__blk_mq_alloc_requests_batch), keeps 7 "
                            + "requests in the plug's cache (counted in the CPU's plug box and the tag bar) and each later "
                            + "bio takes one, highest tag first, with its own G and no new tag. A call with fewer bios "
                            + "leaves requests unused: the plug's end frees them (blk_mq_free_plug_rqs) with no blktrace event.",
                    s -> { s.set(KERNEL, Kernel.V7_0); s.set(CPUS, 1); s.set(HW_QUEUES, 1); s.set(SCHEDULER, Scheduler.NONE);
                           s.set(QUEUE_DEPTH, 64); },
                    j -> { j.set(RW, Rw.RANDREAD); j.set(IOENGINE, IoEngine.IO_URING); j.set(IODEPTH, 8);
                           j.set(IODEPTH_BATCH, 8); j.set(IOS, 10); }),
            preset("split-70", "Linux 7.0: a 1 MiB read split to the queue's limits",
                    "max_sectors is 256 (128 KiB), so blk_mq_submit_bio splits each of 8 sequential 1 MiB reads (__bio_split_to_limits, "
                            + "X): the front 256 sectors go on as a bio of their own, the rest is submitted again after it "
                            + "with no second Q. Each piece is its own request, plugged and flushed alone: Q X G P U D, six "
                            + "times X G P U D, then G P U D — 7 X and 8 requests for one Q.",
                    s -> { s.set(KERNEL, Kernel.V7_0); s.set(CPUS, 1); s.set(HW_QUEUES, 1); s.set(SCHEDULER, Scheduler.NONE);
                           s.device.set(MAX_SECTORS, 256); },
                    j -> { j.set(RW, Rw.READ); j.set(BS, 1 << 20); j.set(IOS, 8); }),
            preset("requeue-70", "Linux 7.0: the driver hands a request back (null_blk requeue=3)",
                    "null_blk's fault injection requeue=3,100,0,-1: every third null_queue_rq starts the request (D), "
                            + "hands it back with blk_mq_requeue_request (R, onto q->requeue_list, drawn under the hardware "
                            + "queues) and returns OK. kblockd's blk_mq_requeue_work then inserts it at the head of "
                            + "mq-deadline's dd->dispatch (I), ahead of everything queued, and runs the queue: a second D.",
                    s -> { s.set(KERNEL, Kernel.V7_0); s.set(CPUS, 1); s.set(HW_QUEUES, 1); s.set(SCHEDULER, Scheduler.MQ_DEADLINE);
                           s.device.set(REQUEUE_EVERY, 3); },
                    j -> { j.set(RW, Rw.RANDWRITE); j.set(IOENGINE, IoEngine.LIBAIO); j.set(IODEPTH, 2); j.set(IOS, 16); }),
            preset("shared-tags-70", "Linux 7.0: two null_blk devices on one shared tag set",
                    "nullb0 and nullb1 (null_blk nr_devices=2 shared_tags=1, no scheduler) share one set of 12 driver "
                            + "tags: hctx 0 is nullb0's, hctx 1 nullb1's. A job on CPU 0 reads nullb0 with 12 in flight, "
                            + "one on CPU 1 reads nullb1 with 3. Each queue's first allocation marks it active "
                            + "(blk_mq_tag_busy), so hctx_may_queue lets each hold max(ceil(12 / 2), 4) = 6 tags: "
                            + "nullb0's 7th allocation waits (a tag wait, no letter) though tags are free, and goes on "
                            + "when one of its own requests completes.",
                    s -> { s.set(KERNEL, Kernel.V7_0); s.set(CPUS, 2); s.set(HW_QUEUES, 1); s.set(SCHEDULER, Scheduler.NONE);
                           s.set(QUEUE_DEPTH, 12); s.device.set(DEVICE_COUNT, 2);
                           s.device.set(SHARED_TAGS, true); },
                    List.of(j -> { j.set(JOB_NAME, "nullb0"); j.set(JOB_CPUS, List.of(0)); j.set(JOB_DEVICES, List.of(0));
                                   j.set(RW, Rw.RANDREAD); j.set(IOENGINE, IoEngine.LIBAIO); j.set(IODEPTH, 12); j.set(IOS, 24); },
                            j -> { j.set(JOB_NAME, "nullb1"); j.set(JOB_CPUS, List.of(1)); j.set(JOB_DEVICES, List.of(1));
                                   j.set(RW, Rw.RANDREAD); j.set(IOENGINE, IoEngine.LIBAIO); j.set(IODEPTH, 3); j.set(IOS, 24); })));

    private Presets() {
    }

    public static List<Preset> all() {
        return ALL;
    }

    /** The preset whose scenario this is, field for field: only then does its note describe the run. */
    public static Optional<Preset> matching(Scenario scenario) {
        return ALL.stream().filter(p -> p.scenario().equals(scenario)).findFirst();
    }

    public static Optional<Preset> byId(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private static Preset preset(String id, String name, String note, Consumer<ScenarioDraft> machine,
                                 Consumer<JobDraft> workload) {
        return preset(id, name, note, machine, List.of(workload));
    }

    /** A preset of several jobs (one per device, say), in the order given. */
    private static Preset preset(String id, String name, String note, Consumer<ScenarioDraft> machine,
                                 List<Consumer<JobDraft>> workloads) {
        ScenarioDraft s = new ScenarioDraft();
        s.set(NAME, name);
        s.set(SEED, 42L);
        s.device.set(IRQ_MODE, IrqMode.TIMER);
        s.device.set(COMPLETION_NS, 10_000L);
        machine.accept(s);
        s.jobs = workloads.stream().map(w -> {
            JobDraft job = new JobDraft();
            w.accept(job);
            return job;
        }).toList();
        return new Preset(id, name, note, s.build());
    }
}
