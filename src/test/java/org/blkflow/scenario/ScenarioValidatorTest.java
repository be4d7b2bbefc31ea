package org.blkflow.scenario;

import static org.blkflow.scenario.ScenarioFields.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ScenarioValidatorTest {

    /** One broken rule: the change, the one field it must name and words the message must contain. */
    record Case(String field, String message, Consumer<ScenarioDraft> change) {
    }

    private static Consumer<ScenarioDraft> job(Consumer<JobDraft> change) {
        return s -> {
            JobDraft ok = new JobDraft();
            JobDraft bad = new JobDraft();
            change.accept(bad);
            s.jobs = List.of(ok, bad);
        };
    }

    static List<Case> cases() {
        return List.of(
                new Case("name", "at most 80 characters", s -> s.set(NAME, "n".repeat(81))),
                new Case("scheduler", "scheduler = \"bfq\": must be one of noop, deadline, cfq",
                        s -> { s.set(MODE, Mode.SQ); s.set(SCHEDULER, Scheduler.BFQ); }),
                new Case("scheduler", "scheduler = \"deadline\": needs mode \"sq\"", s -> s.set(SCHEDULER, Scheduler.DEADLINE)),
                new Case("scheduler", "scheduler = \"cfq\": needs mode \"sq\"",
                        s -> { s.set(MODE, Mode.BIO); s.set(SCHEDULER, Scheduler.CFQ); }),
                new Case("nrRequests", "nrRequests = 0: must be between 1 and 10240", s -> s.set(NR_REQUESTS, 0)),
                new Case("nrRequests", "nrRequests = 10241: must be between 1 and 10240", s -> s.set(NR_REQUESTS, 10241)),
                new Case("costs.lockNs", "costs.lockNs = -1: must be between 0 and 1000000",
                        s -> s.costs.set(CostField.LOCK, -1)),
                new Case("costs.switchNs", "costs.switchNs = 1000001: must be between 0 and 1000000",
                        s -> s.costs.set(CostField.SWITCH, 1_000_001)),
                new Case("costs.makeRequestNs", "costs.makeRequestNs = -5", s -> s.costs.set(CostField.MAKE_REQUEST, -5)),
                new Case("device.rings", "device.rings = \"per-hctx\": needs mode \"mq\"",
                        s -> { s.set(MODE, Mode.SQ); s.device.set(DRIVER, Driver.XEN_BLKFRONT); s.device.set(RINGS, Rings.PER_HCTX); }),
                new Case("device.rings", "device.rings = \"split-lock\": needs mode \"mq\"",
                        s -> { s.set(MODE, Mode.BIO); s.device.set(DRIVER, Driver.XEN_BLKFRONT); s.device.set(RINGS, Rings.SPLIT_LOCK); }),
                new Case("device.rings", "device.rings = \"per-hctx\": needs device.driver \"xen-blkfront\"",
                        s -> s.device.set(RINGS, Rings.PER_HCTX)),
                new Case("cpus", "cpus = 0: must be between 1 and 64", s -> s.set(CPUS, 0)),
                new Case("cpus", "cpus = 65: must be between 1 and 64", s -> s.set(CPUS, 65)),
                new Case("hwQueues", "hwQueues = 65: must be between 1 and 64", s -> s.set(HW_QUEUES, 65)),
                new Case("queueDepth", "queueDepth = 10241: must be between 1 and 10240", s -> s.set(QUEUE_DEPTH, 10241)),
                new Case("queueDepth", "queueDepth = 0: must be between 1 and 10240", s -> s.set(QUEUE_DEPTH, 0)),
                new Case("reservedTags", "reservedTags = 8: must be between 0 and queueDepth - 1 = 7",
                        s -> { s.set(QUEUE_DEPTH, 8); s.set(RESERVED_TAGS, 8); }),
                new Case("reservedTags", "reservedTags = -1: must be between 0", s -> s.set(RESERVED_TAGS, -1)),
                new Case("mapping", "one hctx for each of the 4 CPUs", s -> s.set(MAPPING, List.of(0, 0))),
                new Case("mapping[3]", "mapping[3] = 2: must be a hardware queue between 0 and 1",
                        s -> { s.set(HW_QUEUES, 2); s.set(MAPPING, List.of(0, 0, 1, 2)); }),
                new Case("device.completionNs", "must be between 0 and 1000000000", s -> s.device.set(COMPLETION_NS, -1L)),
                new Case("device.maxSectors", "device.maxSectors = 2048: must be between 8 and 1024",
                        s -> s.device.set(MAX_SECTORS, 2048)),
                new Case("device.maxSegments", "device.maxSegments = 0: must be between 1 and 1024",
                        s -> s.device.set(MAX_SEGMENTS, 0)),
                new Case("device.slots", "device.slots = 10241: must be between 0 and 10240", s -> s.device.set(SLOTS, 10241)),
                new Case("jobs", "must list between 1 and 16 jobs", s -> s.jobs = List.of()),
                new Case("jobs", "17 jobs", s -> s.jobs = seventeenJobs()),
                new Case("jobs[1].name", "1 to 32 characters of A-Z a-z 0-9 _ . -", job(j -> j.set(JOB_NAME, "has space"))),
                new Case("jobs[1].name", "jobs[1].name = \"\"", job(j -> j.set(JOB_NAME, ""))),
                new Case("jobs[1].cpus", "at least one CPU", job(j -> j.set(JOB_CPUS, List.of()))),
                new Case("jobs[1].cpus[1]", "jobs[1].cpus[1] = 4: must be a CPU between 0 and 3",
                        job(j -> j.set(JOB_CPUS, List.of(0, 4)))),
                new Case("jobs[1].cpus[2]", "CPU 1 is listed twice", job(j -> j.set(JOB_CPUS, List.of(1, 2, 1)))),
                new Case("jobs[1].rwmixread", "must be between 0 and 100", job(j -> j.set(RWMIXREAD, 101))),
                new Case("jobs[1].bs", "jobs[1].bs = 1000: must be a multiple of 512 between 512 and 4194304",
                        job(j -> j.set(BS, 1000))),
                new Case("jobs[1].bs", "jobs[1].bs = 1048576", job(j -> j.set(BS, 1 << 20))),
                new Case("jobs[1].bs", "jobs[1].bs = 131072: is 256 sectors, more than device.maxSectors = 255",
                        job(j -> j.set(BS, 128 << 10))),
                new Case("jobs[1].bs", "needs 4 segments (one per 4 KiB page), more than device.maxSegments = 3",
                        s -> {
                            s.device.set(MAX_SEGMENTS, 3);
                            job(j -> j.set(BS, 16 << 10)).accept(s);
                        }),
                new Case("jobs[1].iodepth", "must be between 1 and 1024", job(j -> j.set(IODEPTH, 0))),
                new Case("jobs[1].ios", "jobs[1].ios = 1000001: must be between 1 and 1000000",
                        job(j -> j.set(IOS, 1_000_001))),
                new Case("jobs[1].offset", "must be a multiple of 512", job(j -> j.set(OFFSET, 100L))),
                new Case("jobs[1].offset", "jobs[1].offset = -512", job(j -> j.set(OFFSET, -512L))),
                new Case("jobs[1].size", "between bs = 8192 and 1125899906842624",
                        job(j -> { j.set(BS, 8192); j.set(SIZE, 4096L); })),
                new Case("jobs[1].size", "jobs[1].size = 1000", job(j -> j.set(SIZE, 1000L))),
                new Case("jobs[1].size", "jobs[1].size = 1125899906843136", job(j -> j.set(SIZE, (1L << 50) + 512))));
    }

    private static List<JobDraft> seventeenJobs() {
        List<JobDraft> jobs = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            jobs.add(new JobDraft());
        }
        return jobs;
    }

    @TestFactory
    Stream<DynamicTest> eachRuleNamesItsFieldValueAndRange() {
        return cases().stream().map(c -> dynamicTest(c.field() + ": " + c.message(), () -> {
            ScenarioDraft d = new ScenarioDraft();
            c.change().accept(d);
            List<Problem> problems = ScenarioValidator.validate(d.build());
            assertEquals(List.of(c.field()), problems.stream().map(Problem::field).toList(), problems.toString());
            assertTrue(problems.get(0).message().contains(c.message()), problems.get(0).message());
            assertTrue(problems.get(0).message().startsWith(c.field() + " = "), problems.get(0).message());
            assertFalse(problems.get(0).tooLarge());
        }));
    }

    @Test
    void theEdgesOfEachRangeAreAllowed() {
        ScenarioDraft d = new ScenarioDraft();
        d.set(CPUS, 64);
        d.set(HW_QUEUES, 64);
        d.set(QUEUE_DEPTH, 10240);
        d.set(RESERVED_TAGS, 10239);
        d.device.set(MAX_SECTORS, 1024);
        d.device.set(COMPLETION_NS, 1_000_000_000L);
        JobDraft j = new JobDraft();
        j.set(BS, 1 << 19);
        j.set(SIZE, 1L << 50);
        j.set(IODEPTH, 1024);
        j.set(JOB_NAME, "a".repeat(32));
        j.set(JOB_CPUS, List.of(63, 0));
        d.jobs = List.of(j);
        assertEquals(List.of(), ScenarioValidator.validate(d.build()));
    }

    @Test
    void smtMustDivideTheCpus() {
        ScenarioDraft d = new ScenarioDraft();
        d.set(CPUS, 6);
        d.set(SMT, 4);
        List<Problem> problems = ScenarioValidator.validate(d.build());
        assertEquals(List.of("smt"), problems.stream().map(Problem::field).toList());
        assertTrue(problems.get(0).message().contains("must divide cpus = 6"), problems.get(0).message());
        d.set(SMT, 9);
        assertTrue(ScenarioValidator.validate(d.build()).get(0).message().contains("between 1 and 8"));
        d.set(SMT, 2);
        assertEquals(List.of(), ScenarioValidator.validate(d.build()));
    }

    @Test
    void xenBlkfrontIsRequestBasedSoNotInBioMode() {
        ScenarioDraft d = new ScenarioDraft();
        d.set(MODE, Mode.BIO);
        d.device.set(DRIVER, Driver.XEN_BLKFRONT);
        assertEquals(List.of("device.driver"), ScenarioValidator.validate(d.build()).stream().map(Problem::field).toList());
    }

    @Test
    void everyModeSchedulerAndRingThatTheIssueAllowsIsValid() {
        for (Scheduler scheduler : Scheduler.of(Kernel.V3_16)) {
            ScenarioDraft d = new ScenarioDraft();
            d.set(MODE, Mode.SQ);
            d.set(SCHEDULER, scheduler);
            d.set(NR_REQUESTS, 1);
            assertEquals(List.of(), ScenarioValidator.validate(d.build()), scheduler.label());
        }
        for (Rings rings : Rings.values()) {
            ScenarioDraft d = new ScenarioDraft();
            d.device.set(DRIVER, Driver.XEN_BLKFRONT);
            d.device.set(RINGS, rings);
            d.set(HW_QUEUES, 1);
            d.set(NR_REQUESTS, 10240);
            assertEquals(List.of(), ScenarioValidator.validate(d.build()), rings.label());
        }
        ScenarioDraft bio = new ScenarioDraft();
        bio.set(MODE, Mode.BIO);
        bio.set(HW_QUEUES, 8);
        for (CostField f : CostField.values()) {
            bio.costs.set(f, f.ordinal() % 2 == 0 ? 0 : 1_000_000);
        }
        assertEquals(List.of(), ScenarioValidator.validate(bio.build()), "hwQueues is accepted without hctxs");
    }

    @Test
    void moreThanTwoMillionBiosIsTooLargeNotInvalid() {
        ScenarioDraft d = new ScenarioDraft();
        d.set(CPUS, 64);
        JobDraft j = new JobDraft();
        j.set(IOS, 31_251);
        d.jobs = List.of(j);
        List<Problem> problems = ScenarioValidator.validate(d.build());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).tooLarge());
        assertTrue(problems.get(0).message().startsWith("jobs = 2000064: the run would submit 2000064 bios"));
        assertTrue(assertThrows(ScenarioRejected.class, () -> ScenarioValidator.require(d.build())).tooLarge());
        j.set(IOS, 31_250);
        assertEquals(List.of(), ScenarioValidator.validate(d.build()));
    }

    @Test
    void onlyTheCpusAJobRunsOnCountTowardsTheBound() {
        ScenarioDraft d = new ScenarioDraft();
        d.set(CPUS, 64);
        JobDraft j = new JobDraft();
        j.set(IOS, 1_000_000);
        j.set(JOB_CPUS, Arrays.asList(0, 1));
        d.jobs = List.of(j);
        assertEquals(List.of(), ScenarioValidator.validate(d.build()));
        j.set(JOB_CPUS, Arrays.asList(0, 1, 2));
        assertTrue(ScenarioValidator.validate(d.build()).get(0).tooLarge());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ScenarioDraft d = new ScenarioDraft();
        d.set(CPUS, 0);
        d.device.set(SLOTS, -1);
        ScenarioRejected e = assertThrows(ScenarioRejected.class, () -> ScenarioValidator.require(d.build()));
        assertEquals(List.of("cpus", "device.slots"), e.problems().stream().map(Problem::field).toList());
        assertEquals(e.problems().get(0).message(), e.getMessage());
        assertFalse(e.tooLarge());
    }

    @Test
    void requireReturnsAValidScenarioUnchanged() {
        Scenario s = ScenarioDefaults.scenario();
        assertSame(s, ScenarioValidator.require(s));
    }
}
