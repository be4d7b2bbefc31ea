package org.blkflow.scenario;

import static org.blkflow.scenario.ScenarioField.Group.BACKEND;
import static org.blkflow.scenario.ScenarioField.Group.DEVICE;
import static org.blkflow.scenario.ScenarioField.Group.JOB;
import static org.blkflow.scenario.ScenarioField.Group.SCENARIO;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.blkflow.scenario.ScenarioField.Group;
import org.blkflow.scenario.ScenarioField.Range;
import org.blkflow.scenario.ScenarioField.Type;

/**
 * Every scenario field, declared once, in the order JSON writes them (links follow it too, except
 * where version 1 fixed another order: {@code linkRank}). Reading and writing JSON and links, the
 * defaults, per-field validation and the editor's field list all come from here; rules between
 * fields (a scheduler that needs mode sq, a bio that must fit the device) are in the validators.
 *
 * <p>To add a field: declare it here, in its group, and give its record ({@link Scenario},
 * {@link Device}, {@link Job}) a component of the same name. {@code ScenarioFieldsTest} fails until
 * both exist, and checks the new field round-trips through JSON and links and is range-checked.
 */
public final class ScenarioFields {

    private static final List<ScenarioField<?, ?>> ALL = new ArrayList<>();

    /** null_blk's module defaults: completion_nsec 10000, irqmode softirq; 3.16's 255 sectors, 128 segments. */
    public static final ScenarioField<Scenario, String> NAME = text(SCENARIO, "name", Scenario::name)
            .link("name").standard("untitled").pattern("(?s).{0," + ScenarioValidator.MAX_NAME + "}",
                    "must be a string of at most " + ScenarioValidator.MAX_NAME + " characters")
            .editor("name");
    public static final ScenarioField<Scenario, Long> SEED = field(SCENARIO, "seed", Type.LONG, Scenario::seed)
            .link("seed").standard(1L).editor("seed");
    public static final ScenarioField<Scenario, Mode> MODE = choice(SCENARIO, "mode", Mode.class, Scenario::mode)
            .link("mode").standard(Mode.MQ).editor("mode");
    /** Written for 7.0 only, so a 3.16 scenario reads and writes exactly as it did before the switch. */
    public static final ScenarioField<Scenario, Kernel> KERNEL = choice(SCENARIO, "kernel", Kernel.class, Scenario::kernel)
            .link("kernel").standard(Kernel.V3_16).writtenIf(Scenario::modern).editor("kernel");
    /** No fixed default: 3.16's is noop, 7.0's depends on the hardware queues ({@link Scheduler#defaultFor}). */
    public static final ScenarioField<Scenario, Scheduler> SCHEDULER =
            choice(SCENARIO, "scheduler", Scheduler.class, Scenario::scheduler)
            .link("sched").editor("elevator (sq) / scheduler (7.0)")
            .shownWhen(MODE, Mode.SQ).shownWhen(KERNEL, Kernel.V7_0);
    public static final ScenarioField<Scenario, Integer> NR_REQUESTS = field(SCENARIO, "nrRequests", Type.INT, Scenario::nrRequests)
            .link("nr").standard(128).range(1, ScenarioValidator.MAX_NR_REQUESTS).editor("nr_requests (sq)")
            .shownWhen(MODE, Mode.SQ);
    public static final ScenarioField<Scenario, Integer> SMT = field(SCENARIO, "smt", Type.INT, Scenario::smt)
            .link("smt").standard(1).range(1, FieldLimits.MAX_SMT).editor("threads per core");
    public static final ScenarioField<Scenario, List<List<Integer>>> NUMA_NODES =
            field(SCENARIO, "numaNodes", Type.NODES, Scenario::numaNodes).link("numa").writtenIf(s -> s.numaNodes() != null);
    public static final ScenarioField<Scenario, Integer> CPUS = field(SCENARIO, "cpus", Type.INT, Scenario::cpus)
            .link("cpus").standard(4).range(1, ScenarioValidator.MAX_CPUS).editor("CPUs");
    /** null_blk's submit_queues: 0 means 1. */
    public static final ScenarioField<Scenario, Integer> HW_QUEUES = field(SCENARIO, "hwQueues", Type.INT, Scenario::hwQueues)
            .link("hw").standard(1).range(1, ScenarioValidator.MAX_HW_QUEUES).editor("hardware queues");
    /** null_blk's hw_queue_depth. */
    public static final ScenarioField<Scenario, Integer> QUEUE_DEPTH = field(SCENARIO, "queueDepth", Type.INT, Scenario::queueDepth)
            .link("depth").standard(64).range(1, ScenarioValidator.MAX_QUEUE_DEPTH).editor("queue depth");
    public static final ScenarioField<Scenario, Integer> RESERVED_TAGS =
            field(SCENARIO, "reservedTags", Type.INT, Scenario::reservedTags)
            .link("reserved").standard(0)
            .range(new Range<>(0, ScenarioValidator.MAX_QUEUE_DEPTH - 1, 1, null, null, "queueDepth - 1",
                    s -> (s.queueDepth() >= 1 && s.queueDepth() <= ScenarioValidator.MAX_QUEUE_DEPTH
                            ? s.queueDepth() : ScenarioValidator.MAX_QUEUE_DEPTH) - 1,
                    "blk_mq_alloc_tag_set rejects a depth below reserved + 1"))
            .editor("reserved tags");
    public static final ScenarioField<Scenario, List<Integer>> MAPPING = field(SCENARIO, "mapping", Type.CPU_MAP, Scenario::mapping)
            .link("map").editor("CPU → hctx map", "kernel, or 0,0,1,1");
    public static final ScenarioField<Scenario, Boolean> MERGING = field(SCENARIO, "merging", Type.BOOL, Scenario::merging)
            .link("merge").standard(true).editor("merging");
    public static final ScenarioField<Scenario, Costs> COSTS = field(SCENARIO, "costs", Type.COSTS, Scenario::costs)
            .link("cost").standard(Costs.DEFAULT);
    public static final ScenarioField<Scenario, Device> DEVICE_FIELD = field(SCENARIO, "device", Type.DEVICE, Scenario::device)
            .link("dev");
    public static final ScenarioField<Scenario, List<Job>> JOBS = field(SCENARIO, "jobs", Type.JOBS, Scenario::jobs)
            .link("job");

