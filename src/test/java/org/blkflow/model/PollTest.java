package org.blkflow.model;

import static org.blkflow.model.Kernel70PlugRulesTest.letters;
import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.blkflow.scenario.Kernel;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioDraft;
import org.blkflow.scenario.ScenarioFields;
import org.blkflow.scenario.Scheduler;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/** Poll queues and polled io_uring in Linux 7.0: spec kernel-6x.md §7.3, §7.4 and §9 rules 34 and 35. */
class PollTest {

    /** One submit queue and one poll queue, as null_blk's defaults; the timer would take 1 ms. */
    private static ScenarioBuilder nullBlkDefaults() {
        return scenario().kernel70("none").pollQueues(1).irq("timer").completionNs(1_000_000);
    }

    @Test
    void rule34_aPolledReadUsesThePollHctxAndCompletesWhenItsSubmitterPolls() {
        List<Transition> ts = RunRecorder.run(nullBlkDefaults().job(job().polled()).build());
        assertEquals("Q G P U(1) D C", letters(ts, true));
        assertEquals("queue getrq plug unplug issue queue_rq complete bio_end free", RunRecorder.kinds(ts));
        Transition d = ts.stream().filter(t -> "D".equals(t.action())).findFirst().orElseThrow();
        assertEquals("driver:1", d.to().toString(), "hctx 1: POLL, queue_offset = submit_queues = 1");
        Transition c = ts.stream().filter(t -> "C".equals(t.action())).findFirst().orElseThrow();
        assertEquals(0, c.t(), "no 1 ms timer: null_poll finds the command at once");
        assertEquals(1000, c.pid(), "completed by the submitting task, not an interrupt");
        assertEquals("blk_complete_request", c.fn(), "batch completion (blk_mq_end_request_batch)");
        assertEquals("blk_mq_flush_tag_batch", ts.get(ts.size() - 1).fn());
    }

    @Test
    void rule34_batchCompletionsComeInPollOrderAndTagsGoBackInGroupsOf32() {
        List<Transition> ts = RunRecorder.run(nullBlkDefaults().job(job().rw("randread").polled().iodepth(40).plug()
                .ios(40)).build());
        List<Long> queued = ts.stream().filter(t -> t.kind() == TransitionKind.QUEUE_RQ).map(Transition::req).toList();
        List<Long> completed = ts.stream().filter(t -> "C".equals(t.action())).map(Transition::req).toList();
        assertEquals(queued, completed, "C's in poll-list order");
        String tail = ts.stream().filter(t -> t.kind() == TransitionKind.COMPLETE || t.kind() == TransitionKind.FREE)
                .map(t -> t.kind() == TransitionKind.COMPLETE ? "C" : "f").collect(Collectors.joining());
        assertEquals("C".repeat(33) + "f".repeat(32) + "C".repeat(7) + "f".repeat(8), tail,
                "the 33rd request flushes the first 32 tags (TAG_COMP_BATCH), the last 8 go at the end");
        assertTrue(ts.stream().filter(t -> "C".equals(t.action())).allMatch(t -> t.pid() == 1000 && t.cpu() == 0));
    }

    @Test
    void withoutPollQueuesHipriIsNotPolledAndAnInterruptCompletes() {
        List<Transition> ts = RunRecorder.run(nullBlkDefaults().pollQueues(0).job(job().polled()).build());
        assertEquals("Q G P U(1) D C", letters(ts, true));
        Transition c = ts.stream().filter(t -> "C".equals(t.action())).findFirst().orElseThrow();
        assertEquals(1_000_000, c.t(), "REQ_POLLED was cleared: the 1 ms hrtimer completes it");
        assertEquals(0, c.pid());
        assertEquals("driver:0", ts.stream().filter(t -> "D".equals(t.action())).findFirst().orElseThrow().to().toString());
    }

    @Test
    void unpolledIoBesidePolledIoKeepsToTheDefaultHctxAndItsInterrupts() {
        List<Transition> ts = RunRecorder.run(nullBlkDefaults().cpus(2)
                .job(job().cpus(0).rw("randread").polled().libaio().iodepth(4).ios(8))
                .job(job().name("irq").cpus(1).rw("randread").libaio().iodepth(4).ios(8)).build());
        for (Transition t : ts) {
            if (!"C".equals(t.action())) continue;
            boolean polled = t.hctx() == 1;
            assertEquals(polled, t.pid() == 1000, RunRecorder.describe(t));
            assertEquals(polled, t.ctx() == 0, "only CPU 0's job polls: " + RunRecorder.describe(t));
        }
        assertEquals(16, ts.stream().filter(t -> "C".equals(t.action())).count());
    }

    @Test
    void rule35_pollQueuesCountTowardsTheDefaultScheduler() {
        ScenarioDraft d = new ScenarioDraft();
        d.set(ScenarioFields.KERNEL, Kernel.V7_0);
        d.set(ScenarioFields.HW_QUEUES, 1);
        assertEquals(Scheduler.MQ_DEADLINE, d.build().scheduler(), "one hctx: mq-deadline");
        d.device.set(ScenarioFields.POLL_QUEUES, 1);
        Scenario withPoll = d.build();
        assertEquals(Scheduler.NONE, withPoll.scheduler(), "null_blk's defaults: 1 submit + 1 poll queue = 2 hctxs");
    }

    @Test
    void pollQueuesUnderKyberAndMqDeadlineEndOneByOneWithoutABatch() {
        for (String sched : List.of("kyber", "mq-deadline")) {
            List<Transition> ts = RunRecorder.run(scenario().kernel70(sched).pollQueues(1).irq("timer")
                    .job(job().rw("randread").polled().libaio().iodepth(4).ios(8)).build());
            List<Transition> c = ts.stream().filter(t -> "C".equals(t.action())).toList();
            assertEquals(8, c.size());
            assertTrue(c.stream().allMatch(t -> t.pid() == 1000 && t.hctx() == 1 && t.fn().equals("blk_update_request")),
                    sched + ": scheduler-tagged requests are refused by blk_mq_add_to_batch");
        }
    }
}
