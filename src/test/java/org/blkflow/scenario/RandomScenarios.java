package org.blkflow.scenario;

import static org.blkflow.scenario.ScenarioFields.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Valid scenarios drawn from a seeded generator, reaching the corners of every field's range. */
public final class RandomScenarios {

    private static final String NAME_CHARS = "abcXYZ019 _-.&=+%#?/,:;é中\"'";

    private final Random random;

    public RandomScenarios(long seed) {
        this.random = new Random(seed);
    }

    public Scenario next() {
        ScenarioDraft s = new ScenarioDraft();
        s.set(NAME, name(random.nextInt(81)));
        s.set(SEED, random.nextBoolean() ? random.nextLong() : random.nextInt(100));
        int cpus = pick(1, 2, 4, 1 + random.nextInt(64), 64);
        s.set(CPUS, cpus);
        List<Integer> smts = List.of(1, 2, 4, 8).stream().filter(t -> cpus % t == 0).toList();
        s.set(SMT, smts.get(random.nextInt(smts.size())));
        int hw = pick(1, 2, 4, 1 + random.nextInt(64), 64);
        s.set(HW_QUEUES, hw);
        int depth = pick(1, 4, 64, 1 + random.nextInt(10240), 10240);
        s.set(QUEUE_DEPTH, depth);
        s.set(RESERVED_TAGS, random.nextInt(3) == 0 ? random.nextInt(depth) : 0);
        s.set(MAPPING, random.nextBoolean() ? null : mapping(cpus, hw));
        s.set(MERGING, random.nextBoolean());
        legacy(s);
        device(s.device);
        rings(s);
        s.jobs = new ArrayList<>();
        int jobs = 1 + random.nextInt(random.nextBoolean() ? 2 : 16);
        for (int i = 0; i < jobs; i++) {
            s.jobs.add(job(cpus, jobs, largestBio(s.device)));
        }
        Scenario built = s.build();
        List<Problem> problems = ScenarioValidator.validate(built);
        if (!problems.isEmpty()) {
            throw new AssertionError("generator made an invalid scenario: " + problems);
        }
        return built;
    }

    private void device(DeviceDraft d) {
        d.set(COMPLETION_NS, (long) pick(0, 10_000, random.nextInt(1_000_000_001), 1_000_000_000));
        d.set(IRQ_MODE, IrqMode.values()[random.nextInt(3)]);
        d.set(MAX_SECTORS, pick(8, 255, 8 + random.nextInt(1017), 1024));
        d.set(MAX_SEGMENTS, pick(1, 128, 1 + random.nextInt(1024), 1024));
        d.set(SLOTS, pick(0, 2, random.nextInt(10241), 10240));
    }

    /** The mode, its elevator (only sq may leave noop), nr_requests and, half the time, a random cost table. */
    private void legacy(ScenarioDraft s) {
        Mode mode = Mode.values()[random.nextInt(3)];
        s.set(MODE, mode);
        s.set(SCHEDULER, mode == Mode.SQ ? Scheduler.of(Kernel.V3_16).get(random.nextInt(3)) : Scheduler.NOOP);
        s.set(NR_REQUESTS, pick(1, 128, 1 + random.nextInt(10240), 10240));
        if (random.nextBoolean()) {
            for (CostField f : CostField.values()) {
                s.costs.set(f, pick(0L, f.of(Costs.DEFAULT), random.nextInt(1_000_001), 1_000_000L));
            }
        }
    }

    /** Rings other than single-lock need xen-blkfront and blk-mq. */
    private void rings(ScenarioDraft s) {
        Mode mode = s.get(MODE);
        Driver driver = random.nextBoolean() || mode == Mode.BIO ? Driver.NULL_BLK : Driver.XEN_BLKFRONT;
        s.device.set(DRIVER, driver);
        boolean split = driver == Driver.XEN_BLKFRONT && mode == Mode.MQ;
        s.device.set(RINGS, split ? Rings.values()[random.nextInt(3)] : Rings.SINGLE_LOCK);
    }

    /** The model never splits a bio, so one bio must fit max_sectors and max_segments (4 KiB pages). */
    private static int largestBio(DeviceDraft d) {
        return 512 * Math.min(d.get(MAX_SECTORS), 8 * d.get(MAX_SEGMENTS));
    }

    private JobDraft job(int cpus, int jobs, int largestBio) {
        JobDraft j = new JobDraft();
        j.set(JOB_NAME, random.nextBoolean() ? "fio" : jobName());
        List<Integer> list = random.nextBoolean() ? null : cpuList(cpus);
        j.set(JOB_CPUS, list);
        j.set(RW, Rw.values()[random.nextInt(5)]);
        j.set(RWMIXREAD, random.nextInt(101));
        int bs = Math.min(largestBio, 512 * pick(1, 8, 1 + random.nextInt(2048), 2048));
        j.set(BS, bs);
        j.set(IODEPTH, pick(1, 4, 1 + random.nextInt(1024), 1024));
        j.set(IOENGINE, random.nextBoolean() ? IoEngine.SYNC : IoEngine.LIBAIO);
        j.set(SYNC, random.nextBoolean());
        j.set(PLUG, random.nextBoolean());
        int perJobCpus = list == null ? cpus : list.size();
        j.set(IOS, 1 + random.nextInt((int) Math.min(1_000_000, ScenarioValidator.MAX_BIOS / jobs / perJobCpus)));
        j.set(OFFSET, 512L * pick(0, 8, random.nextInt(1 << 20), 1L << 41));
        j.set(SIZE, Math.max(bs, 512L * pick(2048, 1L << 21, 1 + random.nextInt(1 << 30), 1L << 41)));
        return j;
    }

    private List<Integer> mapping(int cpus, int hw) {
        List<Integer> map = new ArrayList<>();
        for (int cpu = 0; cpu < cpus; cpu++) {
            map.add(random.nextInt(hw));
        }
        return map;
    }

    /** Sometimes ascending runs (written as ranges), sometimes shuffled (written one by one). */
    private List<Integer> cpuList(int cpus) {
        List<Integer> all = new ArrayList<>();
        for (int cpu = 0; cpu < cpus; cpu++) {
            all.add(cpu);
        }
        Collections.shuffle(all, random);
        List<Integer> chosen = new ArrayList<>(all.subList(0, 1 + random.nextInt(Math.min(cpus, 8))));
        if (random.nextBoolean()) {
            Collections.sort(chosen);
        }
        return chosen;
    }

    private String name(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
        }
        return b.toString();
    }

    private String jobName() {
        String chars = "abcxyzABC0189_.-";
        StringBuilder b = new StringBuilder();
        for (int i = 1 + random.nextInt(32); i > 0; i--) {
            b.append(chars.charAt(random.nextInt(chars.length())));
        }
        return b.toString();
    }

    private int pick(int... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private long pick(long... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
