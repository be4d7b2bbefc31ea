package org.blkflow.trace;

import java.util.List;
import java.util.Map;

/**
 * A blkparse text read into events, with what was read and what was not.
 *
 * @param actions        count of each action letter, in blkparse's vocabulary order
 * @param cpus           the CPUs that logged events, ascending
 * @param devices        the devices ("maj,min") in order of first appearance
 * @param warnings       the first {@link BlkparseImport#MAX_WARNINGS} problems
 * @param warningsNotShown how many more problems there were
 * @param bytes          the heap the events hold: {@link #EVENT_BYTES} each, plus the text of every
 *                       string not shared with another event
 */
public record ImportedTrace(List<TraceEvent> events, long lines, long skipped, Map<String, Long> actions,
                            List<Integer> cpus, List<String> devices, List<Warning> warnings, long warningsNotShown,
                            long bytes) {

    /**
     * One {@link TraceEvent} on a 64-bit JVM with compressed pointers: a 16-byte header, seven ints,
     * four longs and four references (92, padded to 96), and its slot in the list, rounded up.
     */
    public static final int EVENT_BYTES = 104;

    public record Warning(long line, String message) {
    }

    public long parsed() {
        return events.size();
    }
}