    public static final ScenarioField<Device, Long> COMPLETION_NS = field(DEVICE, "completionNs", Type.LONG, Device::completionNs)
            .link("lat").standard(10_000L).range(0, ScenarioValidator.MAX_COMPLETION_NS).editor("completion (ns)");
    /** Version 1 links wrote irq first. */
    public static final ScenarioField<Device, IrqMode> IRQ_MODE = choice(DEVICE, "irqMode", IrqMode.class, Device::irqMode)
            .link("irq").linkRank(-1).standard(IrqMode.SOFTIRQ).editor("irq mode");
    public static final ScenarioField<Device, Integer> MAX_SECTORS = field(DEVICE, "maxSectors", Type.INT, Device::maxSectors)
            .link("maxsec").standard(255)
            .range(new Range<>(FieldLimits.MIN_MAX_SECTORS, FieldLimits.MAX_MAX_SECTORS, 1, null, null, null, null,
                    "blk_queue_max_hw_sectors caps at " + FieldLimits.MAX_MAX_SECTORS))
            .editor("max sectors");
    public static final ScenarioField<Device, Integer> MAX_SEGMENTS = field(DEVICE, "maxSegments", Type.INT, Device::maxSegments)
            .link("maxseg").standard(128).range(1, FieldLimits.MAX_MAX_SEGMENTS).editor("max segments");
    public static final ScenarioField<Device, Integer> SLOTS = field(DEVICE, "slots", Type.INT, Device::slots)
            .link("slots").standard(0).range(0, ScenarioValidator.MAX_QUEUE_DEPTH).editor("device slots (0 = tags only)");
    public static final ScenarioField<Device, Driver> DRIVER = choice(DEVICE, "driver", Driver.class, Device::driver)
            .link("driver").standard(Driver.NULL_BLK).editor("driver");
    public static final ScenarioField<Device, Rings> RINGS = choice(DEVICE, "rings", Rings.class, Device::rings)
            .link("rings").standard(Rings.SINGLE_LOCK).editor("rings (xen)")
            .shownWhen(DRIVER, Driver.XEN_BLKFRONT);
    public static final ScenarioField<Device, Integer> POLL_QUEUES = field(DEVICE, "pollQueues", Type.INT, Device::pollQueues)
            .link("poll").standard(0).range(0, ScenarioValidator.MAX_HW_QUEUES).editor("poll queues (7.0)")
            .shownWhen(KERNEL, Kernel.V7_0);
    public static final ScenarioField<Device, Integer> BUDGET = field(DEVICE, "budget", Type.INT, Device::budget)
            .link("budget").standard(0).range(0, ScenarioValidator.MAX_QUEUE_DEPTH).editor("dispatch budget (7.0, 0 = none)")
            .shownWhen(KERNEL, Kernel.V7_0);
    public static final ScenarioField<Device, Integer> REQUEUE_EVERY = field(DEVICE, "requeueEvery", Type.INT, Device::requeueEvery)
            .link("requeue").standard(0).range(0, ScenarioValidator.MAX_REQUEUE_EVERY)
            .editor("requeue every Nth command (7.0 null_blk requeue=N,100,0,-1; 0 = never)")
            .shownWhen(KERNEL, Kernel.V7_0);
    /** null_blk's nr_devices (7.0): written only when above 1, so every one-device scenario reads as before. */
    public static final ScenarioField<Device, Integer> DEVICE_COUNT = field(DEVICE, "count", Type.INT, Device::count)
            .link("count").standard(1).range(1, Device.MAX_COUNT).writtenIf(d -> d.count() != 1)
            .editor("null_blk devices (nr_devices, 7.0)").shownWhen(KERNEL, Kernel.V7_0);
    public static final ScenarioField<Device, Boolean> SHARED_TAGS = field(DEVICE, "sharedTags", Type.BOOL, Device::sharedTags)
            .link("shared").standard(false).writtenIf(Device::sharedTags).editor("shared tags (null_blk shared_tags, 7.0)")
            .shownWhen(KERNEL, Kernel.V7_0);
    /**
     * Declared last among the device's fields, as the editor lists a nested record's fields after its
     * parent's; a link writes its fields among the device's items, each with a key of its own.
     */
    public static final ScenarioField<Device, Backend> BACKEND_FIELD = field(DEVICE, "backend", Type.BACKEND, Device::backend)
            .standard(Backend.DEFAULT);

