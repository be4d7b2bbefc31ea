package org.blkflow.scenario;

/** The driver behind the queues. */
public enum Driver implements Label {
    NULL_BLK("null_blk"),
    XEN_BLKFRONT("xen-blkfront");

    private final String label;

    Driver(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
