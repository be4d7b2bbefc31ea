package org.blkflow.scenario;

/** The kernel whose block layer the model follows: 3.16, as blk-mq was new, or 7.0, as it is today. */
public enum Kernel implements Label {
    V3_16("3.16"),
    V7_0("7.0");

    private final String label;

    Kernel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
