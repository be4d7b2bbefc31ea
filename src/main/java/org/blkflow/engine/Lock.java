package org.blkflow.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ticket spinlock with lockstat's bookkeeping. A CPU that finds it held takes the next ticket
 * and spins, busy, until every CPU ahead of it has had the lock; the grant is at the holder's
 * unlock. Taking it costs {@code lockNs}, and {@code bounceNs} more when the cache line was last
 * on another CPU. lockstat's figures are exactly these times: wait = grant − ask, hold = unlock −
 * grant. Contention is never computed: it is what happens when steps on several CPUs want the same
 * lock at overlapping times.
 */
public final class Lock {

    /** A CPU spinning for its turn, with the step that runs once it has the lock. */
    private record Ticket(Cpu cpu, String site, long askedAt, boolean irqOff, Runnable next) { }

    private final String name;
    private final Simulation sim;
    private final long lockNs;
    private final long bounceNs;
    /** Extra handoff time per CPU spinning at the unlock: 0 unless the lock is built non-scalable. */
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

    public Lock(String name, Simulation sim, long lockNs, long bounceNs) {
        this(name, sim, lockNs, bounceNs, 0);
    }

    /**
     * A ticket lock whose handoff slows with every CPU spinning on it: each spinner keeps reading the
     * lock's cache line, so the new owner's transfer of it waits behind their reads (Boyd-Wickizer et
     * al., "Non-scalable locks are dangerous", Linux Symposium 2012: handoff time linear in waiters).
     */
    public Lock(String name, Simulation sim, long lockNs, long bounceNs, long perSpinnerNs) {
        this.name = name;
        this.sim = sim;
        this.lockNs = lockNs;
        this.bounceNs = bounceNs;
        this.perSpinnerNs = perSpinnerNs;
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
        long readers = perSpinnerNs * (spinners.size() + 1);
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
