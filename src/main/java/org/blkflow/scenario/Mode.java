package org.blkflow.scenario;

/** The block layer interface a scenario runs: blk-mq, the legacy request_fn queue, or make_request only. */
public enum Mode implements Label {
    MQ("mq"),
    SQ("sq"),
    BIO("bio");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
