package org.blkflow.scenario;

/** fio's ioengine, reduced to what the block layer sees: one bio at a time, or batches up to iodepth. */
public enum IoEngine implements Label {
    SYNC("sync"),
    LIBAIO("libaio");

    private final String label;

    IoEngine(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
