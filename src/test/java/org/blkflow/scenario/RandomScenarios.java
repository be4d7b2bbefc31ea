package org.blkflow.scenario;

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
        s.name = name(random.nextInt(81));
        s.seed = random.nextBoolean() ? random.nextLong() : random.nextInt(100);
        s.cpus = pick(1, 2, 4, 1 + random.nextInt(64), 64);
        s.smt = List.of(1, 2, 4, 8).stream().filter(t -> s.cpus % t == 0).toList().get(random.nextInt(
                (int) List.of(1, 2, 4, 8).stream().filter(t -> s.cpus % t == 0).count()));
        s.hwQueues = pick(1, 2, 4, 1 + random.nextInt(64), 64);
        s.queueDepth = pick(1, 4, 64, 1 + random.nextInt(10240), 10240);
        s.reservedTags = random.nextInt(3) == 0 ? random.nextInt(s.queueDepth) : 0;
        s.mapping = random.nextBoolean() ? null : mapping(s.cpus, s.hwQueues);
        s.merging = random.nextBoolean();
        legacy(s);
        device(s.device);
        rings(s);
        s.jobs = new ArrayList<>();
        int jobs = 1 + random.nextInt(random.nextBoolean() ? 2 : 16);
        for (int i = 0; i < jobs; i++) {
            s.jobs.add(job(s.cpus, jobs, largestBio(s.device)));
        }
        Scenario built = s.build();
        List<Problem> problems = ScenarioValidator.validate(built);
        if (!problems.isEmpty()) {
            throw new AssertionError("generator made an invalid scenario: " + problems);
        }
        return built;
    }

    private void device(DeviceDraft d) {
        d.completionNs = pick(0, 10_000, random.nextInt(1_000_000_001), 1_000_000_000);
        d.irqMode = List.of("none", "softirq", "timer").get(random.nextInt(3));
        d.maxSectors = pick(8, 255, 8 + random.nextInt(1017), 1024);
        d.maxSegments = pick(1, 128, 1 + random.nextInt(1024), 1024);
        d.slots = pick(0, 2, random.nextInt(10241), 10240);
    }

    /** The mode, its elevator (only sq may leave noop), nr_requests and, half the time, a random cost table. */
    private void legacy(ScenarioDraft s) {
        s.mode = List.of("mq", "sq", "bio").get(random.nextInt(3));
        s.scheduler = s.mode.equals("sq") ? List.of("noop", "deadline", "cfq").get(random.nextInt(3)) : "noop";
        s.nrRequests = pick(1, 128, 1 + random.nextInt(10240), 10240);
        if (random.nextBoolean()) {
            for (CostField f : CostField.values()) {
                s.costs.set(f, pick(0L, f.of(Costs.DEFAULT), random.nextInt(1_000_001), 1_000_000L));
            }
        }
    }

    /** Rings other than single-lock need xen-blkfront and blk-mq. */
    private void rings(ScenarioDraft s) {
        s.device.driver = random.nextBoolean() || s.mode.equals("bio") ? Device.NULL_BLK : Device.XEN;
        boolean split = s.device.driver.equals(Device.XEN) && s.mode.equals("mq");
        s.device.rings = split ? List.of("single-lock", "split-lock", "per-hctx").get(random.nextInt(3)) : "single-lock";
    }

    /** The model never splits a bio, so one bio must fit max_sectors and max_segments (4 KiB pages). */
    private static int largestBio(DeviceDraft d) {
        return 512 * Math.min(d.maxSectors, 8 * d.maxSegments);
    }

    private JobDraft job(int cpus, int jobs, int largestBio) {
        JobDraft j = new JobDraft();
        j.name = random.nextBoolean() ? "fio" : jobName();
        j.cpus = random.nextBoolean() ? null : cpuList(cpus);
        j.rw = List.of("read", "write", "randread", "randwrite", "randrw").get(random.nextInt(5));
        j.rwmixread = random.nextInt(101);
        j.bs = Math.min(largestBio, 512 * pick(1, 8, 1 + random.nextInt(2048), 2048));
        j.iodepth = pick(1, 4, 1 + random.nextInt(1024), 1024);
        j.ioengine = random.nextBoolean() ? "sync" : "libaio";
        j.sync = random.nextBoolean();
        j.plug = random.nextBoolean();
        int perJobCpus = j.cpus == null ? cpus : j.cpus.size();
        j.ios = 1 + random.nextInt((int) Math.min(1_000_000, ScenarioValidator.MAX_BIOS / jobs / perJobCpus));
        j.offset = 512L * pick(0, 8, random.nextInt(1 << 20), 1L << 41);
        j.size = Math.max(j.bs, 512L * pick(2048, 1L << 21, 1 + random.nextInt(1 << 30), 1L << 41));
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
