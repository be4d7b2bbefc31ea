package org.blkflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.blkflow.scenario.Backend;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.EvtchnAffinity;
import org.blkflow.scenario.IrqMode;
import org.blkflow.scenario.Scenario;

/** Seeded generator of small valid scenarios that together reach every path of the model. */
final class RandomScenarios {

    private static final String[] RW = {"read", "write", "randread", "randwrite", "randrw"};
    private static final String[] IRQ = {"none", "softirq", "timer"};

    private RandomScenarios() {}

    static Scenario generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int cpus = 1 + r.nextInt(8);
        int hw = 1 + r.nextInt(r.nextBoolean() ? 2 : 8);
        int depth = 1 + r.nextInt(r.nextBoolean() ? 8 : 64);
        int maxSectors = 8 + r.nextInt(r.nextBoolean() ? 64 : 1017);
        int maxSegments = 1 + r.nextInt(r.nextBoolean() ? 4 : 128);
        ScenarioBuilder s = ScenarioBuilder.scenario().seed(r.nextLong()).cpus(cpus).hwQueues(hw).depth(depth)
                .reserved(r.nextInt(depth)).merging(r.nextInt(5) > 0).irq(IRQ[r.nextInt(3)])
                .completionNs(r.nextInt(50_000)).maxSectors(maxSectors).maxSegments(maxSegments)
                .slots(r.nextInt(3) == 0 ? 1 + r.nextInt(4) : 0);
        if (r.nextInt(4) == 0) s.mapping(randomMapping(r, cpus, hw));
        int mode = r.nextInt(6);
        if (mode == 4) s.mode("sq").scheduler(new String[] {"noop", "deadline", "cfq"}[r.nextInt(3)]).nrRequests(1 + r.nextInt(16));
        if (mode == 5) s.mode("bio");
        if (mode != 5 && r.nextInt(4) == 0) {
            s.xen(mode == 4 ? "single-lock" : new String[] {"single-lock", "split-lock", "per-hctx"}[r.nextInt(3)]);
            int dom0 = 1 + r.nextInt(4);
            // A third of them on a host with fewer pCPUs than vCPUs, so vCPUs wait and get preempted.
            int pcpus = r.nextInt(3) == 0 ? 1 + r.nextInt(cpus + dom0) : 0;
            Backend backend = new Backend(dom0, r.nextBoolean(), 1 << r.nextInt(3), pcpus);
            // Half of them with dom0's null_blk as a blk-mq queue, few tags so threads sleep in bt_get.
            if (r.nextBoolean()) backend = backend.withNullBlk(1 + r.nextInt(dom0), 1 + r.nextInt(8), IrqMode.values()[r.nextInt(3)]);
            if (r.nextBoolean()) backend = backend.withEvtchn(EvtchnAffinity.VCPU0);
            s.backend(backend);
        }
        int costs = r.nextInt(3);
        if (costs == 1) s.costs(Costs.DEFAULT);
        if (costs == 2) s.costs(randomCosts(r));
        int jobs = 1 + r.nextInt(3);
        for (int j = 0; j < jobs; j++) s.job(randomJob(r, cpus, Math.min(maxSectors / 8, maxSegments)));
        return s.build();
    }

    /**
     * A Linux 7.0 scenario: blk-mq on null_blk only, none or mq-deadline, at most one hardware queue
     * per CPU (blk_mq_alloc_tag_set's cut), SMT, and NUMA nodes made of whole cores.
     */
    private static final String[] SCHEDULERS_70 = {"none", "mq-deadline", "kyber"};

    static Scenario generate70(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int cores = 1 + r.nextInt(6);
        int smt = r.nextInt(3) == 0 ? 2 : 1;
        int cpus = cores * smt;
        int hw = 1 + r.nextInt(cpus);
        int depth = 1 + r.nextInt(r.nextBoolean() ? 8 : 64);
        int maxSectors = 8 + r.nextInt(r.nextBoolean() ? 64 : 1017);
        int maxSegments = 1 + r.nextInt(r.nextBoolean() ? 4 : 128);
        ScenarioBuilder s = ScenarioBuilder.scenario().kernel70(SCHEDULERS_70[r.nextInt(SCHEDULERS_70.length)])
                .seed(r.nextLong()).cpus(cpus).smt(smt).hwQueues(hw).depth(depth)
                .reserved(r.nextInt(depth)).merging(r.nextInt(5) > 0).irq(IRQ[r.nextInt(3)])
                .completionNs(r.nextInt(50_000)).maxSectors(maxSectors).maxSegments(maxSegments)
                .slots(r.nextInt(3) == 0 ? 1 + r.nextInt(4) : 0);
        if (r.nextInt(4) == 0) s.mapping(randomMapping(r, cpus, hw));
        if (cores > 1 && r.nextBoolean()) s.numaNodes(randomNodes(r, cores, smt));
        int costs = r.nextInt(3);
        if (costs == 1) s.costs(Costs.DEFAULT);
        if (costs == 2) s.costs(randomCosts(r));
        int jobs = 1 + r.nextInt(3);
        for (int j = 0; j < jobs; j++) s.job(randomJob(r, cpus, Math.min(maxSectors / 8, maxSegments)));
        // Poll queues, a polled io_uring job beside the others, and a dispatch budget, each now and then.
        if (r.nextInt(3) == 0) s.pollQueues(1 + r.nextInt(2));
        if (r.nextInt(4) == 0) s.budget(1 + r.nextInt(4));
        if (r.nextInt(3) == 0) s.job(ScenarioBuilder.job().name("uring").cpus(r.nextInt(cpus)).rw(r.nextBoolean() ? "randread" : "randrw")
                .polled().iodepth(1 + r.nextInt(16)).plug(r.nextBoolean()).ios(1 + r.nextInt(24)));
        // 7.0's splits and cached requests: bios past the limits (up to 4 MiB) and io_uring's nr_ios batches.
        if (r.nextInt(3) == 0) {
            int bs = 512 * (1 + r.nextInt(r.nextBoolean() ? 64 : 8192));
            ScenarioBuilder.JobBuilder big = ScenarioBuilder.job().name("big").cpus(r.nextInt(cpus))
                    .rw(RW[r.nextInt(RW.length)]).bs(bs).size((long) bs * (1 + r.nextInt(8)))
                    .iodepth(1 + r.nextInt(8)).ios(1 + r.nextInt(6)).plug(r.nextBoolean());
            if (r.nextBoolean()) big.libaio();
            s.job(big);
        }
        if (r.nextInt(3) == 0) {
            ScenarioBuilder.JobBuilder batch = ScenarioBuilder.job().name("batch").cpus(r.nextInt(cpus))
                    .rw(RW[r.nextInt(RW.length)]).bs(512 * (1 + r.nextInt(64)))
                    .iodepth(1 + r.nextInt(48)).ios(1 + r.nextInt(40)).plug(r.nextBoolean());
            if (r.nextBoolean()) batch.polled();
            s.job(batch.ioUringBatch(1 + r.nextInt(40)));
        }
        // null_blk's requeue injection now and then, drawn last so the draws above stay as they were.
        if (r.nextInt(4) == 0 && s.slots == 0) s.requeueEvery(2 + r.nextInt(7));
        // Several null_blk devices (no poll queues then; shared tags only without a scheduler), each job
        // on a random list of them (fio's filename list) or all; drawn after the rest, which stays as it was.
        if (r.nextInt(3) == 0 && s.pollQueues == 0) {
            int count = 2 + r.nextInt(org.blkflow.scenario.Device.MAX_COUNT - 1);
            s.devices(count, "none".equals(s.scheduler) && r.nextBoolean());
            for (int j = 0; j < s.jobs.size(); j++) {
                List<Integer> devices = null;
                if (r.nextInt(3) > 0) {
                    devices = new ArrayList<>();
                    for (int d = 0; d < count; d++) if (r.nextBoolean()) devices.add(d);
                    if (devices.isEmpty()) devices.add(r.nextInt(count));
                    if (r.nextBoolean()) java.util.Collections.reverse(devices);
                }
                s.jobs.set(j, (org.blkflow.scenario.Job) org.blkflow.scenario.JobDraft.of(s.jobs.get(j))
                        .set(org.blkflow.scenario.ScenarioFields.JOB_DEVICES, devices).build());
            }
        }
        return s.build();
    }

    /** Two or three nodes, each a run of whole cores with their SMT siblings (core c: CPUs c, c + cores). */
    private static List<List<Integer>> randomNodes(SplittableRandom r, int cores, int smt) {
        int nodes = Math.min(cores, 2 + r.nextInt(2));
        List<List<Integer>> out = new ArrayList<>();
        int core = 0;
        for (int n = 0; n < nodes; n++) {
            int take = n == nodes - 1 ? cores - core : 1 + r.nextInt(cores - core - (nodes - n - 1));
            List<Integer> cpus = new ArrayList<>();
            for (int t = 0; t < smt; t++) {
                for (int c = core; c < core + take; c++) cpus.add(c + t * cores);
            }
            out.add(cpus);
            core += take;
        }
        return out;
    }

    /** @param maxPages the largest bio, in 4 KiB pages, that fits max_sectors and max_segments */
    private static ScenarioBuilder.JobBuilder randomJob(SplittableRandom r, int cpus, int maxPages) {
        ScenarioBuilder.JobBuilder job = ScenarioBuilder.job().name("j" + r.nextInt(100))
                .rw(RW[r.nextInt(RW.length)]).mix(r.nextInt(101))
                .bs(512 * (1 + r.nextInt(maxPages * 8)))
                .iodepth(1 + r.nextInt(24)).sync(r.nextBoolean()).ios(1 + r.nextInt(20))
                .size(512L * (64 + r.nextInt(4096)));
        if (r.nextBoolean()) job.libaio();
        if (r.nextBoolean()) job.plug();
        if (r.nextInt(3) == 0) {
            job.allCpus();
        } else {
            List<Integer> pick = new ArrayList<>();
            for (int c = 0; c < cpus; c++) if (r.nextBoolean()) pick.add(c);
            if (pick.isEmpty()) pick.add(r.nextInt(cpus));
            job.cpus(pick.toArray(Integer[]::new));
        }
        return job;
    }

    private static Costs randomCosts(SplittableRandom r) {
        long[] c = new long[19];
        for (int i = 0; i < c.length; i++) c[i] = r.nextInt(4) == 0 ? 0 : r.nextInt(5_000);
        return new Costs(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11],
                c[12], c[13], c[14], c[15], c[16], c[17], c[18]);
    }

    private static List<Integer> randomMapping(SplittableRandom r, int cpus, int hw) {
        List<Integer> map = new ArrayList<>();
        for (int c = 0; c < cpus; c++) map.add(r.nextInt(hw));
        return map;
    }
}
