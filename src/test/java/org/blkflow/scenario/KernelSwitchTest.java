package org.blkflow.scenario;

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
        assertEquals("3.16", s.kernel());
        assertFalse(s.modern());
        assertEquals("noop", s.scheduler());
        assertNull(s.numaNodes());
    }

    @Test
    void rule35_theDefaultSchedulerFollowsElevatorSetDefault() {
        assertEquals("mq-deadline", draft(d -> { d.kernel = "7.0"; d.hwQueues = 1; }).scheduler());
        assertEquals("none", draft(d -> { d.kernel = "7.0"; d.hwQueues = 2; }).scheduler());
        assertEquals("none", draft(d -> { d.kernel = "7.0"; d.hwQueues = 1; d.scheduler = "none"; }).scheduler());
    }

    @Test
    void rule37_hardwareQueuesAreCutToTheCpus() {
        assertEquals(2, draft(d -> { d.kernel = "7.0"; d.cpus = 2; d.hwQueues = 8; }).hwQueues());
        assertEquals(8, draft(d -> { d.cpus = 2; d.hwQueues = 8; }).hwQueues(), "3.16 keeps idle hctxs");
        assertEquals("reservedTags", only(d -> { d.kernel = "7.0"; d.queueDepth = 4; d.reservedTags = 4; }).field());
    }

    @Test
    void sevenPointZeroIsBlkMqOnlyWithItsOwnSchedulersAndNullBlk() {
        Problem sq = only(d -> { d.kernel = "7.0"; d.mode = "sq"; d.scheduler = "none"; });
        assertEquals("mode", sq.field());
        assertTrue(sq.message().contains("must be \"mq\" with kernel \"7.0\": the legacy request queue was removed"),
                sq.message());
        assertEquals("mode", only(d -> { d.kernel = "7.0"; d.mode = "bio"; d.scheduler = "none"; }).field());
        Problem noop = only(d -> { d.kernel = "7.0"; d.scheduler = "noop"; });
        assertEquals("scheduler = \"noop\": must be one of none, mq-deadline, kyber", noop.message());
        assertTrue(only(d -> { d.kernel = "7.0"; d.scheduler = "bfq"; }).message().contains("not modelled yet"));
        assertEquals(List.of(), ScenarioValidator.validate(draft(d -> { d.kernel = "7.0"; d.scheduler = "kyber"; })));
        assertEquals("scheduler", only(d -> d.scheduler = "mq-deadline").field(), "3.16 has no mq-deadline");
        assertEquals("device.driver", only(d -> { d.kernel = "7.0"; d.device.driver = Device.XEN; }).field());
        assertEquals("kernel = \"6.1\": must be one of 3.16, 7.0", only(d -> d.kernel = "6.1").message());
    }

    @Test
    void numaNodesPutEveryCpuOnOneNodeWithItsSiblings() {
        Scenario ok = draft(d -> { d.kernel = "7.0"; d.cpus = 8; d.numaNodes = List.of(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7)); });
        assertEquals(List.of(), ScenarioValidator.validate(ok));
        assertEquals(2, ok.nodes());
        assertEquals(1, ok.nodeOfCpu()[5]);
        assertEquals("numaNodes", only(d -> { d.cpus = 2; d.numaNodes = List.of(List.of(0), List.of(1)); }).field(),
                "3.16's map reads no nodes");
        assertTrue(only(d -> { d.kernel = "7.0"; d.cpus = 4; d.numaNodes = List.of(List.of(0, 1), List.of(1, 2, 3)); })
                .message().contains("CPU 1 is already on node 0"));
        assertTrue(only(d -> { d.kernel = "7.0"; d.cpus = 4; d.numaNodes = List.of(List.of(0, 1), List.of(2)); })
                .message().contains("CPU 3 is on none"));
        assertTrue(only(d -> { d.kernel = "7.0"; d.cpus = 4; d.smt = 2; d.numaNodes = List.of(List.of(0, 1), List.of(2, 3)); })
                .message().contains("SMT sibling"));
    }

    @Test
    void aSevenPointZeroLinkCarriesKernelAndNodesAndRoundTrips() {
        Scenario s = draft(d -> { d.kernel = "7.0"; d.cpus = 8; d.hwQueues = 4; d.smt = 2;
            d.numaNodes = List.of(List.of(0, 1, 4, 5), List.of(2, 3, 6, 7)); });
        String full = ScenarioLink.everyField(s);
        assertTrue(full.contains("&mode=mq&kernel=7.0&sched=none&"), full);
        assertTrue(full.contains("&smt=2&numa=0-1,4-5/2-3,6-7&cpus=8&"), full);
        // Version 2 leaves out what equals the defaults; the 7.0 fields stay.
        String link = ScenarioLink.encode(s);
        assertTrue(link.contains("kernel=7.0") && link.contains("numa=0-1,4-5/2-3,6-7"), link);
        assertEquals(s, ScenarioLink.decode(link).scenario());
        assertEquals("mq-deadline", ScenarioLink.decode("?kernel=7.0").scenario().scheduler());
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
        assertEquals("3.16", s.kernel());
        assertFalse(ScenarioLink.encode(s).contains("&kernel="));
        assertFalse(ScenarioLink.encode(s).contains("&numa="));
    }
}
