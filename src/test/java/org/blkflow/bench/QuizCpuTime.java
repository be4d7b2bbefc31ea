package org.blkflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.blkflow.quiz.NextStepQuiz;

/**
 * What one GET /api/quiz costs at a step: NextStepQuiz replays the run from step 0 to the step (no
 * snapshots, no statistics), then looks 256 steps ahead. Thread CPU time, so other work on the machine
 * does not distort it; the first round is a cold JVM's. The scenario is SeekCpuTime's.
 *
 * <p>Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=org.blkflow.bench.QuizCpuTime -Dbench.args=}
 */
public final class QuizCpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long[] STEPS = {1_000, 100_000, 1_000_000, 4_000_000};

    private QuizCpuTime() {
    }

    public static void main(String[] args) {
        for (int round = 1; round <= 4; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (long step : STEPS) {
                long start = THREADS.getCurrentThreadCpuTime();
                boolean asked = NextStepQuiz.at(SeekCpuTime.scenario(), step).isPresent();
                line.append(String.format(" step %,d %d ms%s;", step, (THREADS.getCurrentThreadCpuTime() - start) / 1_000_000,
                        asked ? "" : " (run over)"));
            }
            System.out.println(line);
        }
    }
}
