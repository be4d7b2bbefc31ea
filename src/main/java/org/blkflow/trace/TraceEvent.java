package org.blkflow.trace;

/**
 * One event line of blkparse text, as printed. Absent numbers are -1, absent strings null.
 *
 * @param time    nanoseconds as printed (relative to the trace's first event)
 * @param action  the letter: A Q X B G S P U UT I M F D R C, or m for a message
 * @param name    the process name in brackets; for m lines, the message text
 * @param error   C and R: the completion status; otherwise -1
 * @param extra   U/UT: requests unplugged; X: where the split-off part starts; A: the original sector
 * @param line    1-based line number in the imported text
 */
public record TraceEvent(int major, int minor, int cpu, long sequence, long time, int pid, String action,
                         String rwbs, long sector, int sectors, String name, int error, long extra,
                         String remappedFrom, int line) {

    public String device() {
        return major + "," + minor;
    }

    public boolean hasRange() {
        return sector >= 0 && sectors > 0;
    }

    public boolean covers(long start) {
        return hasRange() && start >= sector && start < sector + sectors;
    }
}
