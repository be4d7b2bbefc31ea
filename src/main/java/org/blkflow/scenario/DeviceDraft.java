package org.blkflow.scenario;

/** A device being read field by field; starts at null_blk's defaults. */
public final class DeviceDraft extends FieldDraft<Device> {

    public DeviceDraft() {
        super(Device.class, ScenarioField.Group.DEVICE);
    }

    public static DeviceDraft of(Device device) {
        DeviceDraft d = new DeviceDraft();
        d.copy(device);
        return d;
    }

    @Override
    public <T> DeviceDraft set(ScenarioField<Device, T> field, T value) {
        super.set(field, value);
        return this;
    }
}
