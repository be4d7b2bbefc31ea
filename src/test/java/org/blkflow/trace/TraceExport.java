package org.blkflow.trace;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.util.Map;
import java.util.TreeMap;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Scenario;
import org.blkflow.stats.RunStats;
import org.blkflow.transition.Transition;

/** One run written both ways at once, with blkflow's own statistics and action counts beside it. */
record TraceExport(byte[] binary, String text, RunStats stats, Map<String, Integer> actions, int events) {

    static TraceExport of(Scenario scenario) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter text = new StringWriter();
        BlktraceWriter binary = new BlktraceWriter(bytes);
        BlkparseWriter blkparse = new BlkparseWriter(text);
        RunStats stats = new RunStats();
        Map<String, Integer> actions = new TreeMap<>();
        int events = 0;
        BlockLayerRun run = new BlockLayerRun(scenario, false);
        for (Transition t = run.next(); t != null; t = run.next()) {
            binary.onTransition(t);
            blkparse.onTransition(t);
            stats.onTransition(t);
            if (t.action() != null) {
                actions.merge(t.action(), 1, Integer::sum);
                events++;
            }
        }
        binary.finish();
        blkparse.finish();
        return new TraceExport(bytes.toByteArray(), text.toString(), stats, actions, events);
    }
}
