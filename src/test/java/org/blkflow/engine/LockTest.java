package org.blkflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Ticket spinlocks and CPU steps on cases small enough to work out by hand. */
class LockTest {

    private final Simulation sim = new Simulation(1);

    @Test
    void aCpuThatFindsTheLockHeldSpinsUntilItIsReleased() {
        Cpu cpu0 = new Cpu(0, sim);
        Cpu cpu1 = new Cpu(1, sim);
        Lock lock = Lock.queued("queue_lock", sim, 0, 0);
        List<String> log = new ArrayList<>();
        cpu0.process(() -> lock.lock(cpu0, "blk_queue_bio", () -> cpu0.after(100, () -> {
            lock.unlock(cpu0);
            log.add("cpu0 done at " + sim.now());
        })));
        sim.schedule(50, () -> cpu1.process(() -> lock.lock(cpu1, "blkif_interrupt", () -> {
            log.add("cpu1 got it at " + sim.now());
            cpu1.after(30, () -> lock.unlock(cpu1));
        })));
        runAll();
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
    void spinnersGetTheLockInTicketOrderAndEachWaitIsCoveredByHolds() {
        Lock lock = Lock.queued("queue_lock", sim, 0, 0);
        Cpu[] cpus = {new Cpu(0, sim), new Cpu(1, sim), new Cpu(2, sim), new Cpu(3, sim)};
        List<String> grants = new ArrayList<>();
        // CPU 0 takes it at 0 and holds 250 ns; CPUs 3, 1, 2 ask at 10, 20, 30 ns and hold 250 ns each.
        int[] order = {0, 3, 1, 2};
        for (int i = 0; i < order.length; i++) {
            Cpu cpu = cpus[order[i]];
            sim.schedule(10L * i, () -> cpu.process(() -> lock.lock(cpu, "site", () -> {
                grants.add("cpu" + cpu.id() + "@" + sim.now());
                cpu.after(250, () -> lock.unlock(cpu));
            })));
        }
        runAll();
        assertEquals(List.of("cpu0@0", "cpu3@250", "cpu1@500", "cpu2@750"), grants);
        LockStat s = lock.stat();
        assertEquals(3, s.contentions());
        assertEquals(720, s.waitTimeMaxNs(), "the third in line waited three holds less its 30 ns");
        assertEquals(250, s.holdTimeMaxNs());
    }

    @Test
    void movingTheLockToAnotherCpuCostsACacheLineTransfer() {
        Lock lock = Lock.queued("queue_lock", sim, 10, 200);
        Cpu cpu0 = new Cpu(0, sim);
        Cpu cpu1 = new Cpu(1, sim);
        long[] took = new long[3];
        long[] asked = new long[3];
        Runnable[] users = new Runnable[3];
        for (int i = 0; i < 3; i++) {
            int k = i;
            Cpu cpu = i < 2 ? cpu0 : cpu1;
            users[i] = () -> {
                asked[k] = sim.now();
                lock.lock(cpu, "a", () -> {
                    took[k] = sim.now() - asked[k];
                    lock.unlock(cpu);
                });
            };
        }
        cpu0.process(users[0]);
        sim.schedule(1000, () -> cpu0.process(users[1]));
        sim.schedule(2000, () -> cpu1.process(users[2]));
        runAll();
        assertEquals(10, took[0], "first taker pays the plain lock cost");
        assertEquals(10, took[1], "same CPU again: the line is still there");
        assertEquals(210, took[2], "another CPU: the line moves");
        assertEquals(0, lock.stat().contentions(), "nobody waited: cost is not contention");
    }

    /**
     * Three CPUs spin on a lock CPU 0 holds; each owner holds it 1000 ns. A ticket lock's handoff is the
     * line's transfer (200 ns) and the lock (10 ns), plus half a transfer for every other CPU still
     * spinning: 410, 310, 210 ns. A qspinlock's is 210 ns each time.
     */
    @Test
    void aTicketLocksHandoffSlowsByHalfATransferPerOtherSpinnerAQueuedLocksDoesNot() {
        assertEquals(List.of(410L, 310L, 210L), handoffs(s -> Lock.ticket("queue_lock", s, 10, 200)));
        assertEquals(List.of(210L, 210L, 210L), handoffs(s -> Lock.queued("q->queue_lock", s, 10, 200)));
    }

    /** For CPUs 1, 2, 3 (asking at 1, 2, 3 ns while CPU 0 holds): the time from the unlock to the step under the lock. */
    private static List<Long> handoffs(Function<Simulation, Lock> kind) {
        Simulation s = new Simulation(1);
        Lock lock = kind.apply(s);
        Cpu[] cpus = {new Cpu(0, s), new Cpu(1, s), new Cpu(2, s), new Cpu(3, s)};
        List<Long> unlocks = new ArrayList<>();
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < cpus.length; i++) {
            Cpu cpu = cpus[i];
            s.schedule(i, () -> cpu.process(() -> lock.lock(cpu, "site", () -> {
                runs.add(s.now());
                cpu.after(1000, () -> {
                    unlocks.add(s.now());
                    lock.unlock(cpu);
                });
            })));
        }
        while (s.step()) { }
        List<Long> handoffs = new ArrayList<>();
        for (int i = 1; i < runs.size(); i++) handoffs.add(runs.get(i) - unlocks.get(i - 1));
        return handoffs;
    }

