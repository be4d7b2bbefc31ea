package org.blkflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * null_blk's irqmode=2 (3.16): commands join their CPU's completion list; only the first entry arms
 * that CPU's hrtimer, and when it fires the whole batch completes in hard-irq context, with no IPI.
 */
final class CompletionTimer<T> {

    private final Machine m;
    private final long delayNs;
    private final BiConsumer<T, Integer> complete;
    private final List<List<T>> lists = new ArrayList<>();

    /** @param complete ends one command on the given CPU */
    CompletionTimer(Machine m, long delayNs, BiConsumer<T, Integer> complete) {
        this.m = m;
        this.delayNs = delayNs;
        this.complete = complete;
        for (int i = 0; i < m.cpus.length; i++) lists.add(new ArrayList<>());
    }

    /** null_cmd_end_timer(). */
    void add(T command, int cpu) {
        List<T> list = lists.get(cpu);
        list.add(command);
        if (list.size() == 1) m.sim.schedule(delayNs, () -> m.on(cpu, () -> expired(cpu)));
    }

    /** null_cmd_timer_expired(). */
    private void expired(int cpu) {
        m.charge(m.costs.irqNs());
        List<T> batch = new ArrayList<>(lists.get(cpu));
        lists.get(cpu).clear();
        for (T command : batch) complete.accept(command, cpu);
    }
}
