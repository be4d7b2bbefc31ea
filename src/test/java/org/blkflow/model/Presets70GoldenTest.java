package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.function.Predicate;
import org.blkflow.scenario.IoEngine;
import org.blkflow.scenario.Job;
import org.blkflow.scenario.Kernel;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.Rw;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.Scheduler;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's six 7.0 presets: each is there, is what the issue asks for, and has a reviewed golden
 * stream of a smaller scenario with the same defining shape (so the stream shows what the preset is
 * about). The stories each preset tells are PresetStories'.
 */
class Presets70GoldenTest {

    /** BLK_MAX_REQUEST_COUNT, spec §2.2 (a single queue, no nr_ios batch). */
    private static final int PLUG_LIMIT = 32;

    /** What each preset must be, checked on the preset and on its golden scenario alike. */
    private static final List<Shape> SHAPES = List.of(
            new Shape("nvme-70", "an NVMe-like device on none, one queue per CPU",
                    s -> s.scheduler() == Scheduler.NONE && s.hwQueues() == s.cpus() && s.cpus() > 1),
            new Shape("sata-70", "a SATA-like device, one queue, mq-deadline",
                    s -> s.scheduler() == Scheduler.MQ_DEADLINE && s.hwQueues() == 1),
            new Shape("kyber-70", "kyber on a fast device under mixed reads and writes",
                    s -> s.scheduler() == Scheduler.KYBER && s.device().completionNs() <= 10_000
                            && s.jobs().stream().anyMatch(j -> j.rw() == Rw.RANDRW)),
            new Shape("plug-limit-70", "the plug limit at 32: more than 32 requests under one plug",
                    s -> s.jobs().stream().anyMatch(j -> j.plug() && j.iodepth() > PLUG_LIMIT && j.ios() > PLUG_LIMIT)),
            new Shape("numa-70", "a two-node NUMA map", s -> s.nodes() == 2),
            new Shape("poll-70", "polled io_uring on poll queues",
                    s -> s.device().pollQueues() > 0 && s.jobs().stream().anyMatch(Presets70GoldenTest::polled)),
            new Shape("shared-tags-70", "two null_blk devices on one shared tag set, a job on each, no scheduler",
                    s -> s.device().count() == 2 && s.device().tagsShared() && s.scheduler() == Scheduler.NONE
                            && s.jobs().stream().map(Job::devices).toList().containsAll(List.of(List.of(0), List.of(1)))));

    private record Shape(String id, String what, Predicate<Scenario> holds) {
    }

    private static boolean polled(Job j) {
        return j.ioengine() == IoEngine.IO_URING && j.hipri();
    }

    @Test
    void eachPresetIsWhatTheIssueAsksForAndHasAGoldenStreamOfItsShape() throws Exception {
        for (Shape shape : SHAPES) {
            Scenario preset = Presets.all().stream().filter(p -> p.id().equals(shape.id())).findFirst()
                    .orElseThrow(() -> new AssertionError("no preset " + shape.id())).scenario();
            assertEquals(Kernel.V7_0, preset.kernel(), shape.id());
            assertTrue(shape.holds().test(preset), shape.id() + " is " + shape.what() + ": " + preset);
            assertTrue(GoldenScenarios.NAMES.contains(shape.id()), "a golden stream named " + shape.id());
            assertTrue(Files.size(GoldenStreamTest.DIR.resolve(shape.id() + ".txt")) > 0, shape.id());
            Scenario golden = GoldenScenarios.named(shape.id());
            assertEquals(Kernel.V7_0, golden.kernel(), shape.id());
            assertTrue(shape.holds().test(golden), "golden " + shape.id() + " is " + shape.what() + " too: " + golden);
        }
    }
}
