package org.blkflow.scenario;

import java.util.Arrays;
import java.util.List;

/**
 * The I/O scheduler: 3.16's legacy elevators (mode sq only) and 7.0's blk-mq schedulers. bfq exists
 * in 7.0 and is known by name, so a scenario asking for it is told it is not modelled yet.
 */
public enum Scheduler implements Label {
    NOOP("noop", Kernel.V3_16, true),
    DEADLINE("deadline", Kernel.V3_16, true),
    CFQ("cfq", Kernel.V3_16, true),
    NONE("none", Kernel.V7_0, true),
    MQ_DEADLINE("mq-deadline", Kernel.V7_0, true),
    KYBER("kyber", Kernel.V7_0, true),
    BFQ("bfq", Kernel.V7_0, false);

    private final String label;
    private final Kernel kernel;
    private final boolean modelled;

    Scheduler(String label, Kernel kernel, boolean modelled) {
        this.label = label;
        this.kernel = kernel;
        this.modelled = modelled;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean offered() {
        return modelled;
    }

    /** The schedulers the model has for a kernel, in the order the editor offers them. */
    public static List<Scheduler> of(Kernel kernel) {
        return Arrays.stream(values()).filter(s -> s.kernel == kernel && s.modelled).toList();
    }

    /**
     * 3.16's blk-mq has no elevator (the legacy queue's default is noop); 7.0's elevator_set_default()
     * gives a single-queue device mq-deadline and a multi-queue one none; nr_hw_queues counts the poll
     * queues too.
     */
    public static Scheduler defaultFor(Kernel kernel, int hwQueues) {
        if (kernel != Kernel.V7_0) return NOOP;
        return hwQueues == 1 ? MQ_DEADLINE : NONE;
    }
}
