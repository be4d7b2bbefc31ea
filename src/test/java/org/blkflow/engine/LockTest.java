package org.blkflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** lockstat's figures on cases small enough to work out by hand. */
class LockTest {

    @Test
    void aCpuThatFindsTheLockHeldSpinsUntilItIsReleased() {
        Simulation sim = new Simulation(1);
        Cpu cpu0 = new Cpu(0, sim);
        Cpu cpu1 = new Cpu(1, sim);
        Lock lock = new Lock("queue_lock", sim, 0, 0);
        List<String> log = new ArrayList<>();
        cpu0.execute(() -> {
            lock.lock(0, "blk_queue_bio");
            cpu0.charge(100);
            lock.unlock();
            log.add("cpu0 done at " + sim.now());
        });
        sim.schedule(50, () -> cpu1.execute(() -> {
            lock.lock(1, "blkif_interrupt");
            log.add("cpu1 got it at " + sim.now());
            cpu1.charge(30);
            lock.unlock();
        }));
        while (sim.step()) { }
        assertEquals(List.of("cpu0 done at 100", "cpu1 got it at 100"), log);
        LockStat s = lock.stat();
        assertEquals(2, s.acquisitions());
        assertEquals(1, s.contentions());
        assertEquals(50, s.waitTimeMinNs());
        assertEquals(50, s.waitTimeAvgNs());
        assertEquals(50, s.waitTimeMaxNs());
        assertEquals(30, s.holdTimeMinNs());
        assertEquals(65, s.holdTimeAvgNs());
        assertEquals(100, s.holdTimeMaxNs());
        assertEquals(List.of("blkif_interrupt: 1"), s.contendedBy());
        assertEquals(80, cpu1.busyNs(), "50 ns spinning, then 30 ns holding");
    }

    @Test
    void movingTheLockToAnotherCpuCostsACacheLineTransfer() {
        Simulation sim = new Simulation(1);
        Lock lock = new Lock("queue_lock", sim, 10, 200);
        Cpu cpu0 = new Cpu(0, sim);
        Cpu cpu1 = new Cpu(1, sim);
        long[] held = new long[3];
        cpu0.execute(() -> { lock.lock(0, "a"); held[0] = sim.now(); lock.unlock(); });
        sim.schedule(1000, () -> cpu0.execute(() -> { long t = sim.now(); lock.lock(0, "a"); held[1] = sim.now() - t; lock.unlock(); }));
        sim.schedule(2000, () -> cpu1.execute(() -> { long t = sim.now(); lock.lock(1, "b"); held[2] = sim.now() - t; lock.unlock(); }));
        while (sim.step()) { }
        assertEquals(10, held[0], "first taker pays the plain lock cost");
        assertEquals(10, held[1], "same CPU again: the line is still there");
        assertEquals(210, held[2], "another CPU: the line moves");
        assertEquals(0, lock.stat().contentions(), "nobody waited: cost is not contention");
    }

    @Test
    void workOnOneCpuRunsOneAtATime() {
        Simulation sim = new Simulation(1);
        Cpu cpu = new Cpu(0, sim);
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cpu.execute(() -> {
                starts.add(sim.now());
                cpu.charge(40);
            });
        }
        while (sim.step()) { }
        assertEquals(List.of(0L, 40L, 80L), starts);
        assertEquals(120, cpu.busyNs());
    }
}
