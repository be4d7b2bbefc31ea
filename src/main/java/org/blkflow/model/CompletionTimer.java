package org.blkflow.model;

import java.util.ArrayList;
import java.util.List;

/**
 * null_blk's irqmode=2 (3.16): commands join their CPU's completion list; only the first entry arms
 * that CPU's hrtimer, and when it fires the handler takes the whole list and completes it in
 * hard-irq context, with no IPI.
 */
final class CompletionTimer<T> {

    /** Ends one command on a CPU, as a step of the handler; {@code next} goes on with the batch. */
    interface Ender<T> {
        void end(T command, int cpu, Runnable next);
    }

    private final Machine m;
    private final long delayNs;
    private final Ender<T> ender;
    private final List<List<T>> lists = new ArrayList<>();

    CompletionTimer(Machine m, long delayNs, Ender<T> ender) {
        this.m = m;
        this.delayNs = delayNs;
        this.ender = ender;
        for (int i = 0; i < m.cpus.length; i++) lists.add(new ArrayList<>());
    }

    /** null_cmd_end_timer(). */
    void add(T command, int cpu) {
        List<T> list = lists.get(cpu);
        list.add(command);
        if (list.size() == 1) m.sim.schedule(delayNs, () -> m.interrupt(cpu, () -> expired(cpu)));
    }

    /** null_cmd_timer_expired(): the irq entry, then llist_del_all and each command ended in turn. */
    private void expired(int cpu) {
        m.after(cpu, m.costs.irqNs(), () -> {
            List<T> batch = new ArrayList<>(lists.get(cpu));
            lists.get(cpu).clear();
            endAll(batch, 0, cpu);
        });
    }

    private void endAll(List<T> batch, int i, int cpu) {
        if (i < batch.size()) ender.end(batch.get(i), cpu, () -> endAll(batch, i + 1, cpu));
    }
}
