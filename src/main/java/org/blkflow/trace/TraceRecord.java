package org.blkflow.trace;

/**
 * One event as blktrace logs it, before it becomes bytes or a blkparse line.
 *
 * @param time     nanoseconds, already offset so that no event is at 0
 * @param sequence per-CPU, 1, 2, 3, … in the order the CPU logged them
 * @param count    U/UT: requests unplugged; X: the sector the remainder starts at (each the 8-byte
 *                 payload); otherwise -1
 */
public record TraceRecord(long time, int cpu, int sequence, long sector, int bytes, int action,
                          int pid, String comm, int error, long count) {

    public String letter() {
        return BlkAction.letter(action);
    }

    public String rwbs() {
        return BlkAction.rwbs(action, bytes);
    }
}
