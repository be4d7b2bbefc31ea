package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.blkflow.scenario.Scenario;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/**
 * Issues 10 and 11: 10,000 seeded random valid scenarios across every mode, scheduler, driver, ring
 * layout and irq mode. Every one runs to its end with every bio ended, no invariant violated (the
 * time-true checks included) and no exception. The first failure names its seed.
 */
class TenThousandScenariosTest {

    static final int SCENARIOS = 10_000;
    /** Issue 14: Linux 7.0 scenarios, with the scheduler, the map, NUMA nodes and the costs varied. */
    static final int SCENARIOS_70 = 5_000;

    @Test
    void everyRandomScenarioCompletesWithNoViolationAndNoException() {
        Set<String> reached = new TreeSet<>();
        for (long seed = 0; seed < SCENARIOS; seed++) {
            Scenario s = RandomScenarios.generate(seed);
            reached.add(s.mode().label() + "/" + (s.mode().label().equals("sq") ? s.scheduler().label() : "-") + "/"
                    + s.device().driver().label() + "/"
                    + (s.device().driver().label().equals("xen-blkfront") ? s.device().rings() : s.device().irqMode()).label());
            long queued = 0;
            long ended = 0;
            try {
                BlockLayerRun run = new BlockLayerRun(s, false);
                for (Transition t = run.next(); t != null; t = run.next()) {
                    if (t.kind() == TransitionKind.QUEUE) queued++;
                    if (t.kind() == TransitionKind.BIO_END) ended++;
                }
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage() + "\n" + s, e);
            }
            assertEquals(queued, ended, "seed " + seed);
        }
        // mq and bio on null_blk in 3 irq modes, sq with 3 schedulers in 3 irq modes, xen on mq in 3
        // ring layouts and on sq: every combination the generator can make must have come up.
        assertTrue(reached.containsAll(Set.of("mq/-/null_blk/none", "mq/-/null_blk/softirq", "mq/-/null_blk/timer",
                "bio/-/null_blk/none", "bio/-/null_blk/timer", "sq/cfq/null_blk/timer", "sq/deadline/null_blk/softirq",
                "sq/noop/null_blk/none", "mq/-/xen-blkfront/single-lock", "mq/-/xen-blkfront/split-lock",
                "mq/-/xen-blkfront/per-hctx", "sq/cfq/xen-blkfront/single-lock")), reached.toString());
    }

    @Test
    void everyRandom70ScenarioCompletesWithNoViolationAndNoException() {
        Set<String> reached = new TreeSet<>();
        long splits = 0;
        long cached = 0;
        long unusedFreed = 0;
        for (long seed = 0; seed < SCENARIOS_70; seed++) {
            Scenario s = RandomScenarios.generate70(seed);
            reached.add(s.scheduler().label() + "/" + s.device().irqMode().label() + (s.device().slots() > 0 ? "/slots" : "")
                    + (s.numaNodes() != null ? "/numa" : "") + (s.device().budget() > 0 ? "/budget" : ""));
            if (s.device().count() > 1) reached.add("devices/" + s.scheduler().label() + (s.device().tagsShared() ? "/shared" : ""));
            java.util.Set<Long> queued = new java.util.HashSet<>();
            long ended = 0;
            try {
                BlockLayerRun run = new BlockLayerRun(s, false);
                for (Transition t = run.next(); t != null; t = run.next()) {
                    if (t.kind() == TransitionKind.QUEUE) queued.add(t.bio());
                    // A split piece ends too, but only the bio Q showed is the task's.
                    if (t.kind() == TransitionKind.BIO_END && queued.contains(t.bio())) ended++;
                    if (t.kind() == TransitionKind.SPLIT) splits++;
                    if (t.kind() == TransitionKind.CACHE) cached++;
                    if ("blk_mq_free_plug_rqs".equals(t.fn())) unusedFreed++;
                    if (t.kind() == TransitionKind.RQ_MERGE) reached.add("absorbed");
                    if ("blk_mq_requeue_request".equals(t.fn())) reached.add(s.scheduler().label() + "/driver-requeue");
                    if (t.kind() == TransitionKind.SLEEP && s.device().tagsShared()) reached.add("shared-tag-wait");
                    if (t.kind() == TransitionKind.UNPLUG && t.hctx() >= s.hwQueues()) reached.add("second-device-unplug");
                    assertTrue(!"S".equals(t.action()), "seed " + seed + ": 7.0 traced S");
                }
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage() + "\n" + s, e);
            }
            assertEquals(queued.size(), ended, "seed " + seed);
        }
        assertTrue(splits > 0 && cached > 0 && unusedFreed > 0,
                "splits " + splits + ", cached requests " + cached + ", unused ones freed " + unusedFreed);
        for (String sched : new String[] {"none", "mq-deadline", "kyber"}) {
            assertTrue(reached.stream().anyMatch(k -> k.startsWith(sched + "/") && k.endsWith("/budget")), sched + " with a budget: " + reached);
            assertTrue(reached.contains(sched + "/driver-requeue"), sched + " with null_blk's requeue injection: " + reached);
        }
        assertTrue(reached.contains("absorbed"), "mq-deadline absorbed a request (attempt_merge): " + reached);
        // Several devices under each scheduler, shared tags with their waits, a second device's plug flush.
        for (String k : new String[] {"devices/none", "devices/none/shared", "devices/mq-deadline", "devices/kyber",
            "shared-tag-wait", "second-device-unplug"}) {
            assertTrue(reached.contains(k), k + " never came up: " + reached);
        }
        for (String sched : new String[] {"none", "mq-deadline"}) {
            for (String irq : IRQ_MODES) {
                assertTrue(reached.contains(sched + "/" + irq), sched + "/" + irq + " never came up: " + reached);
                assertTrue(reached.contains(sched + "/" + irq + "/slots"), sched + "/" + irq + "/slots: " + reached);
                assertTrue(reached.contains(sched + "/" + irq + "/numa"), sched + "/" + irq + "/numa: " + reached);
            }
        }
    }

    private static final String[] IRQ_MODES = {"none", "softirq", "timer"};
}
