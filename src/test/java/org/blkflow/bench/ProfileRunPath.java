package org.blkflow.bench;

import org.blkflow.model.BlockLayerRun;
import org.blkflow.stats.RunStats;
import org.blkflow.transition.Transition;

/** Runs the /api/runs path for a while, for a profiler (JFR) to look at. */
public final class ProfileRunPath {
    private ProfileRunPath() {
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        long seed = 0;
        while (System.nanoTime() < end) {
            BlockLayerRun run = new BlockLayerRun(TransitionThroughputBenchmark.busyScenario(++seed), false);
            RunStats stats = new RunStats();
            for (int i = 0; i < 2_000_000; i++) {
                Transition t = run.next();
                if (t == null) break;
                stats.onTransition(t);
                n++;
            }
        }
        System.out.println("transitions/s " + n / seconds);
    }
}
