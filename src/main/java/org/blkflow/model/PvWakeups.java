package org.blkflow.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Waking a task on another vCPU of a paravirtualized domain. try_to_wake_up() on a remote CPU (3.16,
 * kernel/sched/core.c: ttwu_queue → ttwu_queue_remote, or ttwu_do_activate → check_preempt_curr →
 * resched_task) sends the reschedule IPI, and in a PV domain that IPI is an event channel:
 * smp_send_reschedule → xen_smp_send_reschedule → xen_send_IPI_one → notify_remote_via_irq, an
 * EVTCHNOP_send hypercall made by the waker (arch/x86/xen/smp.c). A PV vCPU with nothing to run is halted in
 * Xen (xen_safe_halt), never polling, so no remote wakeup goes without one. The woken vCPU takes the event
 * as an upcall (xen_reschedule_interrupt), leaves it through the iret hypercall, and then the task runs.
 *
 * <p>Only Xen's domains run their wakeups through here ({@link #run}): the guest's blkif_interrupt, which
 * ends every ring's requests on the vCPU its event channel is bound to, and dom0's xen_blkif_be_int, which
 * wakes a ring's blkback thread. Elsewhere {@link Machine#wake} starts the woken path at once, as before.
 * No transitions: the IPIs are CPU time, on the waker and on the woken vCPU.
 */
final class PvWakeups {

    private final Machine m;
    /** The vCPU whose wakeups are being collected, or -1. */
    private int waker = -1;
    private final List<Woken> collected = new ArrayList<>();

    private record Woken(int cpu, Runnable firstStep) {
    }

    PvWakeups(Machine m) {
        this.m = m;
    }

    /**
     * Runs {@code body}, a step's work on {@code cpu}, then sends a reschedule IPI for each task it woke on
     * another vCPU, one hypercall each on {@code cpu}; then goes on with {@code next}.
     */
    void run(int cpu, Runnable body, Runnable next) {
        if (waker >= 0) throw new IllegalStateException("cpu " + cpu + ": wakeups collected inside cpu " + waker + "'s");
        waker = cpu;
        try {
            body.run();
        } finally {
            waker = -1;
        }
        List<Woken> woken = List.copyOf(collected);
        collected.clear();
        send(cpu, woken, 0, next);
    }

    /** Whether {@code firstStep} on {@code cpu} is a remote wakeup being collected (then it starts once sent). */
    boolean collects(int cpu, Runnable firstStep) {
        if (waker < 0 || cpu == waker) return false;
        collected.add(new Woken(cpu, firstStep));
        return true;
    }

    private void send(int cpu, List<Woken> woken, int at, Runnable next) {
        if (at == woken.size()) {
            next.run();
            return;
        }
        Woken w = woken.get(at);
        m.after(cpu, m.costs.hypercallNs(), () -> {
            m.interrupt(w.cpu(), () -> upcall(w));
            send(cpu, woken, at + 1, next);
        });
    }

    /** xen_reschedule_interrupt on the woken vCPU: the upcall, the task made runnable, then the iret hypercall. */
    private void upcall(Woken w) {
        m.after(w.cpu(), m.costs.irqNs(), () -> {
            m.process(w.cpu(), w.firstStep());
            m.after(w.cpu(), m.costs.hypercallNs(), Machine.END);
        });
    }
}
