package org.blkflow.scenario;

/** null_blk's irqmode: complete inline, through blk_mq_complete_request as queue_rq returns, or from a per-CPU hrtimer. */
public enum IrqMode implements Label {
    NONE("none"),
    SOFTIRQ("softirq"),
    TIMER("timer");

    private final String label;

    IrqMode(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
