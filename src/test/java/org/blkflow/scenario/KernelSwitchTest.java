package org.blkflow.scenario;

import static org.blkflow.scenario.ScenarioFields.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Issue 14's scenario fields: kernel, 7.0's schedulers and defaults, numaNodes, in JSON drafts and links. */
class KernelSwitchTest {

    private static Scenario draft(Consumer<ScenarioDraft> change) {
        ScenarioDraft d = new ScenarioDraft();
        change.accept(d);
        return d.build();
    }

    private static Problem only(Consumer<ScenarioDraft> change) {
        List<Problem> problems = ScenarioValidator.validate(draft(change));
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test
    void theDefaultKernelIs316WithItsNoop() {
        Scenario s = draft(d -> { });
        assertEquals("3.16", s.kernel().label());
        assertFalse(s.modern());
        assertEquals(Scheduler.NOOP, s.scheduler());
        assertNull(s.numaNodes());
    }

    @Test
    void rule35_theDefaultSchedulerFollowsElevatorSetDefault() {
        assertEquals(Scheduler.MQ_DEADLINE, draft(d -> { d.set(KERNEL, Kernel.V7_0); d.set(HW_QUEUES, 1); }).scheduler());
        assertEquals(Scheduler.NONE, draft(d -> { d.set(KERNEL, Kernel.V7_0); d.set(HW_QUEUES, 2); }).scheduler());
        assertEquals(Scheduler.NONE, draft(d -> { d.set(KERNEL, Kernel.V7_0); d.set(HW_QUEUES, 1); d.set(SCHEDULER, Scheduler.NONE); }).scheduler());
    }

    @Test
    void rule37_hardwareQueuesAreCutToTheCpus() {
        assertEquals(2, draft(d -> { d.set(KERNEL, Kernel.V7_0); d.set(CPUS, 2); d.set(HW_QUEUES, 8); }).hwQueues());
        assertEquals(8, draft(d -> { d.set(CPUS, 2); d.set(HW_QUEUES, 8); }).hwQueues(), "3.16 keeps idle hctxs");
        assertEquals("reservedTags", only(d -> { d.set(KERNEL, Kernel.V7_0); d.set(QUEUE_DEPTH, 4); d.set(RESERVED_TAGS, 4); }).field());
    }

    @Test
    void sevenPointZeroIsBlkMqOnlyWithItsOwnSchedulersAndNullBlk() {
        Problem sq = only(d -> { d.set(KERNEL, Kernel.V7_0); d.set(MODE, Mode.SQ); d.set(SCHEDULER, Scheduler.NONE); });
        assertEquals("mode", sq.field());
        assertTrue(sq.message().contains("must be \"mq\" with kernel \"7.0\": the legacy request queue was removed"),
                sq.message());
        assertEquals("mode", only(d -> { d.set(KERNEL, Kernel.V7_0); d.set(MODE, Mode.BIO); d.set(SCHEDULER, Scheduler.NONE); }).field());
        Problem noop = only(d -> { d.set(KERNEL, Kernel.V7_0); d.set(SCHEDULER, Scheduler.NOOP); });
        assertEquals("scheduler = \"noop\": must be one of none, mq-deadline, kyber", noop.message());
        assertTrue(only(d -> { d.set(KERNEL, Kernel.V7_0); d.set(SCHEDULER, Scheduler.BFQ); }).message().contains("not modelled yet"));
        assertEquals(List.of(), ScenarioValidator.validate(draft(d -> { d.set(KERNEL, Kernel.V7_0); d.set(SCHEDULER, Scheduler.KYBER); })));
        assertEquals("scheduler", only(d -> d.set(SCHEDULER, Scheduler.MQ_DEADLINE)).field(), "3.16 has no mq-deadline");
        assertEquals("device.driver", only(d -> { d.set(KERNEL, Kernel.V7_0); d.device.set(DRIVER, Driver.XEN_BLKFRONT); }).field());
        ScenarioRejected kernel = assertThrows(ScenarioRejected.class, () -> ScenarioLink.decode("?kernel=6.1"));
        assertEquals("kernel = \"6.1\": must be one of 3.16, 7.0", kernel.problems().get(0).message());
    }

    @Test
    void numaNodesPutEveryCpuOnOneNodeWithItsSiblings() {
        Scenario ok = draft(d -> { d.set(KERNEL, Kernel.V7_0); d.set(CPUS, 8); d.set(NUMA_NODES, List.of(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7))); });
        assertEquals(List.of(), ScenarioValidator.validate(ok));
        assertEquals(2, ok.nodes());
        assertEquals(1, ok.nodeOfCpu()[5]);
        assertEquals("numaNodes", only(d -> { d.set(CPUS, 2); d.set(NUMA_NODES, List.of(List.of(0), List.of(1))); }).field(),
                "3.16's map reads no nodes");
        assertTrue(only(d -> { d.set(KERNEL, Kernel.V7_0); d.set(CPUS, 4); d.set(NUMA_NODES, List.of(List.of(0, 1), List.of(1, 2, 3))); })
                .message().contains("CPU 1 is already on node 0"));
        assertTrue(only(d -> { d.set(KERNEL, Kernel.V7_0); d.set(CPUS, 4); d.set(NUMA_NODES, List.of(List.of(0, 1), List.of(2))); })
                .message().contains("CPU 3 is on none"));
        assertTrue(only(d -> { d.set(KERNEL, Kernel.V7_0); d.set(CPUS, 4); d.set(SMT, 2); d.set(NUMA_NODES, List.of(List.of(0, 1), List.of(2, 3))); })
                .message().contains("SMT sibling"));
    }

