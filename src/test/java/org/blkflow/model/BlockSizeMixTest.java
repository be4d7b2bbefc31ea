package org.blkflow.model;

import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.blkflow.scenario.BsSplit;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/** fio's bssplit in the model: each bio's size drawn from the job's mix with the run's seed. */
class BlockSizeMixTest {

    /** fio's examples/iometer-file-access-server.fio. */
    static final List<BsSplit> IOMETER = List.of(new BsSplit(512, 10), new BsSplit(1024, 5), new BsSplit(2048, 5),
            new BsSplit(4096, 60), new BsSplit(8192, 2), new BsSplit(16384, 4), new BsSplit(32768, 4),
            new BsSplit(65536, 10));

    /** Each draw is the entry whose cumulative share covers one whole percent from the generator. */
    @Test
    void aDrawIsTheEntryCoveringOnePercentFromTheGenerator() {
        BlockSizeMix mix = BlockSizeMix.of(IOMETER);
        SplittableRandom model = new SplittableRandom(42);
        SplittableRandom twin = new SplittableRandom(42);
        for (int i = 0; i < 1000; i++) {
            int percent = twin.nextInt(100);
            int covered = 0;
            int expected = -1;
            for (BsSplit e : IOMETER) {
                covered += e.percent();
                if (percent < covered) {
                    expected = e.bs() / 512;
                    break;
                }
            }
            assertEquals(expected, mix.draw(model), "draw " + i + " at percent " + percent);
        }
        assertEquals(1, mix.minSectors(), "offsets are aligned to the smallest size, 512 bytes");
    }

    /**
     * Over 20,000 bios of one seeded run, each size's count is within 5 standard deviations of its
     * declared share (binomial: sqrt(n p (1 - p))); with a fixed seed the counts are always the same.
     */
    @Test
    void theSizesDrawnFollowTheDeclaredPercentages() {
        int n = 20_000;
        List<Transition> ts = RunRecorder.run(scenario().seed(7).irq("none")
                .job(job().rw("randread").libaio().iodepth(32).ios(n).bssplit(IOMETER)).build());
        Map<Integer, Long> counts = queued(ts).stream().collect(Collectors.groupingBy(Transition::sectors, TreeMap::new,
                Collectors.counting()));
        assertEquals(n, counts.values().stream().mapToLong(Long::longValue).sum());
        for (BsSplit e : IOMETER) {
            double p = e.percent() / 100.0;
            double bound = 5 * Math.sqrt(n * p * (1 - p));
            long seen = counts.getOrDefault(e.bs() / 512, 0L);
            assertTrue(Math.abs(seen - n * p) <= bound, e + ": " + seen + " of " + n + ", expected "
                    + n * p + " ± " + Math.round(bound));
        }
        assertEquals(IOMETER.size(), counts.size(), "no size outside the mix: " + counts);
    }

    /** The sizes of one seed are the same every run, and another seed draws other sizes. */
    @Test
    void sameSeedSameSizesAnotherSeedOthers() {
        List<Integer> first = sizes(RunRecorder.run(iometerRun(42)));
        assertEquals(first, sizes(RunRecorder.run(iometerRun(42))));
        assertNotEquals(first, sizes(RunRecorder.run(iometerRun(43))));
        assertEquals(200, first.size());
    }

    /** fio's bssplit=reads,writes: reads draw from one mix, writes from the other. */
    @Test
    void readsAndWritesDrawFromTheirOwnMix() {
        List<Transition> ts = RunRecorder.run(scenario().seed(3).irq("none")
                .job(job().rw("randrw").mix(50).libaio().iodepth(8).ios(400)
                        .bssplit(List.of(new BsSplit(4096, 100)))
                        .bssplitWrite(List.of(new BsSplit(16384, 50), new BsSplit(65536, 50)))).build());
        List<Transition> q = queued(ts);
        assertTrue(q.stream().anyMatch(t -> t.rwbs().contains("W")) && q.stream().anyMatch(t -> !t.rwbs().contains("W")));
        q.forEach(t -> {
            if (t.rwbs().contains("W")) assertTrue(t.sectors() == 32 || t.sectors() == 128, t.toString());
            else assertEquals(8, t.sectors(), t.toString());
        });
    }

    /** Random offsets are whole multiples of the smallest size and keep each bio inside the job's region. */
    @Test
    void randomBiosLieInsideTheRegionAlignedToTheSmallestSize() {
        long size = 1L << 20;
        List<Transition> ts = RunRecorder.run(scenario().seed(11).irq("none")
                .job(job().rw("randwrite").libaio().iodepth(4).ios(500).offset(1 << 20).size(size)
                        .bssplit(List.of(new BsSplit(4096, 50), new BsSplit(65536, 50)))).build());
        long start = (1 << 20) / 512;
        for (Transition t : queued(ts)) {
            assertEquals(0, (t.sector() - start) % 8, "aligned to 4 KiB: " + t);
            assertTrue(t.sector() >= start && t.sector() + t.sectors() <= start + size / 512, "inside the region: " + t);
        }
    }

    /** Sequential I/O goes on where the last bio ended, whatever its size, and wraps at the region's end. */
    @Test
    void sequentialBiosFollowEachOther() {
        long size = 256 * 1024;
        List<Transition> q = queued(RunRecorder.run(scenario().seed(5).irq("none")
                .job(job().rw("write").ios(100).size(size)
                        .bssplit(List.of(new BsSplit(4096, 70), new BsSplit(32768, 30)))).build()));
        boolean wrapped = false;
        for (int i = 1; i < q.size(); i++) {
            Transition prev = q.get(i - 1);
            Transition t = q.get(i);
            if (t.sector() == 0 && prev.sector() + prev.sectors() + t.sectors() > size / 512) wrapped = true;
            else assertEquals(prev.sector() + prev.sectors(), t.sector(), "bio " + i + " follows bio " + (i - 1));
            assertTrue(t.sector() + t.sectors() <= size / 512, t.toString());
        }
        assertTrue(wrapped, "100 bios of ≥ 4 KiB wrap around a 256 KiB region");
    }

    private static org.blkflow.scenario.Scenario iometerRun(long seed) {
        return scenario().seed(seed).irq("timer")
                .job(job().rw("randrw").mix(80).libaio().iodepth(64).ios(200).bssplit(IOMETER)).build();
    }

    private static List<Transition> queued(List<Transition> ts) {
        return ts.stream().filter(t -> t.kind() == TransitionKind.QUEUE).toList();
    }

    private static List<Integer> sizes(List<Transition> ts) {
        return queued(ts).stream().map(Transition::sectors).toList();
    }
}
