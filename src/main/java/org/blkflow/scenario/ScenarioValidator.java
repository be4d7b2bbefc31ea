package org.blkflow.scenario;

import java.util.List;

/**
 * The limits a scenario must respect before it may run. They follow the kernel where it has one
 * (BLK_MQ_MAX_DEPTH, blk_mq_alloc_tag_set's reserved-tag check, max_hw_sectors' 1024 cap) and keep a
 * single run small enough to simulate on a shared server.
 */
public final class ScenarioValidator {

    public static final int MAX_CPUS = 64;
    public static final int MAX_HW_QUEUES = 64;
    /** BLK_MQ_MAX_DEPTH in 3.16. */
    public static final int MAX_QUEUE_DEPTH = 10240;
    public static final int MAX_NAME = 80;
    public static final long MAX_COMPLETION_NS = 1_000_000_000L;
    public static final List<String> MODES = List.of("mq", "sq", "bio");
    public static final List<String> SCHEDULERS = List.of("noop", "deadline", "cfq");
    public static final List<String> DRIVERS = List.of(Device.NULL_BLK, Device.XEN);
    public static final List<String> RINGS = List.of(Device.SINGLE_LOCK, "split-lock", "per-hctx");
    /** The legacy queue's nr_requests, like BLK_MQ_MAX_DEPTH for tags: far beyond any real setting. */
    public static final int MAX_NR_REQUESTS = 10240;
    public static final List<String> IRQ_MODES = List.of("none", "softirq", "timer");
    /** Σ over jobs of ios × CPUs: more bios than this make one request answer too slow and too big. */
    public static final long MAX_BIOS = 2_000_000;

    private ScenarioValidator() {
    }

    /** Every problem with the scenario; empty when it may run. */
    public static List<Problem> validate(Scenario s) {
        return check(s).list();
    }

    private static ProblemList check(Scenario s) {
        ProblemList problems = new ProblemList();
        checkMachine(s, problems);
        checkMapping(s, problems);
        LegacyRules.check(s, problems);
        ModernRules.check(s, problems);
        checkDevice(s.device(), problems);
        checkJobs(s, problems);
        return problems;
    }

    /** Throws {@link ScenarioRejected} unless the scenario is valid; returns it for chaining. */
    public static Scenario require(Scenario s) {
        ProblemList problems = check(s);
        if (!problems.isEmpty()) {
            throw problems.rejected("invalid scenario");
        }
        return s;
    }

    /** Σ over jobs of ios × the CPUs the job runs on: the bios the run will submit. */
    public static long bios(Scenario s) {
        long bios = 0;
        for (Job job : s.jobs()) {
            bios += (long) job.ios() * (job.allCpus() ? s.cpus() : job.cpus().size());
        }
        return bios;
    }

    private static void checkMachine(Scenario s, ProblemList p) {
        if (s.name() == null || s.name().length() > MAX_NAME) {
            p.add("name", s.name(), "must be a string of at most " + MAX_NAME + " characters");
        }
        p.oneOf("mode", s.mode(), MODES);
        p.range("cpus", s.cpus(), 1, MAX_CPUS);
        p.range("hwQueues", s.hwQueues(), 1, MAX_HW_QUEUES);
        boolean depthOk = p.range("queueDepth", s.queueDepth(), 1, MAX_QUEUE_DEPTH);
        long maxReserved = (depthOk ? s.queueDepth() : MAX_QUEUE_DEPTH) - 1;
        if (s.reservedTags() < 0 || s.reservedTags() > maxReserved) {
            p.add("reservedTags", s.reservedTags(), "must be between 0 and queueDepth - 1 = " + maxReserved
                    + " (blk_mq_alloc_tag_set rejects a depth below reserved + 1)");
        }
    }

    private static void checkMapping(Scenario s, ProblemList p) {
        List<Integer> map = s.mapping();
        if (map == null) {
            return;
        }
        if (map.size() != s.cpus()) {
            p.add("mapping", map, "must be \"kernel\" or list one hctx for each of the " + s.cpus() + " CPUs");
        }
        for (int cpu = 0; cpu < map.size(); cpu++) {
            Integer hctx = map.get(cpu);
            if (hctx == null || hctx < 0 || hctx >= s.hwQueues()) {
                p.add("mapping[" + cpu + "]", hctx, "must be a hardware queue between 0 and " + (s.hwQueues() - 1));
            }
        }
    }

    private static void checkDevice(Device d, ProblemList p) {
        if (d == null) {
            p.add("device", null, "must be present");
            return;
        }
        p.range("device.completionNs", d.completionNs(), 0, MAX_COMPLETION_NS);
        p.oneOf("device.irqMode", d.irqMode(), IRQ_MODES);
        if (d.maxSectors() < FieldLimits.MIN_MAX_SECTORS || d.maxSectors() > FieldLimits.MAX_MAX_SECTORS) {
            p.add("device.maxSectors", d.maxSectors(), "must be between " + FieldLimits.MIN_MAX_SECTORS + " and "
                    + FieldLimits.MAX_MAX_SECTORS + " (blk_queue_max_hw_sectors caps at " + FieldLimits.MAX_MAX_SECTORS + ")");
        }
        p.range("device.maxSegments", d.maxSegments(), 1, FieldLimits.MAX_MAX_SEGMENTS);
        p.range("device.slots", d.slots(), 0, MAX_QUEUE_DEPTH);
    }

    private static void checkJobs(Scenario s, ProblemList p) {
        if (s.jobs().isEmpty() || s.jobs().size() > JobValidator.MAX_JOBS) {
            p.add("jobs", s.jobs().size() + " jobs", "must list between 1 and " + JobValidator.MAX_JOBS + " jobs");
            return;
        }
        for (int i = 0; i < s.jobs().size(); i++) {
            JobValidator.check("jobs[" + i + "]", s.jobs().get(i), s.cpus(), s.device(), p);
        }
        long bios = bios(s);
        // Size is judged only for an otherwise valid scenario, so "too large" always means "valid but big".
        if (p.isEmpty() && bios > MAX_BIOS) {
            p.add(Problem.tooLarge("jobs", bios, "the run would submit " + bios
                    + " bios (Σ ios × CPUs of each job); at most " + MAX_BIOS + " per run"));
        }
    }
}
