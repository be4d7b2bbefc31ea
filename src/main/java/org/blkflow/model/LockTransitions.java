package org.blkflow.model;

import java.util.ArrayDeque;
import org.blkflow.engine.CpuObserver;
import org.blkflow.transition.TransitionKind;

/**
 * One spinlock's moves, as the stream shows them: only where CPUs contend. A CPU that finds the lock
 * held spins (lock_contended, naming the holder) and gets it at the holder's unlock (lock_acquired:
 * the hand-over, which implies that release). A hold the stream has shown that ends with nobody in
 * line is lock_release, so the lock reads free again. An uncontended take and release are not
 * in the stream: they would double the legacy queue's stream and change every step number a link
 * points at, while a lock nobody waits for holds up nobody. So a viewer sees the holder and the
 * spinners of every lock exactly while they matter, and zero-cost runs (no contention) are unchanged.
 *
 * <p>Forwards every engine report to the run's checker first, then emits through the run's one outbox.
 */
final class LockTransitions implements CpuObserver {

    /** A CPU spinning for its ticket, with the primitive it spins in. */
    private record Spinner(int cpu, boolean irqOff, boolean irqSave) { }

    private final CpuObserver checker;
    private final Emitter emit;
    private final ArrayDeque<Spinner> spinners = new ArrayDeque<>();
    /** How the lock was last asked for without contention: the grant follows at once. */
    private boolean askedIrqOff;
    private boolean askedIrqSave;
    private boolean holderIrqOff;
    private boolean holderIrqSave;
    /** Whether the stream has named the current holder, so its release must be in the stream too. */
    private boolean holderShown;

    LockTransitions(CpuObserver checker, Emitter emit) {
        this.checker = checker;
        this.emit = emit;
    }

    @Override
    public void processStep(int cpu, long t, long until) {
        checker.processStep(cpu, t, until);
    }

    @Override
    public void lockAsked(String lock, int cpu, long t, int holder, String site, boolean irqOff) {
        checker.lockAsked(lock, cpu, t, holder, site, irqOff);
        boolean save = irqOff && irqSave(site);
        if (holder < 0) {
            askedIrqOff = irqOff;
            askedIrqSave = save;
            return;
        }
        spinners.add(new Spinner(cpu, irqOff, save));
        holderShown = true;
        emit.lock(TransitionKind.LOCK_CONTENDED, primitive("spin_lock", irqOff, save, "_irqsave"), cpu, lock, holder);
    }

    @Override
    public void lockGranted(String lock, int cpu, long askedAt, long t) {
        checker.lockGranted(lock, cpu, askedAt, t);
        Spinner first = spinners.peek();
        if (first == null || first.cpu() != cpu) {
            holderIrqOff = askedIrqOff;
            holderIrqSave = askedIrqSave;
            holderShown = false;
            return;
        }
        spinners.poll();
        holderIrqOff = first.irqOff();
        holderIrqSave = first.irqSave();
        holderShown = true;
        emit.lock(TransitionKind.LOCK_ACQUIRED, primitive("spin_lock", holderIrqOff, holderIrqSave, "_irqsave"),
                cpu, lock, t - askedAt);
    }

    @Override
    public void lockReleased(String lock, int cpu, long t) {
        checker.lockReleased(lock, cpu, t);
        // A hand-over is told by the next CPU's lock_acquired, in the same nanosecond.
        if (!holderShown || !spinners.isEmpty()) return;
        holderShown = false;
        emit.lock(TransitionKind.LOCK_RELEASE, primitive("spin_unlock", holderIrqOff, holderIrqSave, "_irqrestore"),
                cpu, lock, -1);
    }

    private static String primitive(String base, boolean irqOff, boolean save, String saveSuffix) {
        return !irqOff ? base : save ? base + saveSuffix : base + "_irq";
    }

    /**
     * xen-blkfront's own functions take io_lock and the ring locks with spin_lock_irqsave; the block
     * core (blk_queue_bio, get_request, the request_fn) takes q->queue_lock, the same lock, with
     * spin_lock_irq. Both keep interrupts off; only the name differs.
     */
    private static boolean irqSave(String site) {
        return site.startsWith("blkif_");
    }
}
