package org.blkflow.model;

import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.blkflow.scenario.Costs;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.Test;

/** Spinlock moves in the stream: only where CPUs contend, in ticket order, named as lockdep names them. */
class LockTransitionsTest {

    /**
     * Two CPUs read one bio each through the legacy queue at t = 0 with the default costs. Both spend
     * makeRequestNs (300) before blk_queue_bio's spin_lock_irq(q->queue_lock); CPU 0's path was queued
     * first, so it takes the free lock (not in the stream) and CPU 1, asking at the same nanosecond,
     * takes the next ticket and spins. CPU 0 holds it 220 ns (lockNs 20, allocRequestNs 200) to G,
     * and its unlock hands it to CPU 1 (lock_acquired, waited 520 − 300 = 220 ns: the hand-over tells
     * the release), while CPU 0 at once asks again to
     * insert and spins behind CPU 1. CPU 1 pays the cache-line bounce (20 + 200) and allocates (200):
     * G at 940, hand-over to CPU 0 (waited 420). CPU 0 inserts and dispatches (I, run, elv_dispatch,
     * D at 1410), hands it back to CPU 1 (waited 1410 − 940 = 470), and CPU 1's release at 1880 has
     * nobody in line. Every take is spin_lock_irq: interrupts stay off on the spinning CPU too.
     */
    @Test
    void twoCpusContendingOnQueueLockInTheLegacyQueue() {
        List<Transition> ts = RunRecorder.run(scenario().seed(1).mode("sq").cpus(2).irq("timer").costs(Costs.DEFAULT)
                .job(job().cpus(0, 1).rw("randread").ios(1)).build());
        List<String> locks = ts.stream().filter(t -> t.kind().isLock())
                .map(t -> t.seq() + " t=" + t.t() + " " + t.kind().label() + " cpu" + t.cpu() + " " + t.fn() + " "
                        + t.lock() + " n=" + t.count())
                .toList();
        assertEquals(List.of(
                "2 t=300 lock_contended cpu1 spin_lock_irq queue_lock n=0",
                "4 t=520 lock_acquired cpu1 spin_lock_irq queue_lock n=220",
                "5 t=520 lock_contended cpu0 spin_lock_irq queue_lock n=1",
                "7 t=940 lock_acquired cpu0 spin_lock_irq queue_lock n=420",
                "8 t=940 lock_contended cpu1 spin_lock_irq queue_lock n=0",
                "13 t=1410 lock_acquired cpu1 spin_lock_irq queue_lock n=470",
                "18 t=1880 lock_release cpu1 spin_unlock_irq queue_lock n=-1"), locks);
        assertEquals("Q Q G G I D I D C C", RunRecorder.actions(ts), "lock moves carry no blktrace letter");
        assertTrue(ts.stream().filter(t -> t.kind().isLock()).allMatch(t -> t.pid() == -1 && t.bio() < 0 && t.req() < 0));
    }

    /** With free CPUs a critical section takes no time, so no CPU ever finds a lock held. */
    @Test
    void zeroCostRunsHaveNoLockMoves() {
        for (String name : GoldenScenarios.NAMES) {
            if (GoldenScenarios.named(name).costs().free()) {
                assertTrue(RunRecorder.run(GoldenScenarios.named(name)).stream().noneMatch(t -> t.kind().isLock()), name);
            }
        }
    }

    /**
     * Eight CPUs on queue_lock (the legacy-contention preset's shape): read from the stream alone,
     * every lock_contended names the CPU the stream last showed acquiring it (or an unseen holder,
     * whose release then follows), grants go first-come first-served, each acquired's wait is the
     * time since that CPU's contended, and a CPU spinning or holding queue_lock does nothing else
     * until its grant, and one holding it runs only the context that took it until its release: no
     * interrupt comes in between (spin_lock_irq).
     */
    @Test
    void eightCpusOnQueueLockFollowTicketOrderWithInterruptsOff() {
        List<Transition> ts = RunRecorder.run(scenario().seed(3).mode("sq").cpus(8).irq("timer").costs(Costs.DEFAULT)
                .job(job().allCpus().rw("randread").libaio().iodepth(8).ios(16)).build());
        ArrayDeque<Transition> line = new ArrayDeque<>();
        int holder = -1;
        Map<Integer, String> busy = new HashMap<>();
        long contended = 0;
        for (Transition t : ts) {
            switch (t.kind()) {
                case LOCK_CONTENDED -> {
                    contended++;
                    if (holder >= 0) assertEquals(holder, t.count(), "contended names the holder at " + t.seq());
                    holder = (int) t.count();
                    line.add(t);
                    busy.put(t.cpu(), "spinning since " + t.seq());
                    busy.put(holder, "holding");
                }
                case LOCK_ACQUIRED -> {
                    Transition first = line.poll();
                    assertEquals(first.cpu(), t.cpu(), "ticket order at " + t.seq());
                    assertEquals(t.t() - first.t(), t.count(), "the wait at " + t.seq());
                    busy.remove(holder);
                    holder = t.cpu();
                    busy.put(t.cpu(), "holding");
                }
                case LOCK_RELEASE -> {
                    assertEquals(holder, t.cpu(), "released by the holder at " + t.seq());
                    assertTrue(line.isEmpty(), "a release with CPUs in line is a hand-over, told by lock_acquired");
                    holder = -1;
                    busy.remove(t.cpu());
                }
                default -> {
                    String state = busy.get(t.cpu());
                    if (state == null) break;
                    assertTrue(!state.startsWith("spinning"), "cpu " + t.cpu() + " " + state + " runs "
                            + RunRecorder.describe(t));
                    // The context holding it (a task's, or an interrupt's: pid 0) is the only one on that CPU.
                    String context = t.pid() == 0 ? "holding in irq" : "holding in process context";
                    if (state.equals("holding")) busy.put(t.cpu(), context);
                    else assertEquals(state, context, "an interrupt while queue_lock is held: " + RunRecorder.describe(t));
                }
            }
        }
        assertTrue(contended > 50, "eight CPUs contend often: " + contended);
        assertEquals(-1, holder);
        assertTrue(line.isEmpty());
        assertEquals(ts.stream().filter(t -> t.kind().isLock()).map(Transition::lock).collect(Collectors.toSet()),
                java.util.Set.of("queue_lock"));
    }
}
