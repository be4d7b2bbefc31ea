package org.blkflow.scenario;

/**
 * What a scenario means when a field is left out: null_blk's module defaults for the device and the
 * queues, fio's defaults for a job. Each default is declared with its field in {@link ScenarioFields};
 * JSON bodies and links fill absent fields from there.
 */
public final class ScenarioDefaults {

    /** xen-blkfront's BLK_RING_SIZE for one 4 KiB ring page: the ring a device with slots 0 gets. */
    public static final int XEN_RING_SLOTS = 32;

    private ScenarioDefaults() {
    }

    public static Device device() {
        return new DeviceDraft().build();
    }

    public static Job job() {
        return new JobDraft().build();
    }

    /** A scenario a user writes costs CPU time: {@link Costs#DEFAULT}. */
    public static Scenario scenario() {
        return new ScenarioDraft().build();
    }
}
