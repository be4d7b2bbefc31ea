package org.blkflow.fio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.blkflow.scenario.BsSplit;
import org.blkflow.scenario.Job;
import org.blkflow.scenario.Preset;
import org.blkflow.scenario.Presets;
import org.junit.jupiter.api.Test;

/** fio's block-size syntaxes (bs, blocksize_range/bsrange, bssplit, each per direction) and pacing options. */
class FioBlockSizesTest {

    private static Job job(String options) {
        return FioImport.read("[j]\n" + options).jobs().get(0);
    }

    private static List<String> ignored(String options) {
        return FioImport.read("[j]\n" + options).ignored().stream().map(i -> i.option() + ": " + i.reason()).toList();
    }

    /** The seed's workload: fio's IOmeter file-server job is one job with its eight sizes and its read/write mix. */
    @Test
    void theIometerFileServerJobIsOneJobWithItsEightSizes() throws IOException {
        FioImport fio = FioImport.read(Files.readString(Path.of("src/test/resources/fio/iometer-file-access-server.fio")));
        assertEquals(1, fio.jobs().size());
        Job j = fio.jobs().get(0);
        assertEquals(Presets.IOMETER_FILE_SERVER, j.bssplit());
        assertNull(j.bssplitWrite());
        assertEquals("randrw", j.rw().label());
        assertEquals(80, j.rwmixread());
        assertEquals(64, j.iodepth());
        assertEquals("libaio", j.ioengine().label());
        Job preset = Presets.byId("iometer").map(Preset::scenario).orElseThrow().jobs().get(0);
        assertEquals(List.of(preset.bssplit(), preset.rw(), preset.rwmixread(), preset.iodepth(), preset.ioengine(), preset.plug()),
                List.of(j.bssplit(), j.rw(), j.rwmixread(), j.iodepth(), j.ioengine(), j.plug()),
                "the iometer preset runs this job (fewer bios, on two CPUs)");
        assertTrue(fio.ignored().stream().noneMatch(i -> i.option().equals("bssplit")), fio.ignored().toString());
    }

    @Test
    void bssplitPerDirectionIsReadsThenWrites() {
        Job j = job("rw=randrw\nbssplit=4k/50:8k/50,16k/100\n");
        assertEquals(List.of(new BsSplit(4096, 50), new BsSplit(8192, 50)), j.bssplit());
        assertEquals(List.of(new BsSplit(16384, 100)), j.bssplitWrite());
        Job writesOnly = job("rw=randrw\nbs=8k\nbssplit=,64k/100\n");
        assertEquals(List.of(new BsSplit(8192, 100)), writesOnly.bssplit(), "reads keep bs");
        assertEquals(List.of(new BsSplit(65536, 100)), writesOnly.bssplitWrite());
        assertTrue(ignored("bssplit=4k/100,4k/100,4k/100\n").stream().anyMatch(s -> s.startsWith("bssplit: trim")));
    }

    /** Entries without a percent share what the others leave, as fio does; the sum is always 100. */
    @Test
    void entriesWithoutAPercentShareTheRest() {
        assertEquals(List.of(new BsSplit(4096, 50), new BsSplit(8192, 17), new BsSplit(16384, 17), new BsSplit(65536, 16)),
                job("bssplit=4k/50:8k:16k:64k\n").bssplit());
    }

    @Test
    void bsrangeIsEveryMultipleOfItsLowEndInEqualShares() {
        assertEquals(List.of(new BsSplit(4096, 34), new BsSplit(8192, 33), new BsSplit(12288, 33)),
                job("bsrange=4k-12k\n").bssplit());
        Job perDirection = job("rw=randrw\nblocksize_range=1k-2k,8k-8k\n");
        assertEquals(List.of(new BsSplit(1024, 50), new BsSplit(2048, 50)), perDirection.bssplit());
        assertEquals(List.of(new BsSplit(8192, 100)), perDirection.bssplitWrite());
        // 512-64k has 128 sizes: thinned to 64, 1 KiB apart, and the report says so.
        Job wide = job("bsrange=512-64k\n");
        assertEquals(64, wide.bssplit().size());
        assertEquals(100, wide.bssplit().stream().mapToInt(BsSplit::percent).sum());
        assertTrue(ignored("bsrange=512-64k\n").stream().anyMatch(s -> s.contains("128 sizes")), ignored("bsrange=512-64k\n").toString());
    }

    @Test
    void bssplitOverridesARangeAndARangeOverridesBs() {
        assertEquals(List.of(new BsSplit(512, 100)), job("bs=4k\nbsrange=1k-2k\nbssplit=512/100\n").bssplit());
        assertEquals(List.of(new BsSplit(1024, 50), new BsSplit(2048, 50)), job("bs=4k\nbsrange=1k-2k\n").bssplit());
        assertNull(job("bs=4k\n").bssplit());
        assertEquals(List.of(new BsSplit(65536, 100)), job("rw=randrw\nbs=4k,64k\n").bssplitWrite(), "bs=reads,writes");
    }

    @Test
    void mixesThatCannotBeAreRefusedNamingJobAndOption() {
        assertRefused("bssplit=4k/50:8k/40\n", "j.bssplit", "add up to 90, not 100");
        assertRefused("bssplit=4k/70:8k/70\n", "j.bssplit", "add up to 140");
        assertRefused("bssplit=1000/100\n", "j.bssplit", "multiple of 512");
        assertRefused("bssplit=1m/100\n", "j.bssplit", "between 1 and 524288");
        assertRefused("bssplit=" + "4k:".repeat(64) + "4k\n", "j.bssplit", "more than 64");
        assertRefused("bsrange=8k-4k\n", "j.bsrange", "must not be below");
    }

    @Test
    void rateIopsAndThinktimeAreModelled() {
        Job j = job("rate_iops=2k\nthinktime=5ms\nthinktime_blocks=8\nthinktime_blocks_type=issue\n");
        assertEquals(2000, j.rateIops(), "fio counts k as 1000");
        assertEquals(5000, j.thinktime(), "thinktime in µs");
        assertEquals(8, j.thinktimeBlocks());
        assertEquals(250, job("thinktime=250\n").thinktime(), "µs by default");
        assertEquals(500, job("rate_iops=500,200\n").rateIops());
        assertTrue(ignored("rate_iops=500,200\n").stream().anyMatch(s -> s.startsWith("rate_iops: separate")));
        assertTrue(ignored("thinktime=1\nthinktime_spin=1\n").stream().anyMatch(s -> s.startsWith("thinktime_spin")));
        assertRefused("thinktime=2h\n", "j.thinktime", "whole number");
        assertRefused("thinktime=61s\n", "j.thinktime", "between 0 and 60000000");
        assertRefused("rate_iops=20m\n", "j.rate_iops", "between 0 and 10000000");
    }

    private static void assertRefused(String options, String field, String rule) {
        FioJobFile.Rejected e = assertThrows(FioJobFile.Rejected.class, () -> FioImport.read("[j]\n" + options), options);
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }
}
