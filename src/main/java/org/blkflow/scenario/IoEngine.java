package org.blkflow.scenario;

/**
 * fio's ioengine, reduced to what the block layer sees: one bio at a time, or batches up to iodepth
 * (libaio, and io_uring, which can also poll for its completions with hipri; 7.0 only).
 */
public enum IoEngine implements Label {
    SYNC("sync"),
    LIBAIO("libaio"),
    IO_URING("io_uring");

    private final String label;

    IoEngine(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
