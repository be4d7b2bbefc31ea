package org.blkflow.transition;

/**
 * How the stream numbers the queues of a Linux 7.0 run of several null_blk devices, the one place the
 * Java side writes it down (the page's is frontend/src/devices.js): every device is a request_queue of
 * its own on the same CPUs, so device d's ctx for CPU c is ctx d × cpus + c and its hctx h is hctx
 * d × hctxsPerDevice + h. With shared tags every device's hctx h draws its driver tags from set h.
 * One device is device 0, whose numbers are the CPU's and the hctx's own.
 *
 * @param cpus           the CPUs, each with a ctx on every device
 * @param hctxsPerDevice each device's hctxs
 * @param devices        how many devices
 */
public record DeviceNumbers(int cpus, int hctxsPerDevice, int devices) {

    /** Device {@code device}'s ctx for {@code cpu}. */
    public int ctx(int device, int cpu) {
        return device * cpus + cpu;
    }

    /** Device {@code device}'s hctx {@code index}. */
    public int hctx(int device, int index) {
        return device * hctxsPerDevice + index;
    }

    /** An hctx's index within its device: under shared tags, the tag set it draws from. */
    public int tagSet(int hctx) {
        return hctx % hctxsPerDevice;
    }

    /** Every device's hctx of {@code hctx}'s index: the hctxs sharing its tag set, device 0's first. */
    public int[] sharingWith(int hctx) {
        int[] out = new int[devices];
        for (int d = 0; d < devices; d++) out[d] = hctx(d, tagSet(hctx));
        return out;
    }
}
