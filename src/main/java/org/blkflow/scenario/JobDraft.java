package org.blkflow.scenario;

import java.util.List;

/** A job being read field by field; starts at fio's defaults. */
public final class JobDraft {

    private static final Job DEFAULT = ScenarioDefaults.job();

    public String name = DEFAULT.name();
    /** null = all CPUs. */
    public List<Integer> cpus;
    public String rw = DEFAULT.rw();
    public int rwmixread = DEFAULT.rwmixread();
    public int bs = DEFAULT.bs();
    public int iodepth = DEFAULT.iodepth();
    public String ioengine = DEFAULT.ioengine();
    public boolean sync = DEFAULT.sync();
    public boolean plug = DEFAULT.plug();
    public int ios = DEFAULT.ios();
    public long offset = DEFAULT.offset();
    public long size = DEFAULT.size();

    public Job build() {
        return new Job(name, cpus, rw, rwmixread, bs, iodepth, ioengine, sync, plug, ios, offset, size);
    }
}
