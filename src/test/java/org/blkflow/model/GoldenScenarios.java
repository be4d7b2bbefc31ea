package org.blkflow.model;

import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;

import java.util.List;
import org.blkflow.scenario.Scenario;

/**
 * The scenarios whose whole transition streams are kept as golden files: a few teaching scenarios
 * of each interface (blk-mq, the legacy queue, bio-based, xen-blkfront), small enough to review.
 * {@link GoldenStreamTest} keeps their text; the web tests render some as the front end's fixtures.
 */
public final class GoldenScenarios {

    public static final List<String> NAMES = List.of("figure1", "plug-merge", "busy-requeue", "tags-exhausted",
            "six-cpus-four-hctx", "sq-deadline", "sq-cfq", "bio-based", "xen-sq", "xen-mq-per-hctx",
            "nvme-70", "sata-70", "plug-limit-70", "numa-70", "sq-contention", "iometer", "kyber-70", "poll-70",
            "xen-iometer", "cached-70", "split-70",
            "xen-shared-pcpus", "requeue-70", "shared-tags-70", "deadline-starved-70");

    private GoldenScenarios() {
    }

    /**
     * Zero CPU costs (only the device takes time), so the streams show the order of the paths alone;
     * sq-contention alone has the default costs, so CPUs spin on queue_lock and lock moves are in it.
     */
    public static Scenario named(String name) {
        return switch (name) {
            case "figure1" -> scenario().seed(42).cpus(4).hwQueues(2).irq("timer")
                    .job(job().allCpus().rw("randread").libaio().iodepth(2).ios(2)).build();
            case "plug-merge" -> scenario().seed(7).cpus(2).irq("timer")
                    .job(job().cpus(0, 1).rw("write").libaio().iodepth(4).plug().ios(8)).build();
            case "busy-requeue" -> scenario().seed(3).cpus(2).irq("timer").slots(2)
                    .job(job().cpus(0, 1).rw("randwrite").libaio().iodepth(3).ios(3)).build();
            case "tags-exhausted" -> scenario().seed(5).depth(4).irq("timer")
                    .job(job().rw("randwrite").libaio().iodepth(8).plug().ios(8)).build();
            // Six CPUs on four hctxs (hctx 3 idle), plugged sequential writes that merge, sync reads
            // beside them, and a three-slot device that says BUSY.
            case "six-cpus-four-hctx" -> scenario().seed(11).cpus(6).hwQueues(4).depth(16).irq("timer").slots(3)
                    .job(job().allCpus().rw("write").libaio().iodepth(8).plug().ios(12))
                    .job(job().name("dd").cpus(1, 4).rw("read").ios(6)).build();
            // Legacy request queue: get_request runs out of requests, deadline sorts and batches.
            case "sq-deadline" -> scenario().seed(13).mode("sq").scheduler("deadline").cpus(2).nrRequests(4)
                    .irq("timer").job(job().cpus(0, 1).rw("randwrite").libaio().iodepth(4).plug().ios(4)).build();
            case "sq-cfq" -> scenario().seed(17).mode("sq").scheduler("cfq").cpus(2).irq("timer")
                    .job(job().cpus(0, 1).rw("randread").ios(3)).build();
            case "bio-based" -> scenario().seed(19).mode("bio").cpus(2).depth(2).irq("timer")
                    .job(job().cpus(0, 1).rw("randread").libaio().iodepth(2).ios(3)).build();
            // xen-blkfront 3.16: io_lock is the queue lock and the ring lock; a two-slot ring fills.
            case "xen-sq" -> scenario().seed(23).mode("sq").cpus(2).slots(2).xen("single-lock")
                    .job(job().cpus(0, 1).rw("randwrite").libaio().iodepth(2).ios(3)).build();
            case "xen-mq-per-hctx" -> scenario().seed(29).cpus(2).hwQueues(2).slots(2).xen("per-hctx")
                    .job(job().cpus(0, 1).rw("randread").libaio().iodepth(3).ios(3)).build();
            // Linux 7.0, as the presets of the same names, smaller: every bio plugged, queue_rqs.
            case "nvme-70" -> scenario().seed(31).kernel70("none").cpus(4).hwQueues(4).depth(32).irq("timer")
                    .job(job().allCpus().rw("randread").libaio().iodepth(3).ios(3)).build();
            // One queue on mq-deadline, few driver tags: scheduler tags at G, driver tags at dispatch.
            case "sata-70" -> scenario().seed(37).kernel70("mq-deadline").cpus(2).depth(2).irq("timer")
                    .job(job().cpus(0, 1).rw("randrw").mix(70).libaio().iodepth(4).ios(4)).build();
            case "plug-limit-70" -> scenario().seed(41).kernel70("none").irq("timer")
                    .job(job().rw("randwrite").libaio().iodepth(34).plug().ios(34)).build();
            case "numa-70" -> scenario().seed(43).kernel70("none").cpus(8).hwQueues(4).depth(8).irq("softirq")
                    .numaNodes(List.of(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7)))
                    .job(job().cpus(0, 5).rw("randread").libaio().iodepth(2).ios(2)).build();
            // Three CPUs on one queue_lock with the default costs: lock_contended, lock_acquired, lock_release.
            case "sq-contention" -> scenario().seed(47).mode("sq").cpus(3).irq("timer")
                    .costs(org.blkflow.scenario.Costs.DEFAULT)
                    .job(job().allCpus().rw("randread").libaio().iodepth(2).ios(3)).build();
            // fio's IOmeter file-server job, smaller: bio sizes drawn from its eight-size bssplit, 80% reads.
            case "iometer" -> scenario().seed(47).cpus(2).hwQueues(2).irq("timer")
                    .job(job().allCpus().rw("randrw").mix(80).libaio().iodepth(8).ios(8)
                            .bssplit(org.blkflow.scenario.Presets.IOMETER_FILE_SERVER)).build();
            // kyber: per-domain queues, a token at dispatch, writes capped at async_depth (6 of 8 tags).
            case "kyber-70" -> scenario().seed(47).kernel70("kyber").cpus(2).hwQueues(2).depth(4).irq("timer")
                    .job(job().cpus(0, 1).rw("randrw").libaio().iodepth(8).plug().ios(8)).build();
            // A poll queue beside the submit queue: CPU 0 polls its reads, CPU 1's come by interrupt.
            case "poll-70" -> scenario().seed(53).kernel70("none").cpus(2).pollQueues(1).irq("timer")
                    .job(job().cpus(0).rw("randread").polled().iodepth(4).ios(6))
                    .job(job().name("irq").cpus(1).rw("randread").libaio().iodepth(2).ios(2)).build();
            // The xen-iometer preset, smaller: a ring per hctx, blkback on two dom0 vCPUs mapping every page
            // under the grant-table lock, with the default costs so its threads wake, run, contend and sleep.
            case "xen-iometer" -> scenario().seed(59).cpus(2).hwQueues(2).irq("timer").xen("per-hctx")
                    .backend(new org.blkflow.scenario.Backend(2, false, 1)).costs(org.blkflow.scenario.Costs.DEFAULT)
                    .job(job().cpus(0, 1).rw("randrw").mix(80).libaio().iodepth(2).ios(3)).build();
            // io_uring's nr_ios batch: 7 requests cached by the first bio, taken one per bio; a short call
            // leaves some unused, freed at the plug's end with no letter.
            case "cached-70" -> scenario().seed(61).kernel70("none").depth(64).irq("timer")
                    .job(job().rw("randread").iodepth(8).ioUringBatch(8).ios(12)).build();
            // Rule 40's split, twice: a 1 MiB read at max_sectors 256 is 7 X and 8 requests for one Q.
            case "split-70" -> scenario().seed(67).kernel70("none").irq("timer").maxSectors(256)
                    .job(job().rw("read").bs(1 << 20).ios(2)).build();
            // The same guest and dom0 on two host pCPUs for their four vCPUs: vCPUs that wake wait for one.
            case "xen-shared-pcpus" -> scenario().seed(61).cpus(2).hwQueues(2).irq("timer").xen("per-hctx")
                    .backend(new org.blkflow.scenario.Backend(2, false, 1, 2)).costs(org.blkflow.scenario.Costs.DEFAULT)
                    .job(job().cpus(0, 1).rw("randrw").mix(80).libaio().iodepth(2).ios(3)).build();
            // mq-deadline on a 2-command budget with null_blk's requeue=3: two driver requeues (D R, the
            // requeue work's I onto dd->dispatch, a second D) and a bio merge that absorbs the next request.
            case "requeue-70" -> scenario().seed(84).kernel70("mq-deadline").cpus(2).irq("timer").budget(2).requeueEvery(3)
                    .job(job().cpus(0, 1).rw("randwrite").size(64 * 1024).libaio().iodepth(4).ios(4)).build();
            // Rule 30: nullb1 takes its 4 and is active; nullb0 gets its share of 16, 8, and waits with 4 free.
            case "shared-tags-70" -> scenario().seed(42).kernel70("none").cpus(2).depth(16).irq("timer")
                    .completionNs(100_000).devices(2, true)
                    .job(job().name("nullb1").cpus(1).rw("randread").libaio().iodepth(4).ios(4).devices(1))
                    .job(job().name("nullb0").cpus(0).rw("randread").libaio().iodepth(12).ios(12).devices(0)).build();
            // mq-deadline's batches: reads chosen twice while writes wait (dd->starved 1, 2), then writes though reads wait.
            case "deadline-starved-70" -> scenario().seed(35).kernel70("mq-deadline").cpus(2).depth(4).irq("timer")
                    .job(job().cpus(0, 1).rw("randrw").mix(70).libaio().iodepth(8).ios(8)).build();
            default -> throw new IllegalArgumentException("no golden scenario named " + name);
        };
    }
}