    /** xen-blkback's: four dom0 vCPUs (a modelling choice), persistent grants as negotiated since 3.8, one ring page as in 3.16. */
    public static final ScenarioField<Backend, Integer> BACKEND_CPUS = field(BACKEND, "cpus", Type.INT, Backend::cpus)
            .link("dom0").standard(Backend.DEFAULT.cpus()).range(1, Backend.MAX_CPUS).editor("dom0 vCPUs (xen)")
            .shownWhen(DRIVER, Driver.XEN_BLKFRONT);
    public static final ScenarioField<Backend, Boolean> PERSISTENT_GRANTS =
            field(BACKEND, "persistentGrants", Type.BOOL, Backend::persistentGrants)
            .link("pgrants").standard(Backend.DEFAULT.persistentGrants()).editor("persistent grants (xen)")
            .shownWhen(DRIVER, Driver.XEN_BLKFRONT);
    /** A power of two as well (a ring is 2^order pages): the validator says so inside this range. */
    public static final ScenarioField<Backend, Integer> RING_PAGES = field(BACKEND, "ringPages", Type.INT, Backend::ringPages)
            .link("rpages").standard(Backend.DEFAULT.ringPages())
            .range(new Range<>(1, Backend.MAX_RING_PAGES, 1, null, null, null, null,
                    "xen_blkif_max_ring_order 4: 32 slots a page"))
            .editor("ring pages (xen)")
            .shownWhen(DRIVER, Driver.XEN_BLKFRONT);
    public static final ScenarioField<Backend, Integer> PCPUS = field(BACKEND, "pcpus", Type.INT, Backend::pcpus)
            .link("pcpus").standard(0).range(0, Backend.MAX_PCPUS)
            .editor("host pCPUs shared by guest and dom0 vCPUs (xen, 0 = each vCPU its own)")
            .shownWhen(DRIVER, Driver.XEN_BLKFRONT);

    /**
     * dom0's null_blk (null_blk.c module parameters); 0 queues = no request queue, the model before it. These
     * and the event channels' binding are written only when they change the run, so every scenario from
     * before them reads and writes as it did.
     */
    public static final ScenarioField<Backend, Integer> SUBMIT_QUEUES = field(BACKEND, "submitQueues", Type.INT, Backend::submitQueues)
            .link("nbq").standard(0).range(0, Backend.MAX_CPUS).writtenIf(Backend::queued)
            .editor("dom0 null_blk submit_queues (xen, 0 = no queue)")
            .shownWhen(DRIVER, Driver.XEN_BLKFRONT);
    public static final ScenarioField<Backend, Integer> HW_QUEUE_DEPTH = field(BACKEND, "hwQueueDepth", Type.INT, Backend::hwQueueDepth)
            .link("nbdepth").standard(Backend.NULL_BLK_DEPTH).range(1, ScenarioValidator.MAX_QUEUE_DEPTH)
            .writtenIf(b -> b.queued() || b.hwQueueDepth() != Backend.NULL_BLK_DEPTH)
            .editor("dom0 null_blk hw_queue_depth (xen)")
            .shownWhen(DRIVER, Driver.XEN_BLKFRONT);
    public static final ScenarioField<Backend, IrqMode> BACKEND_IRQ_MODE = choice(BACKEND, "irqMode", IrqMode.class, Backend::irqMode)
            .link("nbirq").standard(IrqMode.SOFTIRQ).writtenIf(b -> b.queued() || b.irqMode() != IrqMode.SOFTIRQ)
            .editor("dom0 null_blk irqmode (xen)")
            .shownWhen(DRIVER, Driver.XEN_BLKFRONT);

