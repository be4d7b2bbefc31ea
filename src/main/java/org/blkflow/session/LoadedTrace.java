package org.blkflow.session;

import java.util.List;

/**
 * What a session replays when it was loaded with an imported trace, and the machine it is drawn on.
 *
 * @param cpus       the CPUs that logged events, ascending
 * @param skipped    events that became no transition (see TraceReplay)
 * @param cpuCount   the highest CPU in the trace + 1, or the CPU→hctx map's length if that is longer
 * @param hwQueues   the highest hctx in the map + 1 (1 without a map: every CPU on hctx 0)
 * @param queueDepth the most requests one hardware queue held at once in the trace (its real depth is not traced)
 */
public record LoadedTrace(String id, long lines, List<Integer> cpus, List<String> devices, long skipped,
                          int cpuCount, int hwQueues, int queueDepth) {

    public LoadedTrace {
        cpus = List.copyOf(cpus);
        devices = List.copyOf(devices);
    }
}
