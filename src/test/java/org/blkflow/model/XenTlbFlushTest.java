package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.engine.LockStat;
import org.blkflow.scenario.Backend;
import org.blkflow.scenario.Costs;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.Test;

/**
 * Xen's TLB flush after each grant unmap (gnttab_flush_tlb → flush_tlb_mask of dom0's dirty mask), and
 * blkback's grant hypercalls of at most BLKIF_MAX_SEGMENTS_PER_REQUEST pages, measured on one request
 * with the default costs. The guest has one CPU (CPU 0); dom0's vCPUs are CPUs 1 to 3, ring 0's
 * blkback thread on CPU 1 with its event channel, dom0's null_blk answering on that same vCPU.
 */
class XenTlbFlushTest {

    private static final Costs C = Costs.DEFAULT;

    private static ScenarioBuilder oneRead(int bs, Backend backend) {
        return ScenarioBuilder.scenario().cpus(1).hwQueues(1).xen("per-hctx").irq("timer").costs(C).backend(backend)
                .job(ScenarioBuilder.job().rw("randread").bs(bs).ios(1).cpus(0));
    }

    private static LockStat flushLock(BlockLayerRun run) {
        return run.lockStats().stream().filter(l -> l.name().equals(XenTlbFlush.FLUSH_LOCK)).findFirst().orElseThrow();
    }

    private static List<Transition> drain(BlockLayerRun run) {
        List<Transition> all = new ArrayList<>();
        for (Transition t = run.next(); t != null; t = run.next()) all.add(t);
        return all;
    }

    /**
     * Without persistent grants the page is mapped and unmapped; the unmap's flush takes flush_lock once
     * and interrupts both other dom0 vCPUs, which did nothing else, for one ipiNs each. The guest's vCPU
     * is another domain's and is never in dom0's mask.
     */
    @Test
    void anUnmapFlushesEveryOtherDom0VcpuOnce() {
        BlockLayerRun run = new BlockLayerRun(oneRead(4096, new Backend(3, false, 1)).build(), false);
        List<Transition> log = drain(run);
        assertEquals(1, log.stream().filter(t -> t.fn().equals("gnttab_unmap_refs")).count());
        assertEquals(1, flushLock(run).acquisitions());
        assertEquals(0, flushLock(run).contentions());
        assertEquals(C.ipiNs(), run.cpuBusyNs(2), "dom0 vCPU 1 took the flush IPI and nothing else");
        assertEquals(C.ipiNs(), run.cpuBusyNs(3), "dom0 vCPU 2 took the flush IPI and nothing else");
    }

    /**
     * The initiator holds flush_lock while the IPIs go out and come back: its make_response follows its
     * unmap by the lock's uncontended cost, the flush's ipiNs and blk_ring_lock's cost.
     */
    @Test
    void theUnmappingThreadWaitsOneIpiRoundTripUnderFlushLock() {
        List<Transition> log = drain(new BlockLayerRun(oneRead(4096, new Backend(3, false, 1)).build(), false));
        long unmap = log.stream().filter(t -> t.fn().equals("gnttab_unmap_refs")).findFirst().orElseThrow().t();
        long response = log.stream().filter(t -> t.fn().equals("make_response")).findFirst().orElseThrow().t();
        assertEquals(C.lockNs() + C.ipiNs() + C.lockNs(), response - unmap);
    }

    /**
     * A 64 KiB read is 16 pages, more than a ring slot's 11 segments, so blkfront sends it indirect:
     * blkback maps the one indirect page, reads the segments and unmaps it (a flush), then maps the data in
     * two hypercalls (11 and 5) and unmaps it in two, each flushing: three each way, three flushes.
     */
    @Test
    void anIndirectRequestMapsAndUnmapsItsSegmentPageFirst() {
        BlockLayerRun run = new BlockLayerRun(oneRead(65536, new Backend(3, false, 1)).build(), false);
        List<String> grantOps = drain(run).stream().map(Transition::fn)
                .filter(fn -> fn.startsWith("gnttab_")).toList();
        assertEquals(List.of("gnttab_map_refs", "gnttab_unmap_refs", "gnttab_map_refs", "gnttab_map_refs",
                "gnttab_unmap_refs", "gnttab_unmap_refs"), grantOps);
        assertEquals(3, flushLock(run).acquisitions());
        assertEquals(3 * C.ipiNs(), run.cpuBusyNs(3));
    }

    /** 44 KiB is 11 pages, what a ring slot holds: a direct request, one hypercall each way, one flush. */
    @Test
    void elevenPagesFitTheSlotAndAreNotIndirect() {
        BlockLayerRun run = new BlockLayerRun(oneRead(11 * 4096, new Backend(3, false, 1)).build(), false);
        List<Transition> log = drain(run);
        assertEquals(1, log.stream().filter(t -> t.fn().equals("gnttab_map_refs")).count());
        assertEquals(1, log.stream().filter(t -> t.fn().equals("gnttab_unmap_refs")).count());
        assertEquals(1, flushLock(run).acquisitions());
    }

    /**
     * With persistent grants the data pages are mapped once to stay (two hypercalls) and never unmapped;
     * the segment page is taken as one of them too (a departure: its first use is not mapped): no flush.
     */
    @Test
    void anIndirectRequestWithPersistentGrantsNeverFlushes() {
        BlockLayerRun run = new BlockLayerRun(oneRead(65536, new Backend(3, true, 1)).build(), false);
        List<Transition> log = drain(run);
        assertEquals(2, log.stream().filter(t -> t.fn().equals("gnttab_map_refs")).count());
        assertEquals(0, log.stream().filter(t -> t.fn().equals("gnttab_unmap_refs")).count());
        assertEquals(0, flushLock(run).acquisitions());
    }

    /** Persistent grants stay mapped: nothing is unmapped, nothing flushed. */
    @Test
    void persistentGrantsNeverFlush() {
        BlockLayerRun run = new BlockLayerRun(oneRead(4096, new Backend(3, true, 1)).build(), false);
        drain(run);
        assertEquals(0, flushLock(run).acquisitions());
        assertEquals(0, run.cpuBusyNs(3));
    }

    /**
     * On a host whose pCPUs dom0 shares, an idle dom0 vCPU has given its pCPU back: its pCPU no longer
     * holds dom0's page tables, so the flush passes it by.
     */
    @Test
    void aHostedVcpuWithoutAPcpuIsNotInTheMask() {
        BlockLayerRun run = new BlockLayerRun(oneRead(4096, new Backend(3, false, 1, 4)).build(), false);
        drain(run);
        assertEquals(1, flushLock(run).acquisitions());
        assertEquals(0, run.cpuBusyNs(2));
        assertEquals(0, run.cpuBusyNs(3));
    }
}
