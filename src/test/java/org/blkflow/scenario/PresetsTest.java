package org.blkflow.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PresetsTest {

    @Test
    void theTeachingPresetsAreAllThere() {
        List<String> ids = Presets.all().stream().map(Preset::id).toList();
        assertTrue(ids.containsAll(List.of("figure1", "nvme-1to1", "plug-merge", "tags-exhausted", "busy-requeue",
                "fewer-ctx-than-hctx", "legacy-contention", "bio-based", "xen-io-lock", "sync-direct-issue")), ids.toString());
        assertEquals(ids.size(), ids.stream().distinct().count());
    }

    @Test
    void everyPresetIsValidSteppableAndAnnotated() {
        for (Preset p : Presets.all()) {
            assertEquals(List.of(), ScenarioValidator.validate(p.scenario()), p.id());
            assertEquals("timer", p.scenario().device().irqMode().label(), p.id());
            assertEquals(10_000, p.scenario().device().completionNs(), p.id());
            p.scenario().jobs().forEach(j -> assertTrue(j.ios() >= 8 && j.ios() <= 40, p.id()));
            assertFalse(p.note().isBlank());
            assertEquals(Costs.DEFAULT, p.scenario().costs(), p.id());
            assertEquals(p.scenario(), ScenarioLink.decode(ScenarioLink.encode(p.scenario())).scenario());
            assertEquals(p, Presets.matching(p.scenario()).orElseThrow(), "each preset's scenario is its own");
        }
    }

    @Test
    void eachPresetSetsUpWhatItsNoteDescribes() {
        assertEquals(2, byId("figure1").hwQueues());
        assertEquals(4, byId("figure1").cpus());
        Job figure1 = byId("figure1").jobs().get(0);
        assertTrue(figure1.rw().label().equals("randwrite") && !figure1.sync() && !figure1.plug(),
                "async writes: inserted into the software queues, not issued directly");
        Scenario direct = byId("sync-direct-issue");
        assertEquals(byId("figure1").cpus(), direct.cpus());
        assertEquals(byId("figure1").hwQueues(), direct.hwQueues());
        assertEquals("randread", direct.jobs().get(0).rw().label(), "reads are sync: direct issue on several hctxs");
        assertEquals(4, byId("nvme-1to1").hwQueues());
        assertEquals("libaio", byId("nvme-1to1").jobs().get(0).ioengine().label());
        Job plug = byId("plug-merge").jobs().get(0);
        assertTrue(plug.plug() && !plug.sync() && plug.rw().label().equals("write"));
        assertEquals(1, byId("plug-merge").hwQueues());
        assertEquals(4, byId("tags-exhausted").queueDepth());
        assertEquals(16, byId("tags-exhausted").jobs().get(0).iodepth());
        assertEquals(2, byId("busy-requeue").device().slots());
        assertTrue(byId("fewer-ctx-than-hctx").hwQueues() > byId("fewer-ctx-than-hctx").cpus());
    }

    @Test
    void theLegacyPresetsSetUpTheirStories() {
        Scenario legacy = byId("legacy-contention");
        assertEquals("sq", legacy.mode().label());
        assertEquals("noop", legacy.scheduler().label());
        assertEquals(8, legacy.cpus());
        Job greedy = legacy.jobs().get(0);
        assertTrue(greedy.allCpus() && greedy.rw().label().equals("randread") && greedy.ioengine().label().equals("libaio"));
        assertTrue(greedy.iodepth() >= 16, "greedy: many bios in flight per CPU");
        assertEquals("bio", byId("bio-based").mode().label());
        Scenario xen = byId("xen-io-lock");
        assertEquals("sq", xen.mode().label());
        assertEquals(4, xen.cpus());
        assertEquals(new Device(10_000, IrqMode.TIMER, 255, 128, 2, Driver.XEN_BLKFRONT, Rings.SINGLE_LOCK, Backend.DEFAULT), xen.device());
        assertTrue(xen.jobs().get(0).iodepth() * xen.cpus() > xen.device().slots(), "enough I/O to fill the ring");
    }

    private static Scenario byId(String id) {
        return Presets.all().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().scenario();
    }

    @Test
    void theLinux70PresetsSetUpTheirStories() {
        for (String id : List.of("nvme-70", "sata-70", "plug-limit-70", "numa-70")) assertEquals("7.0", byId(id).kernel().label(), id);
        assertEquals("none", byId("nvme-70").scheduler().label());
        assertEquals(byId("nvme-70").cpus(), byId("nvme-70").hwQueues());
        assertEquals("mq-deadline", byId("sata-70").scheduler().label());
        assertEquals(1, byId("sata-70").hwQueues());
        Job plugged = byId("plug-limit-70").jobs().get(0);
        assertTrue(plugged.plug() && plugged.iodepth() > 32 && plugged.ios() > 32, "more than 32 requests in one plug");
        assertEquals(2, byId("numa-70").nodes());
        assertEquals("kyber", byId("kyber-70").scheduler().label());
        assertEquals("7.0", byId("kyber-70").kernel().label());
    }
}