    @Test
    void pathsOnOneCpuRunOneAtATime() {
        Cpu cpu = new Cpu(0, sim);
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cpu.process(() -> {
                starts.add(sim.now());
                cpu.after(40, () -> { });
            });
        }
        runAll();
        assertEquals(List.of(0L, 40L, 80L), starts);
        assertEquals(120, cpu.busyNs());
    }

    @Test
    void anInterruptRunsBetweenTwoStepsOfAPath() {
        Cpu cpu = new Cpu(0, sim);
        List<String> log = new ArrayList<>();
        cpu.process(() -> {
            log.add("step1@" + sim.now());
            cpu.after(100, () -> {
                log.add("step2@" + sim.now());
                cpu.after(100, () -> log.add("step3@" + sim.now()));
            });
        });
        sim.schedule(50, () -> cpu.interrupt(() -> {
            log.add("irq@" + sim.now());
            cpu.after(30, () -> log.add("irq-end@" + sim.now()));
        }));
        runAll();
        assertEquals(List.of("step1@0", "irq@100", "irq-end@130", "step2@130", "step3@230"), log);
    }

    @Test
    void anInterruptWaitsWhileThePathHoldsALockTakenWithInterruptsOffAndRunsAtTheUnlock() {
        Cpu cpu = new Cpu(0, sim);
        Lock lock = Lock.queued("queue_lock", sim, 0, 0);
        List<String> log = new ArrayList<>();
        cpu.process(() -> lock.lockIrq(cpu, "blk_queue_bio", () -> cpu.after(100, () -> {
            log.add("locked step@" + sim.now());
            cpu.after(100, () -> {
                lock.unlock(cpu);
                log.add("unlocked@" + sim.now());
                cpu.after(100, () -> log.add("last@" + sim.now()));
            });
        })));
        sim.schedule(50, () -> cpu.interrupt(() -> log.add("irq@" + sim.now())));
        runAll();
        assertEquals(List.of("locked step@100", "unlocked@200", "irq@200", "last@300"), log);
    }

    @Test
    void aLockReleasedByAnotherCpuThanItsHolderIsABug() {
        Cpu cpu0 = new Cpu(0, sim);
        Cpu cpu1 = new Cpu(1, sim);
        Lock lock = Lock.queued("queue_lock", sim, 0, 0);
        cpu0.process(() -> lock.lock(cpu0, "a", () -> lock.unlock(cpu1)));
        assertThrows(IllegalStateException.class, this::runAll);
    }

    private void runAll() {
        while (sim.step()) { }
    }
}