    @Test
    void aSevenPointZeroLinkCarriesKernelAndNodesAndRoundTrips() {
        Scenario s = draft(d -> { d.set(KERNEL, Kernel.V7_0); d.set(CPUS, 8); d.set(HW_QUEUES, 4); d.set(SMT, 2);
            d.set(NUMA_NODES, List.of(List.of(0, 1, 4, 5), List.of(2, 3, 6, 7))); });
        String full = ScenarioLink.everyField(s);
        assertTrue(full.contains("&mode=mq&kernel=7.0&sched=none&"), full);
        assertTrue(full.contains("&smt=2&numa=0-1,4-5/2-3,6-7&cpus=8&"), full);
        // Version 2 leaves out what equals the defaults; the 7.0 fields stay.
        String link = ScenarioLink.encode(s);
        assertTrue(link.contains("kernel=7.0") && link.contains("numa=0-1,4-5/2-3,6-7"), link);
        assertEquals(s, ScenarioLink.decode(link).scenario());
        assertEquals(Scheduler.MQ_DEADLINE, ScenarioLink.decode("?kernel=7.0").scenario().scheduler());
    }

    /** A link's node lists go through BoundedNumber: no CPU past 63, no more nodes than CPUs can be read. */
    @Test
    void aLinksNodesAreBounded() {
        ScenarioRejected wide = assertThrows(ScenarioRejected.class,
                () -> ScenarioLink.decode("?kernel=7.0&numa=0-99999999999999999999"));
        assertEquals("numa", wide.problems().get(0).field());
        assertTrue(wide.problems().get(0).message().contains("between 0 and 63"), wide.problems().toString());
        ScenarioRejected many = assertThrows(ScenarioRejected.class,
                () -> ScenarioLink.decode("?kernel=7.0&numa=" + "0/".repeat(64) + "0"));
        assertTrue(many.problems().get(0).message().contains("at most 64 nodes"), many.problems().toString());
    }

    @Test
    void aVersion1LinkWithoutKernelIsThe316ScenarioItWas() {
        Scenario s = ScenarioLink.decode("?v=1&mode=mq&sched=noop&cpus=4&hw=2").scenario();
        assertEquals("3.16", s.kernel().label());
        assertFalse(ScenarioLink.encode(s).contains("&kernel="));
        assertFalse(ScenarioLink.encode(s).contains("&numa="));
    }

    @Test
    void aDispatchBudgetIsSevenZeros() {
        Problem budget = only(d -> d.device.set(ScenarioFields.BUDGET, 4));
        assertEquals("device.budget", budget.field());
        assertTrue(budget.message().contains("must be 0 with kernel \"3.16\"") && budget.message().contains("0-10240"),
                budget.message());
        assertEquals(List.of(), ScenarioValidator.validate(draft(d -> { d.set(KERNEL, Kernel.V7_0);
            d.device.set(ScenarioFields.BUDGET, 4); })));
    }

    @Test
    void requeueInjectionIsSevenZerosAndNeverEveryCall() {
        Problem old = only(d -> d.device.set(ScenarioFields.REQUEUE_EVERY, 3));
        assertEquals("device.requeueEvery", old.field());
        assertTrue(old.message().contains("must be 0 with kernel \"3.16\"") && old.message().contains("0 or 2-100000"),
                old.message());
        Problem every = only(d -> { d.set(KERNEL, Kernel.V7_0); d.device.set(ScenarioFields.REQUEUE_EVERY, 1); });
        assertEquals("device.requeueEvery", every.field());
        assertTrue(every.message().contains("0 or 2-100000"), every.message());
        assertEquals(List.of(), ScenarioValidator.validate(draft(d -> { d.set(KERNEL, Kernel.V7_0);
            d.device.set(ScenarioFields.REQUEUE_EVERY, 2); })));
        Problem slots = only(d -> { d.set(KERNEL, Kernel.V7_0); d.device.set(ScenarioFields.REQUEUE_EVERY, 2);
            d.device.set(ScenarioFields.SLOTS, 2); });
        assertEquals("device.requeueEvery", slots.field());
        assertTrue(slots.message().contains("device.slots"), slots.message());
    }

    @Test
    void pollQueuesAndIoUringAreSevenZerosAndHipriIsIoUrings() {
        Problem poll = only(d -> d.device.set(POLL_QUEUES, 1));
        assertEquals("device.pollQueues", poll.field());
        assertTrue(poll.message().contains("must be 0 with kernel \"3.16\""), poll.message());
        Job uring = new Job("fio", null, Rw.READ, 50, 4096, 4, IoEngine.IO_URING, false, false, 8, 0, 1L << 30, null, null, 0, 0, 1, true);
        Problem engine = only(d -> d.jobs(List.of(uring)));
        assertEquals("jobs[0].ioengine", engine.field());
        assertTrue(engine.message().contains("io_uring came in Linux 5.1"), engine.message());
        Job hipriLibaio = new Job("fio", null, Rw.READ, 50, 4096, 4, IoEngine.LIBAIO, false, false, 8, 0, 1L << 30, null, null, 0, 0, 1, true);
        assertEquals("jobs[0].hipri", only(d -> { d.set(KERNEL, Kernel.V7_0); d.jobs(List.of(hipriLibaio)); }).field());
        assertEquals(List.of(), ScenarioValidator.validate(draft(d -> { d.set(KERNEL, Kernel.V7_0); d.device.set(POLL_QUEUES, 1);
            d.jobs(List.of(uring)); })));
    }
}
