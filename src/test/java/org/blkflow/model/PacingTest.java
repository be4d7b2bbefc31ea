package org.blkflow.model;

import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.LongStream;
import org.blkflow.scenario.Scenario;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/**
 * fio's rate_iops and thinktime: the submitting task waits in virtual time. With free CPUs (the
 * builder's zero costs) a bio's Q is at the very nanosecond its batch starts, so the times are exact.
 */
class PacingTest {

    /** rate_iops=1000: bio n is queued n ms into the run, the device being far quicker. */
    @Test
    void rateIopsSpacesTheBiosOfASyncTask() {
        assertEquals(every(1_000_000, 6), queueTimes(scenario().irq("timer").completionNs(10_000)
                .job(job().rw("randread").ios(6).rateIops(1000)).build()));
    }

    /** With iodepth to spare, libaio still submits each bio at its own turn: 4000 IOPS → 250 µs apart. */
    @Test
    void rateIopsSpacesTheBiosOfAnAsyncTaskToo() {
        assertEquals(every(250_000, 8), queueTimes(scenario().irq("timer").completionNs(10_000)
                .job(job().rw("randwrite").libaio().iodepth(8).ios(8).rateIops(4000)).build()));
    }

    /** A device slower than the rate: each bio waits for the last (sync), then goes at once, being late. */
    @Test
    void aTaskBehindItsRateSubmitsAsSoonAsItCan() {
        assertEquals(every(2_000_000, 4), queueTimes(scenario().irq("timer").completionNs(2_000_000)
                .job(job().rw("read").ios(4).rateIops(1000)).build()));
    }

    /** Each task of a job has its own rate, as each of fio's numjobs clones has. */
    @Test
    void everyTaskKeepsItsOwnRate() {
        List<Transition> q = queued(scenario().cpus(2).irq("timer")
                .job(job().cpus(0, 1).rw("randread").ios(3).rateIops(500)).build());
        for (int cpu = 0; cpu < 2; cpu++) {
            int c = cpu;
            assertEquals(every(2_000_000, 3), q.stream().filter(t -> t.cpu() == c).map(Transition::t).toList());
        }
    }

    /** thinktime=50 µs after each bio: completion 10 µs later, then 50 µs asleep, so 60 µs apart. */
    @Test
    void thinktimeSleepsAfterEachCompletedBio() {
        assertEquals(every(60_000, 5), queueTimes(scenario().irq("timer").completionNs(10_000)
                .job(job().rw("randread").ios(5).thinktime(50, 1)).build()));
    }

    /**
     * thinktime_blocks=4 on libaio iodepth 8: four bios go at once, the task waits for all four to
     * complete (fio's io_u_quiesce), sleeps 50 µs, and the next four go 60 µs after the first.
     */
    @Test
    void thinktimeBlocksSubmitsABurstThenDrainsAndSleeps() {
        assertEquals(List.of(0L, 0L, 0L, 0L, 60_000L, 60_000L, 60_000L, 60_000L, 120_000L, 120_000L),
                queueTimes(scenario().irq("timer").completionNs(10_000)
                        .job(job().rw("randwrite").libaio().iodepth(8).ios(10).thinktime(50, 4)).build()));
    }

    /** No sleep after the last bio: the run ends with its last completion. */
    @Test
    void noThinkingAfterTheLastBio() {
        List<Transition> ts = RunRecorder.run(scenario().irq("timer").completionNs(10_000)
                .job(job().rw("randread").ios(3).thinktime(1000, 1)).build());
        assertEquals(2 * 1_010_000 + 10_000, ts.get(ts.size() - 1).t());
    }

    private static List<Long> every(long gapNs, int n) {
        return LongStream.range(0, n).map(i -> i * gapNs).boxed().toList();
    }

    private static List<Long> queueTimes(Scenario s) {
        return queued(s).stream().map(Transition::t).toList();
    }

    private static List<Transition> queued(Scenario s) {
        return RunRecorder.run(s).stream().filter(t -> t.kind() == TransitionKind.QUEUE).toList();
    }
}
