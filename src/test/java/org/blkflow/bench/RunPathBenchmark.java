package org.blkflow.bench;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Costs;
import org.blkflow.stats.RunStats;
import org.blkflow.transition.Transition;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What POST /api/runs does without HTTP: the time-true model run to its end with RunStats fed
 * every transition, then lockstat's figures. Beside it, in the same JMH run, the yardstick the
 * issue names: a bare java.util.PriorityQueue event loop whose events do nothing but reschedule.
 *
 * <p>Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.args="RunPath -f 1 -wi 3 -i 5"}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class RunPathBenchmark {

    @State(Scope.Thread)
    public static class RunState {
        /** ZERO: free CPUs, only the device takes time; DEFAULT: the cost table a user's run gets. */
        @Param({"ZERO", "DEFAULT"})
        public String costs = "DEFAULT";
        BlockLayerRun run;
        RunStats stats;
        long seed;

        @Setup(Level.Iteration)
        public void fresh() {
            start();
        }

        void start() {
            Costs table = costs.equals("ZERO") ? Costs.ZERO : Costs.DEFAULT;
            run = new BlockLayerRun(TransitionThroughputBenchmark.busyScenario(++seed, table), false);
            stats = new RunStats();
        }

        Transition next() {
            Transition t = run.next();
            if (t == null) {
                stats.recordLocks(run.lockStats());
                start();
                t = run.next();
            }
            stats.onTransition(t);
            return t;
        }
    }

    /** An event of the bare loop: a time, a tie-breaking sequence, and nothing else to do. */
    record Event(long time, long seq) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    @State(Scope.Thread)
    public static class BareLoop {
        final PriorityQueue<Event> queue = new PriorityQueue<>();
        long seq;

        @Setup(Level.Iteration)
        public void fresh() {
            queue.clear();
            for (int i = 0; i < 64; i++) queue.add(new Event(i, seq++));
        }

        /** Pops the earliest event and schedules its successor, as an empty event would. */
        long step() {
            Event e = queue.poll();
            queue.add(new Event(e.time() + 1 + (e.time() & 7), seq++));
            return e.time();
        }
    }

    /** One transition of the /api/runs path (model + statistics) per operation. */
    @Benchmark
    public Transition runPathTransition(RunState state) {
        return state.next();
    }

    /** One empty event of a bare PriorityQueue loop per operation. */
    @Benchmark
    public long barePriorityQueueEvent(BareLoop loop) {
        return loop.step();
    }
}
