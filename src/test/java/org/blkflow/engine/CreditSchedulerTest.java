package org.blkflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** vCPUs on a host's pCPUs, after Xen's credit scheduler, on cases small enough to work out by hand. */
class CreditSchedulerTest {

    private final Simulation sim = new Simulation(1);
    private final List<String> log = new ArrayList<>();

    private CreditScheduler host(int pcpus, Cpu... vcpus) {
        CreditScheduler host = new CreditScheduler(pcpus, sim);
        host.observe(new PcpuObserver() {
            @Override public void placed(int vcpu, int pcpu, long t) { log.add(t + " v" + vcpu + " on p" + pcpu); }
            @Override public void left(int vcpu, int pcpu, long t) { log.add(t + " v" + vcpu + " off p" + pcpu); }
            @Override public void waits(int vcpu, long t, boolean preempted) {
                log.add(t + " v" + vcpu + (preempted ? " preempted" : " waits"));
            }
            @Override public void runsAfterWaiting(int vcpu, int pcpu, long t) { log.add(t + " v" + vcpu + " runs"); }
        });
        host.host(vcpus);
        return host;
    }

    /** A path of {@code steps} steps of {@code ns} each. */
    private static void path(Cpu cpu, int steps, long ns) {
        cpu.process(() -> chain(cpu, steps, ns));
    }

    private static void chain(Cpu cpu, int left, long ns) {
        if (left > 0) cpu.after(ns, () -> chain(cpu, left - 1, ns));
    }

    private void runAll() {
        while (sim.step()) { }
    }

    @Test
    void aVcpuThatWakesWithNoIdlePcpuWaitsUntilTheRunningOneBlocks() {
        Cpu v0 = new Cpu(0, sim);
        Cpu v1 = new Cpu(1, sim);
        host(1, v0, v1);
        path(v0, 5, 100);
        sim.schedule(150, () -> path(v1, 1, 300));
        runAll();
        assertEquals(List.of("0 v0 on p0", "150 v1 waits", "500 v0 off p0", "500 v1 on p0", "500 v1 runs",
                "800 v1 off p0"), log);
        assertEquals(500, v0.busyNs());
        assertEquals(300, v1.busyNs(), "the 350 ns it waited for a pCPU are not CPU time");
    }

    @Test
    void aBoostedWakerPreemptsARunningVcpuOnceATickHasDemotedIt() {
        Cpu v0 = new Cpu(0, sim);
        Cpu v1 = new Cpu(1, sim);
        host(1, v0, v1);
        // v0 computes for 25 ms in 100 µs steps; v1 wakes at 1 ms. v0 is BOOST (it woke) until the tick at
        // 10 ms demotes it; it has run past the 1 ms rate limit, so it gives way at that step boundary.
        path(v0, 250, 100_000);
        sim.schedule(1_000_000, () -> path(v1, 1, 200));
        runAll();
        assertEquals(List.of("0 v0 on p0", "1000000 v1 waits", "10000000 v0 off p0", "10000000 v0 preempted",
                "10000000 v1 on p0", "10000000 v1 runs", "10000200 v1 off p0", "10000200 v0 on p0",
                "10000200 v0 runs", "25000200 v0 off p0"), log);
    }

    @Test
    void aVcpuHoldingASpinlockIsNotPreempted() {
        Cpu v0 = new Cpu(0, sim);
        Cpu v1 = new Cpu(1, sim);
        host(1, v0, v1);
        Lock lock = Lock.queued("domU grant_table->lock", sim, 0, 0);
        // v0 takes the lock at 9.95 ms and holds it over the tick until 10.25 ms: it yields only after the unlock.
        v0.process(() -> v0.after(9_950_000, () -> lock.lock(v0, "gnttab_map_refs",
                () -> v0.after(300_000, () -> { lock.unlock(v0); v0.after(100, () -> v0.after(100, () -> { })); }))));
        sim.schedule(1_000_000, () -> path(v1, 1, 200));
        runAll();
        assertEquals(List.of("0 v0 on p0", "1000000 v1 waits", "10250100 v0 off p0", "10250100 v0 preempted",
                "10250100 v1 on p0", "10250100 v1 runs", "10250300 v1 off p0", "10250300 v0 on p0",
                "10250300 v0 runs", "10250400 v0 off p0"), log);
    }

    @Test
    void twoPcpusRunTwoVcpusAtOnceAndTheThirdTakesTheFirstToFree() {
        Cpu v0 = new Cpu(0, sim);
        Cpu v1 = new Cpu(1, sim);
        Cpu v2 = new Cpu(2, sim);
        host(2, v0, v1, v2);
        path(v0, 1, 400);
        path(v1, 1, 200);
        path(v2, 1, 100);
        runAll();
        assertEquals(List.of("0 v0 on p0", "0 v1 on p1", "0 v2 waits", "200 v1 off p1", "200 v2 on p1",
                "200 v2 runs", "300 v2 off p1", "400 v0 off p0"), log);
    }
}
