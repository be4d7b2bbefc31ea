package org.blkflow.model;

import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.blkflow.scenario.Costs;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.Test;

/**
 * The device each move of a several-device run names ({@code dev}, nullbN's N): the one the job's round
 * robin sent its bio to (fio's filename list with file_service_type=roundrobin), from Q to the free.
 */
class TransitionDeviceTest {

    /**
     * One synchronous reader going round nullb2, nullb0, nullb1: each bio's nine moves (Q G P U D
     * queue_rq C bio_end free) are all on the device its turn chose.
     */
    @Test
    void everyMoveOfABioAndItsRequestIsOnTheDeviceItsTurnOfTheRoundRobinChose() {
        List<Transition> ts = RunRecorder.run(scenario().kernel70("none").irq("none").devices(3, false)
                .job(job().cpus(0).rw("read").iodepth(1).ios(6).devices(2, 0, 1)).build());
        List<Integer> expected = new ArrayList<>();
        for (int device : List.of(2, 0, 1, 2, 0, 1)) for (int move = 0; move < 9; move++) expected.add(device);
        assertEquals(expected, ts.stream().map(Transition::dev).toList());
        assertEquals("queue getrq plug unplug issue queue_rq complete bio_end free", RunRecorder.kinds(ts.subList(0, 9)));
    }

    /**
     * Four tasks on four CPUs, each going round both devices under mq-deadline, with the default CPU
     * costs (so the two queues' locks are contended): every task's Qs alternate 0, 1, 0, 1 from its own
     * first file, every later move of a bio or request is on its Q's device, a queue's move (U,
     * run_queue, run_async) on the device of its hctx, and a lock move on none.
     */
    @Test
    void aTasksQsFollowItsRoundRobinAndEveryLaterMoveStaysOnItsDevice() {
        List<Transition> ts = RunRecorder.run(scenario().seed(11).kernel70("mq-deadline").cpus(4).irq("timer")
                .costs(Costs.DEFAULT).devices(2, false)
                .job(job().name("a").cpus(0, 2).rw("randwrite").libaio().iodepth(8).ios(12).devices(0, 1))
                .job(job().name("b").cpus(1, 3).rw("randread").libaio().iodepth(8).ios(12).devices(1, 0)).build());
        Map<Integer, List<Integer>> qsByCpu = new TreeMap<>();
        Map<Long, Integer> bioDev = new HashMap<>();
        Map<Long, Integer> requestDev = new HashMap<>();
        int locks = 0;
        for (Transition t : ts) {
            if ("Q".equals(t.action())) {
                qsByCpu.computeIfAbsent(t.cpu(), c -> new ArrayList<>()).add(t.dev());
                bioDev.put(t.bio(), t.dev());
            } else if (t.lock() != null) {
                assertEquals(-1, t.dev(), "a lock move is on no device: " + t);
                locks++;
            } else if (t.bio() >= 0) {
                assertEquals(bioDev.get(t.bio()), t.dev(), "bio " + t.bio() + " stays on its Q's device: " + t);
            } else if (t.req() < 0) {
                assertEquals(t.hctx(), t.dev(), "one hctx per device: a queue's move is on its hctx's device: " + t);
            }
            if (t.req() >= 0 && t.bio() >= 0) requestDev.putIfAbsent(t.req(), t.dev());
            if (t.req() >= 0) assertEquals(requestDev.get(t.req()), t.dev(), "request " + t.req() + ": " + t);
        }
        assertEquals(Map.of(0, alternating(0), 1, alternating(1), 2, alternating(0), 3, alternating(1)), qsByCpu);
        assertTrue(locks > 0, "the default costs contend for the queues' locks");
    }

    /** One device: no move names one, so every one-device stream reads as before. */
    @Test
    void aRunOfOneDeviceNamesNone() {
        List<Transition> ts = RunRecorder.run(scenario().kernel70("mq-deadline").cpus(2).irq("timer")
                .job(job().cpus(0, 1).rw("randrw").libaio().iodepth(4).ios(8)).build());
        assertEquals(List.of(-1), ts.stream().map(Transition::dev).distinct().toList());
    }

    private static List<Integer> alternating(int first) {
        List<Integer> devs = new ArrayList<>();
        for (int i = 0; i < 12; i++) devs.add((first + i) % 2);
        return devs;
    }
}
