package org.blkflow.scenario;

/** fio's rw: the direction and order of a job's I/O. */
public enum Rw implements Label {
    READ("read"),
    WRITE("write"),
    RANDREAD("randread"),
    RANDWRITE("randwrite"),
    RANDRW("randrw");

    private final String label;

    Rw(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
