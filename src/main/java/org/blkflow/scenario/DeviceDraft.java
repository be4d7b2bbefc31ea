package org.blkflow.scenario;

/** A device being read field by field; starts at null_blk's defaults, its xen-blkback a draft of its own. */
public final class DeviceDraft extends FieldDraft<Device> {

    public FieldDraft<Backend> backend = new FieldDraft<>(Backend.class, ScenarioField.Group.BACKEND);

    public DeviceDraft() {
        super(Device.class, ScenarioField.Group.DEVICE);
    }

    public static DeviceDraft of(Device device) {
        DeviceDraft d = new DeviceDraft();
        d.copy(device);
        d.backend.copy(device.backend());
        return d;
    }

    @Override
    public <T> DeviceDraft set(ScenarioField<Device, T> field, T value) {
        super.set(field, value);
        return this;
    }

    @Override
    public Device build() {
        return construct(name -> name.equals("backend") ? backend.build() : get(field(name)));
    }
}
