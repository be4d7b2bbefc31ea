package org.blkflow.model;

import static org.blkflow.model.DispatchTest.indexOf;
import static org.blkflow.model.RunRecorder.run;
import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/** Spec §9 rules 15–19 and 22: tag sleeps and batched wakeups, reserved tags, completion. */
class TagsAndCompletionTest {

    @Test
    void aSubmitterWithoutTagsTracesSAndSleepsUntilATagIsFreed() {
        List<Transition> ts = run(scenario().depth(4).irq("timer")
                .job(job().rw("randread").libaio().iodepth(6).ios(6)).build());
        int sleep = indexOf(ts, TransitionKind.SLEEP, 0);
        assertEquals("S", ts.get(sleep).action());
        assertEquals("tagwait:0", ts.get(sleep).to().toString());
        assertEquals(4, ts.subList(0, sleep).stream().filter(t -> t.kind() == TransitionKind.TAG_GET).count());
        int wake = indexOf(ts, TransitionKind.WAKE, sleep);
        assertEquals(TransitionKind.FREE, ts.get(wake - 1).kind(), "woken by the free (wake_cnt is 1 for 4 tags)");
        assertEquals(ts.get(sleep).bio(), ts.get(wake).bio());
        int retry = indexOf(ts, TransitionKind.TAG_GET, wake);
        assertEquals(ts.get(sleep).bio(), ts.get(retry).bio(), "the woken bio takes the freed tag");
        Transition lastFree = ts.subList(0, retry).stream().filter(t -> t.kind() == TransitionKind.FREE)
                .reduce((a, b) -> b).orElseThrow();
        assertEquals(lastFree.tag(), ts.get(retry).tag(), "the search starts at the ctx's last freed tag");
    }

    @Test
    void wakeupsComeInBatchesOfWakeCnt() {
        // 16 normal tags → wake_cnt = 2: the sleeper needs two frees.
        List<Transition> ts = run(scenario().depth(16).irq("timer")
                .job(job().rw("randread").libaio().iodepth(17).ios(17)).build());
        int sleep = indexOf(ts, TransitionKind.SLEEP, 0);
        int wake = indexOf(ts, TransitionKind.WAKE, sleep);
        long frees = ts.subList(sleep, wake).stream().filter(t -> t.kind() == TransitionKind.FREE).count();
        assertEquals(2, frees);
    }

    @Test
    void bioNeverGetReservedTags() {
        List<Transition> ts = run(scenario().depth(8).reserved(3).irq("timer")
                .job(job().rw("randwrite").libaio().iodepth(16).ios(32)).build());
        assertTrue(ts.stream().filter(t -> t.kind() == TransitionKind.TAG_GET).allMatch(t -> t.tag() >= 3));
        assertTrue(ts.stream().anyMatch(t -> t.kind() == TransitionKind.SLEEP), "5 normal tags ran out");
    }

    @Test
    void sleepingFlushesThePlugFromScheduleAsUtThroughKblockd() {
        List<Transition> ts = run(scenario().depth(4).irq("timer")
                .job(job().rw("randwrite").libaio().iodepth(8).plug().ios(8)).build());
        int sleep = indexOf(ts, TransitionKind.SLEEP, 0);
        Transition unplug = ts.get(indexOf(ts, TransitionKind.UNPLUG, 0));
        assertEquals("UT", unplug.action());
        assertTrue(unplug.seq() > sleep, "io_schedule flushes after S");
        assertEquals(4, unplug.count());
        int async = indexOf(ts, TransitionKind.RUN_ASYNC, (int) unplug.seq());
        int run = indexOf(ts, TransitionKind.RUN_QUEUE, async);
        assertTrue(ts.get(run).comm().startsWith("kworker/"), "dispatched through kblockd");
    }

    @Test
    void timerModeCompletesEveryCommandOfTheBatchAtTheFirstCommandsTimePlusCompletionNs() {
        List<Transition> ts = run(scenario().irq("timer").completionNs(7_000)
                .job(job().rw("randread").libaio().iodepth(4).ios(4)).build());
        List<Transition> completes = ts.stream().filter(t -> t.kind() == TransitionKind.COMPLETE).toList();
        assertEquals(4, completes.size());
        assertTrue(completes.stream().allMatch(c -> c.t() == 7_000), "one hrtimer, one batch");
        assertTrue(completes.stream().allMatch(c -> c.comm().equals("swapper/0")), "hard-irq context");
    }

    @Test
    void aCompletionOnAnotherCpuIsSentToTheSubmitterByIpi() {
        // CPU 1 submits; hctx 0's kblockd work runs on CPU 0, where softirq completion happens.
        List<Transition> ts = run(scenario().cpus(4).hwQueues(2)
                .job(job().cpus(1).rw("write").ios(1)).build());
        Transition issue = ts.get(indexOf(ts, TransitionKind.ISSUE, 0));
        assertEquals(0, issue.cpu());
        Transition ipi = ts.get(indexOf(ts, TransitionKind.IPI, 0));
        assertEquals(0, ipi.cpu());
        Transition complete = ts.get(indexOf(ts, TransitionKind.COMPLETE, 0));
        assertEquals(1, complete.cpu(), "completed on the submitting CPU");
    }

    @Test
    void aCompletionOnTheSubmittingCpuNeedsNoIpi() {
        List<Transition> ts = run(scenario().job(job().rw("read").ios(3)).build());
        assertTrue(ts.stream().noneMatch(t -> t.kind() == TransitionKind.IPI));
    }

    @Test
    void tagsComeBackOnlyWhenTheirRequestCompletesOrIsFreed() {
        List<Transition> ts = run(scenario().depth(8).irq("timer")
                .job(job().rw("write").libaio().iodepth(8).ios(40)).build());
        for (Transition t : ts) {
            if (t.kind() != TransitionKind.FREE) continue;
            String from = t.from().toString();
            assertTrue(from.equals("done") || from.equals("task:0"), "freed from " + from);
        }
    }
}