    public static final ScenarioField<Backend, EvtchnAffinity> EVTCHN_AFFINITY =
            choice(BACKEND, "evtchnAffinity", EvtchnAffinity.class, Backend::evtchnAffinity)
            .link("evtchn").standard(EvtchnAffinity.SPREAD).writtenIf(b -> b.evtchnAffinity() != EvtchnAffinity.SPREAD)
            .editor("event channels' vCPU (xen)")
            .shownWhen(DRIVER, Driver.XEN_BLKFRONT);

    /** fio's defaults: rw=read, bs=4k, iodepth=1, ioengine=sync, on every CPU, over a 1 GiB region. */
    public static final ScenarioField<Job, String> JOB_NAME = text(JOB, "name", Job::name)
            .standard("fio").pattern("[A-Za-z0-9_.-]{1,32}", "must be 1 to 32 characters of A-Z a-z 0-9 _ . -")
            .editor("name");
    /** Version 1 links wrote the CPUs after plug. */
    public static final ScenarioField<Job, List<Integer>> JOB_CPUS = field(JOB, "cpus", Type.CPU_LIST, Job::cpus)
            .link("cpus").linkRank(8.5).editor("CPUs", "all, or 0,2");
    public static final ScenarioField<Job, Rw> RW = choice(JOB, "rw", Rw.class, Job::rw)
            .link("rw").standard(Rw.READ).editor("rw");
    public static final ScenarioField<Job, Integer> RWMIXREAD = field(JOB, "rwmixread", Type.INT, Job::rwmixread)
            .link("mix").standard(50).range(0, 100).editor("rwmixread %");
    public static final ScenarioField<Job, Integer> BS = field(JOB, "bs", Type.SIZE, Job::bs)
            .link("bs").standard(4096)
            .range(new Range<>(512, JobValidator.MAX_BS_SPLIT, 512, null, null, null, null, null))
            .editor("bs (bytes)").step(512);
    public static final ScenarioField<Job, Integer> IODEPTH = field(JOB, "iodepth", Type.INT, Job::iodepth)
            .link("qd").standard(1).range(1, JobValidator.MAX_IODEPTH).editor("iodepth");
    public static final ScenarioField<Job, IoEngine> IOENGINE = choice(JOB, "ioengine", IoEngine.class, Job::ioengine)
            .link("engine").standard(IoEngine.SYNC).editor("ioengine");
    public static final ScenarioField<Job, Boolean> SYNC = field(JOB, "sync", Type.BOOL, Job::sync)
            .link("sync").standard(false).editor("sync writes");
    public static final ScenarioField<Job, Boolean> PLUG = field(JOB, "plug", Type.BOOL, Job::plug)
            .link("plug").standard(false).editor("plug");
    public static final ScenarioField<Job, Integer> IOS = field(JOB, "ios", Type.INT, Job::ios)
            .link("n").standard(32).range(1, JobValidator.MAX_IOS).editor("ios per CPU");
    public static final ScenarioField<Job, Long> OFFSET = field(JOB, "offset", Type.BYTES, Job::offset)
            .link("off").standard(0L)
            .range(new Range<>(0, JobValidator.MAX_BYTES, 512, null, null, null, null, null))
            .editor("offset (bytes)");
    public static final ScenarioField<Job, Long> SIZE = field(JOB, "size", Type.BYTES, Job::size)
            .link("size").standard(1L << 30)
            .range(new Range<Job>(512, JobValidator.MAX_BYTES, 512, "bs", j -> Math.max(512, j.bs()), null, null, null))
            .editor("size (bytes)");
    /** fio's bssplit; absent, every bio is bs. Its rules (entries, sizes, the sum of 100) are JobValidator's. */
    public static final ScenarioField<Job, List<BsSplit>> BSSPLIT = field(JOB, "bssplit", Type.BSSPLIT, Job::bssplit)
            .link("split").editor("bssplit (size/% : …)", "512/10:4k/90");
    /** The second half of fio's bssplit=reads,writes; absent, writes draw from bssplit too. */
    public static final ScenarioField<Job, List<BsSplit>> BSSPLIT_WRITE =
            field(JOB, "bssplitWrite", Type.BSSPLIT, Job::bssplitWrite)
            .link("wsplit").editor("bssplit for writes", "as bssplit");
    public static final ScenarioField<Job, Integer> RATE_IOPS = field(JOB, "rateIops", Type.INT, Job::rateIops)
            .link("rate").standard(0).range(0, JobValidator.MAX_RATE_IOPS).editor("rate_iops (0 = no cap)");
    public static final ScenarioField<Job, Integer> THINKTIME = field(JOB, "thinktime", Type.INT, Job::thinktime)
            .link("think").standard(0).range(0, JobValidator.MAX_THINKTIME_US).editor("thinktime (µs)");
    public static final ScenarioField<Job, Integer> THINKTIME_BLOCKS =
            field(JOB, "thinktimeBlocks", Type.INT, Job::thinktimeBlocks)
            .link("thinkn").standard(1).range(1, JobValidator.MAX_IOS).editor("thinktime_blocks");
    public static final ScenarioField<Job, Boolean> HIPRI = field(JOB, "hipri", Type.BOOL, Job::hipri)
            .link("hipri").standard(false).editor("hipri (io_uring polled)")
            .shownWhen(IOENGINE, IoEngine.IO_URING);
    /** fio's iodepth_batch_submit: 7.0 io_uring's plug nr_ios (cached requests); the rule is ModernRules'. */
    public static final ScenarioField<Job, Integer> IODEPTH_BATCH = field(JOB, "iodepthBatch", Type.INT, Job::iodepthBatch)
            .link("batch").standard(0).range(0, Job.MAX_IODEPTH_BATCH).editor("iodepth_batch_submit (io_uring, 7.0)")
            .shownWhen(IOENGINE, IoEngine.IO_URING);
    /** fio's filename=/dev/nullb0:/dev/nullb1 (7.0): the device numbers, "all" for every one; the rule is DeviceRules'. */
    public static final ScenarioField<Job, List<Integer>> JOB_DEVICES = field(JOB, "devices", Type.CPU_LIST, Job::devices)
            .link("devs").standard(Job.FIRST_DEVICE).writtenIf(j -> !Job.FIRST_DEVICE.equals(j.devices()))
            .editor("devices (7.0: nullbN, round robin)", "all, or 0,1").shownWhen(KERNEL, Kernel.V7_0);

