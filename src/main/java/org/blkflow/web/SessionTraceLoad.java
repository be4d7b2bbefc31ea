package org.blkflow.web;

import java.util.List;
import org.blkflow.session.LiveSession;
import org.blkflow.session.SessionModel;
import org.blkflow.trace.ImportedTrace;
import org.blkflow.trace.TraceStore;
import tools.jackson.databind.JsonNode;

/**
 * {@code {"cmd":"load","trace":"ID","mapping":[…]}}: a trace from the store, replayed on the given
 * CPU→hctx map (as POST /api/mapping/sysfs returns it) or, without one, with every CPU on hctx 0.
 */
final class SessionTraceLoad {

    private final SessionModel model;
    private final TraceStore store;

    SessionTraceLoad(SessionModel model, TraceStore store) {
        this.model = model;
        this.store = store;
    }

    LiveSession open(SessionFields f) {
        String id = f.string("trace", null);
        ImportedTrace trace = store.get(id).orElseThrow(() -> f.fail("trace", "'" + id
                + "' is no imported trace (traces are kept in memory, " + TraceStore.MAX_TRACES
                + " at most, the least recently used dropped first, and are lost on restart)"));
        List<Integer> cpus = trace.cpus();
        int traced = cpus.isEmpty() ? 1 : cpus.get(cpus.size() - 1) + 1;
        if (traced > SessionLimits.MAX_TRACE_CPUS) {
            throw f.fail("trace", "has events from CPU " + (traced - 1) + "; a replay draws at most "
                    + SessionLimits.MAX_TRACE_CPUS + " CPUs");
        }
        return model.replay(id, trace, mapping(f, traced));
    }

    /** The hctx of each CPU, or null; it must cover every CPU in the trace. */
    private static int[] mapping(SessionFields f, int traced) {
        JsonNode node = f.raw("mapping");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.size() > SessionLimits.MAX_TRACE_CPUS) {
            throw f.fail("mapping", "must be an array of at most " + SessionLimits.MAX_TRACE_CPUS
                    + " hctx numbers, one per CPU");
        }
        if (node.size() < traced) {
            throw f.fail("mapping", "maps " + node.size() + " CPUs but the trace has events from CPU " + (traced - 1));
        }
        int[] map = new int[node.size()];
        for (int cpu = 0; cpu < map.length; cpu++) {
            JsonNode h = node.get(cpu);
            if (!h.isIntegralNumber() || h.longValue() < 0 || h.longValue() >= SessionLimits.MAX_TRACE_CPUS) {
                throw f.fail("mapping", "entry " + cpu + " must be an hctx number between 0 and "
                        + (SessionLimits.MAX_TRACE_CPUS - 1));
            }
            map[cpu] = h.intValue();
        }
        return map;
    }
}
