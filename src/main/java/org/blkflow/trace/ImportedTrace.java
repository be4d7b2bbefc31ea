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
 */
public record ImportedTrace(List<TraceEvent> events, long lines, long skipped, Map<String, Long> actions,
                            List<Integer> cpus, List<String> devices, List<Warning> warnings, long warningsNotShown) {

    public record Warning(long line, String message) {
    }

    public long parsed() {
        return events.size();
    }
}
