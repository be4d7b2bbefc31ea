package org.blkflow.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spinlock with lockstat's bookkeeping, FIFO like both of the kernel's x86 spinlocks. A CPU that
 * finds it held queues and spins, busy, until every CPU ahead of it has had the lock; the grant is at
 * the holder's unlock. Taking it costs {@code lockNs}, and {@code bounceNs} more when the cache line
 * was last on another CPU. lockstat's figures are exactly these times: wait = grant − ask, hold =
 * unlock − grant. Contention is never computed: it is what happens when steps on several CPUs want the
 * same lock at overlapping times.
 *
 * <p>The two kinds differ in the handoff. A ticket lock (x86 up to 4.1, so the model's 3.16; Xen's own
 * since 4.5) has every waiter spin on the one word its unlock writes, so the unlock invalidates the
 * line in every waiter's cache and the new owner's re-read is served among all of theirs: the handoff
 * grows with the waiters ({@link #ticket}). A queued spinlock (qspinlock, x86 from 4.2, so 7.0) has
 * each waiter but the first spin on its own MCS node: the unlock moves one line, whatever the queue.
 */
public final class Lock {

    /** A CPU spinning for its turn, with the step that runs once it has the lock. */
    private record Ticket(Cpu cpu, String site, long askedAt, boolean irqOff, Runnable next) { }

    private final String name;
    private final Simulation sim;
    private final long lockNs;
    private final long bounceNs;
    /** Extra handoff time per other CPU spinning at the unlock: 0 for a queued spinlock. */
    private final long perSpinnerNs;
    private final ArrayDeque<Ticket> spinners = new ArrayDeque<>();
    private CpuObserver observer = CpuObserver.NONE;
    private Cpu holder;
    private boolean holderIrqOff;
    private int lastCpu = -1;
    private long grantedAt;
    private long acquisitions;
    private long contentions;
    private long waitMin = Long.MAX_VALUE;
    private long waitMax;
    private long waitSum;
    private long holdMin = Long.MAX_VALUE;
    private long holdMax;
    private long holdSum;
    private long holds;
    private final Map<String, Long> contendedBy = new LinkedHashMap<>();

    /** A lock whose handoff costs {@code perSpinnerNs} more for every other CPU spinning at it: {@link #ticket} or {@link #queued}. */
    private Lock(String name, Simulation sim, long lockNs, long bounceNs, long perSpinnerNs) {
        this.name = name;
        this.sim = sim;
        this.lockNs = lockNs;
        this.bounceNs = bounceNs;
        this.perSpinnerNs = perSpinnerNs;
    }

    /**
     * A ticket lock's extra handoff time per other spinner: arch_spinlock_t's head/tail tickets (3.16's
     * arch/x86/include/asm/spinlock.h), every waiter reading {@code head}. Boyd-Wickizer et al.,
     * "Non-scalable locks are dangerous" (Linux Symposium 2012), measure and model the handoff as linear
     * in the waiters: the unlock's write invalidates the line in every waiter's cache and their re-reads
     * are served one cache-line transfer at a time (the "O(p) read misses at release" of Culler's
     * CS258 lecture on ticket locks, Berkeley 1999). The next ticket's holder is equally likely anywhere among those
     * N reads, so it waits (N + 1) / 2 transfers on average: one is the handoff's own {@code bounceNs},
     * the rest half a transfer per other spinner. The per-read time is the model's one transfer figure;
     * no constant of the paper's machines is taken.
     *
     * <p>With CONFIG_PARAVIRT_SPINLOCKS (3.12 to 4.1) a Xen PV guest's waiter spins SPIN_THRESHOLD
     * (2^15) loops before xen_lock_spinning() blocks it on an event channel, to be kicked by
     * xen_unlock_kick() (arch/x86/xen/spinlock.c). 2^15 pause loops are on the order of 100 µs on
     * 2014-era x86 (an estimate), longer than the model's waits, so that slow path is not modelled.
     */
    public static Lock ticket(String name, Simulation sim, long lockNs, long bounceNs) {
        return new Lock(name, sim, lockNs, bounceNs, bounceNs / 2);
    }

    /** A queued spinlock (qspinlock): a handoff moves one line however many CPUs wait. */
    public static Lock queued(String name, Simulation sim, long lockNs, long bounceNs) {
        return new Lock(name, sim, lockNs, bounceNs, 0);
    }

    public String name() {
        return name;
    }

    public void observe(CpuObserver observer) {
        this.observer = observer;
    }

    /**
     * spin_lock() from the step now running on {@code cpu}: {@code next} runs once the lock is held
     * and its cost paid. {@code site} is the kernel function taking it, as lockstat names call sites.
     */
    public void lock(Cpu cpu, String site, Runnable next) {
        acquire(cpu, site, false, next);
    }

    /** spin_lock_irq() / spin_lock_irqsave(): interrupts stay off on this CPU until the unlock. */
    public void lockIrq(Cpu cpu, String site, Runnable next) {
        acquire(cpu, site, true, next);
    }

    /** spin_unlock() or spin_unlock_irq(), as the lock was taken; the next ticket gets it now. */
    public void unlock(Cpu cpu) {
        if (holder != cpu) {
            throw new IllegalStateException(name + " released by cpu " + cpu.id() + " but held by "
                    + (holder == null ? "nobody" : "cpu " + holder.id()));
        }
        long hold = sim.now() - grantedAt;
        holds++;
        holdSum += hold;
        holdMin = Math.min(holdMin, hold);
        holdMax = Math.max(holdMax, hold);
        if (holderIrqOff) cpu.enableInterrupts();
        cpu.lockHeld(false);
        holder = null;
        observer.lockReleased(name, cpu.id(), sim.now());
        Ticket turn = spinners.poll();
        if (turn == null) return;
        long wait = sim.now() - turn.askedAt;
        waitSum += wait;
        waitMin = Math.min(waitMin, wait);
        waitMax = Math.max(waitMax, wait);
        // The new owner's re-read of the line waits behind the other spinners' (none for a qspinlock).
        long readers = perSpinnerNs * spinners.size();
        grant(turn.cpu, turn.askedAt, turn.irqOff);
        turn.cpu.granted(cost(turn.cpu) + readers, turn.next);
    }

    public LockStat stat() {
        List<Map.Entry<String, Long>> sites = new ArrayList<>(contendedBy.entrySet());
        sites.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
        List<String> by = new ArrayList<>();
        for (Map.Entry<String, Long> e : sites) by.add(e.getKey() + ": " + e.getValue());
        return new LockStat(name, contentions, acquisitions,
                contentions == 0 ? 0 : waitMin, contentions == 0 ? 0 : waitSum / contentions, waitMax,
                holds == 0 ? 0 : holdMin, holds == 0 ? 0 : holdSum / holds, holdMax, by);
    }

    private void acquire(Cpu cpu, String site, boolean irqOff, Runnable next) {
        if (holder == cpu) throw new IllegalStateException(name + " taken twice on cpu " + cpu.id() + " at " + site);
        for (Ticket t : spinners) {
            if (t.cpu == cpu) throw new IllegalStateException(name + " asked twice on cpu " + cpu.id() + " at " + site);
        }
        // spin_lock_irq disables interrupts before it spins.
        if (irqOff) cpu.disableInterrupts();
        observer.lockAsked(name, cpu.id(), sim.now(), holder == null ? -1 : holder.id(), site, irqOff);
        if (holder == null) {
            grant(cpu, sim.now(), irqOff);
            cpu.after(cost(cpu), next);
            return;
        }
        contentions++;
        contendedBy.merge(site, 1L, Long::sum);
        spinners.add(new Ticket(cpu, site, sim.now(), irqOff, next));
        cpu.park();
    }

    private void grant(Cpu cpu, long askedAt, boolean irqOff) {
        holder = cpu;
        cpu.lockHeld(true);
        holderIrqOff = irqOff;
        grantedAt = sim.now();
        acquisitions++;
        observer.lockGranted(name, cpu.id(), askedAt, sim.now());
    }

    /** The lock's own cost, plus a cache-line transfer when another CPU had it last. */
    private long cost(Cpu cpu) {
        long c = lastCpu == cpu.id() || lastCpu < 0 ? lockNs : lockNs + bounceNs;
        lastCpu = cpu.id();
        return c;
    }
}
