package org.blkflow.scenario;

import static org.blkflow.scenario.ScenarioFields.DEVICE_COUNT;
import static org.blkflow.scenario.ScenarioFields.HW_QUEUES;
import static org.blkflow.scenario.ScenarioFields.JOB_DEVICES;
import static org.blkflow.scenario.ScenarioFields.KERNEL;
import static org.blkflow.scenario.ScenarioFields.SCHEDULER;
import static org.blkflow.scenario.ScenarioFields.SHARED_TAGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * null_blk's nr_devices and shared_tags, and a job's devices (fio's filename list): 7.0's alone, a
 * device number the run does not have is named with the range, and a one-device scenario's link and
 * JSON carry none of them, so every scenario written before reads and writes as it did.
 */
class DeviceFieldsTest {

    private static List<Problem> problems(boolean v70, Consumer<ScenarioDraft> edit) {
        ScenarioDraft d = new ScenarioDraft();
        if (v70) d.set(KERNEL, Kernel.V7_0);
        edit.accept(d);
        return ScenarioValidator.validate(d.build());
    }

    private static void job(ScenarioDraft d, List<Integer> devices) {
        JobDraft j = new JobDraft();
        j.set(JOB_DEVICES, devices);
        d.jobs(List.of(j.build()));
    }

    @Test
    void a316ScenarioWithSeveralDevicesOrSharedTagsIsRefusedSayingWhy() {
        List<Problem> count = problems(false, d -> d.device.set(DEVICE_COUNT, 2));
        assertEquals(List.of("device.count"), count.stream().map(Problem::field).toList());
        assertTrue(count.get(0).message().contains("\"3.16\"") && count.get(0).message().contains("1-4"),
                count.get(0).message());
        assertEquals(List.of("device.sharedTags"), problems(false, d -> d.device.set(SHARED_TAGS, true))
                .stream().map(Problem::field).toList());
        assertEquals(List.of("jobs[0].devices"), problems(false, d -> job(d, List.of(0, 1)))
                .stream().map(Problem::field).toList());
    }

    @Test
    void aDeviceTheRunDoesNotHaveIsNamedWithTheRange() {
        assertEquals(List.of(), problems(true, d -> { d.device.set(DEVICE_COUNT, 2); job(d, List.of(0, 1)); }));
        List<Problem> over = problems(true, d -> { d.device.set(DEVICE_COUNT, 2); job(d, List.of(1, 2)); });
        assertEquals(List.of("jobs[0].devices"), over.stream().map(Problem::field).toList());
        assertTrue(over.get(0).message().contains("device 2") && over.get(0).message().contains("0-1"),
                over.get(0).message());
        assertEquals(List.of("jobs[0].devices"), problems(true, d -> job(d, List.of())).stream().map(Problem::field).toList());
    }

    @Test
    void sharedTagsAreModelledWithoutASchedulerOnly() {
        List<Problem> deadline = problems(true, d -> { d.device.set(DEVICE_COUNT, 2); d.device.set(SHARED_TAGS, true); });
        assertEquals(List.of("device.sharedTags"), deadline.stream().map(Problem::field).toList());
        assertTrue(deadline.get(0).message().contains("mq-deadline"), deadline.get(0).message());
        assertEquals(List.of(), problems(true, d -> { d.device.set(DEVICE_COUNT, 2); d.device.set(SHARED_TAGS, true);
            d.set(SCHEDULER, Scheduler.NONE); }));
        assertEquals(List.of(), problems(true, d -> { d.device.set(SHARED_TAGS, true); d.set(HW_QUEUES, 1); }),
                "one device shares nothing, so the scheduler is free");
    }

    @Test
    void oneDeviceLeavesLinksAsTheyWere() {
        Scenario one = new ScenarioDraft().set(KERNEL, Kernel.V7_0).build();
        String link = ScenarioLink.encode(one);
        assertTrue(!link.contains("count") && !link.contains("devs") && !link.contains("shared"), link);
        ScenarioDraft two = new ScenarioDraft().set(KERNEL, Kernel.V7_0).set(SCHEDULER, Scheduler.NONE);
        two.device.set(DEVICE_COUNT, 2).set(SHARED_TAGS, true);
        job(two, List.of(0, 1));
        Scenario s = two.build();
        String both = ScenarioLink.encode(s);
        assertTrue(both.contains("devs:0-1"), both);
        assertEquals(s, ScenarioLink.decode(both).scenario());
        assertEquals(Arrays.asList(0, 1), s.jobs().get(0).devicesOf(2));
    }
}
