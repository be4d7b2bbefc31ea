package org.blkflow.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.blkflow.scenario.ScenarioField.Group;

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
    /** null_blk's requeue injection interval: every Nth queue_rq call at most this far apart. */
    public static final int MAX_REQUEUE_EVERY = 100_000;
    public static final int MAX_NAME = 80;
    public static final long MAX_COMPLETION_NS = 1_000_000_000L;
    /** The legacy queue's nr_requests, like BLK_MQ_MAX_DEPTH for tags: far beyond any real setting. */
    public static final int MAX_NR_REQUESTS = 10240;
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
        checkFields("", Group.SCENARIO, s, problems);
        checkMapping(s, problems);
        LegacyRules.check(s, problems);
        ModernRules.check(s, problems);
        DeviceRules.check(s, problems);
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

    /**
     * Each field of one record against its declared range, pattern or choices ({@link ScenarioFields});
     * returns the fields that broke theirs, so a rule that reads one can skip it.
     */
    static <R extends Record> Set<ScenarioField<R, ?>> checkFields(String prefix, Group group, R record, ProblemList p) {
        Set<ScenarioField<R, ?>> broken = new HashSet<>();
        for (ScenarioField<R, ?> f : ScenarioFields.<R>typed(group)) {
            if (!f.check(prefix + f.name(), record, p)) broken.add(f);
        }
        return broken;
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
        checkFields("device.", Group.DEVICE, d, p);
        if (d.backend() == null) {
            p.add("device.backend", null, "must be present");
            return;
        }
        var broken = checkFields("device.backend.", Group.BACKEND, d.backend(), p);
        if (!broken.contains(ScenarioFields.RING_PAGES) && Integer.bitCount(d.backend().ringPages()) != 1) {
            p.add("device.backend.ringPages", d.backend().ringPages(),
                    "must be 1, 2, 4, 8 or 16 (a ring is 2^order pages, xen_blkif_max_ring_order 4)");
        }
    }

    private static void checkJobs(Scenario s, ProblemList p) {
        if (s.jobs().isEmpty() || s.jobs().size() > JobValidator.MAX_JOBS) {
            p.add("jobs", s.jobs().size() + " jobs", "must list between 1 and " + JobValidator.MAX_JOBS + " jobs");
            return;
        }
        for (int i = 0; i < s.jobs().size(); i++) {
            JobValidator.check("jobs[" + i + "]", s.jobs().get(i), s.cpus(), s.device(), s.modern(), p);
        }
        long bios = bios(s);
        // Size is judged only for an otherwise valid scenario, so "too large" always means "valid but big".
        if (p.isEmpty() && bios > MAX_BIOS) {
            p.add(Problem.tooLarge("jobs", bios, "the run would submit " + bios
                    + " bios (Σ ios × CPUs of each job); at most " + MAX_BIOS + " per run"));
        }
    }
}