    private ScenarioFields() {
    }

    /** A group's fields in JSON order. */
    public static List<ScenarioField<?, ?>> of(Group group) {
        return ALL.stream().filter(f -> f.group() == group).toList();
    }

    /** A group's fields in the order links write them. */
    static <R extends Record> List<ScenarioField<R, ?>> linkOrdered(Group group) {
        return ScenarioFields.<R>typed(group).stream().sorted(Comparator.comparingDouble(ScenarioField::linkRank)).toList();
    }

    @SuppressWarnings("unchecked")
    static <R extends Record> List<ScenarioField<R, ?>> typed(Group group) {
        return (List<ScenarioField<R, ?>>) (List<?>) of(group);
    }

    public static List<ScenarioField<?, ?>> all() {
        return List.copyOf(ALL);
    }

    private static <R extends Record, T> ScenarioField<R, T> field(Group g, String name, Type type, Function<R, T> read) {
        return register(new ScenarioField<>(g, name, type, null, read, (int) ALL.stream().filter(f -> f.group() == g).count()));
    }

    private static <R extends Record> ScenarioField<R, String> text(Group g, String name, Function<R, String> read) {
        return field(g, name, Type.TEXT, read);
    }

    private static <R extends Record, E extends Enum<E> & Label> ScenarioField<R, E> choice(
            Group g, String name, Class<E> type, Function<R, E> read) {
        return register(new ScenarioField<>(g, name, Type.CHOICE, type, read,
                (int) ALL.stream().filter(f -> f.group() == g).count()));
    }

    private static <R extends Record, T> ScenarioField<R, T> register(ScenarioField<R, T> f) {
        ALL.add(f);
        return f;
    }
}
