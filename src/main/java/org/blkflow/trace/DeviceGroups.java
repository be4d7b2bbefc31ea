package org.blkflow.trace;

/**
 * Several 7.0 null_blk devices: each device's own tracks (its requests, its hctxs' counters, its bios in
 * flight) go in a process of their own named nullbN, as a trace of several disks reads, instead of one
 * track for all. The stream names each move's device ({@code dev}); a run of one device names none,
 * and its tracks stay in the shared processes, byte for byte as before.
 */
final class DeviceGroups {

    /** Device d's process: after the shared ones (CPUs 1 … device 5), in device order. */
    static final int FIRST_PID = 10;

    private final TraceEventWriter out;
    private boolean[] named = new boolean[0];

    DeviceGroups(TraceEventWriter out) {
        this.out = out;
    }

    /**
     * The process a track of device {@code dev} belongs in: {@code sharedPid} when the stream names no
     * device. Names the device's process the first time it is asked for, so call it before starting an event.
     */
    int pid(int sharedPid, int dev) {
        if (dev < 0) return sharedPid;
        if (dev >= named.length) named = java.util.Arrays.copyOf(named, dev + 1);
        if (!named[dev]) {
            named[dev] = true;
            int pid = FIRST_PID + dev;
            out.start('M', "process_name", pid, 0).args().arg("name", "nullb" + dev).done();
            out.start('M', "process_sort_index", pid, 0).args().arg("sort_index", pid).done();
        }
        return FIRST_PID + dev;
    }
}
