package org.blkflow.trace;

/**
 * One event as blktrace logs it, before it becomes bytes or a blkparse line.
 *
 * @param time     nanoseconds, already offset so that no event is at 0
 * @param device   the run's device, nullbN's N ({@link DeviceNumber} gives its maj,min)
 * @param sequence per device and CPU, 1, 2, 3, … in the order the CPU logged them (blktrace keeps a
 *                 sequence in each device's per-CPU buffer)
 * @param count    U/UT: requests unplugged; X: the sector the remainder starts at (each the 8-byte
 *                 payload); otherwise -1
 */
public record TraceRecord(long time, int device, int cpu, int sequence, long sector, int bytes, int action,
                          int pid, String comm, int error, long count) {

    public String letter() {
        return BlkAction.letter(action);
    }

    public String rwbs() {
        return BlkAction.rwbs(action, bytes);
    }
}
