package org.blkflow.scenario;

/** A device being read field by field; starts at null_blk's defaults. */
public final class DeviceDraft {

    private static final Device DEFAULT = ScenarioDefaults.device();

    public long completionNs = DEFAULT.completionNs();
    public String irqMode = DEFAULT.irqMode();
    public int maxSectors = DEFAULT.maxSectors();
    public int maxSegments = DEFAULT.maxSegments();
    public int slots = DEFAULT.slots();
    public String driver = DEFAULT.driver();
    public String rings = DEFAULT.rings();

    public Device build() {
        return new Device(completionNs, irqMode, maxSectors, maxSegments, slots, driver, rings);
    }
}
