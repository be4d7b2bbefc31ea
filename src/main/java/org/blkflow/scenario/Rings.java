package org.blkflow.scenario;

/** xen-blkfront's rings on blk-mq: one ring under one io_lock, its lock split into request and response halves, or a ring and lock per hctx. */
public enum Rings implements Label {
    SINGLE_LOCK("single-lock"),
    SPLIT_LOCK("split-lock"),
    PER_HCTX("per-hctx");

    private final String label;

    Rings(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
