package org.blkflow.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real blkparse output from other people's machines, with the figures their source notes give
 * (src/test/resources/testdata/blkparse/*.source.txt) or that blkparse printed in the file itself.
 */
class BlkparseImportTest {

    @Test
    void nvmeUnderDmCryptCountsEveryActionItsSourceNoteGives() throws IOException {
        ImportedTrace t = TestData.importReal("blktrace_merge_nvme0n1_dmcrypt.blkparse.txt");
        assertEquals(Map.of("A", 473L, "Q", 248L, "G", 142L, "P", 88L, "M", 106L, "D", 142L, "C", 165L), t.actions());
        assertEquals(1364, t.parsed(), "the file's own summary says 'Events (nvme0n1): 1,364 entries'");
        assertEquals(1459, t.lines());
        assertEquals(List.of(0, 2, 3, 4, 5, 6, 9, 10, 11), t.cpus());
        assertEquals(List.of("259,0"), t.devices());
        assertEquals(List.of(), t.warnings(), "headers, summary and 'Input file' lines are all known");
        TraceEvent emptyFlush = t.events().stream().filter(e -> e.line() == 124).findFirst().orElseThrow();
        assertEquals("FN", emptyFlush.rwbs());
        assertEquals(0, emptyFlush.sectors(), "'C  FN 0 [0]': blkparse leaves out '+ 0'");
    }

    @Test
    void nullBlkSchedulerRunsWithSplitsBouncesAndRequeues() throws IOException {
        ImportedTrace t = TestData.importReal("linux-block_blktrace-cleanup-v3_nullblk_schedulers_requeue.blkparse.txt");
        assertEquals(Map.of("Q", 31L, "B", 20L, "G", 34L, "M", 16L, "I", 35L, "D", 37L, "C", 54L, "X", 19L, "R", 3L),
                t.actions());
        assertEquals(List.of(29, 43), t.cpus());
        assertEquals(List.of("252,0"), t.devices());
        assertEquals(1, t.warnings().size(), "only the mail's opening sentence is not blkparse: " + t.warnings());
        assertEquals(1, t.warnings().get(0).line());
        TraceEvent split = t.events().stream().filter(e -> e.action().equals("X")).findFirst().orElseThrow();
        assertEquals(0, split.sector());
        assertEquals(0, split.extra());
    }

    @Test
    void raidOverNvmeOnTwoKernelsWithTimerUnplugsAndWrappedTimes() throws IOException {
        ImportedTrace t = TestData.importReal("linux-block_nvme-regression-2022_aws-i3_k4.4-vs-k5.4_plug-unplug.blkparse.txt");
        assertEquals(5L, t.actions().get("U"));
        assertEquals(5L, t.actions().get("UT"));
        assertEquals(60, t.parsed());
        assertEquals(List.of("259,0", "259,1"), t.devices());
        assertEquals(13, t.cpus().size(), "the source note says 13 CPUs appear");
        TraceEvent wrapped = t.events().stream().filter(e -> e.time() > 1_000_000_000_000_000L).findFirst().orElseThrow();
        assertEquals(1_266_874_889_709_450_585L, wrapped.time());
        assertTrue(t.events().stream().anyMatch(e -> e.action().equals("C") && e.line() == 31),
                "the '^C259,0 ...' line left by an interrupted blkparse is an event");
        assertEquals(List.of(1L, 110L), t.warnings().stream().map(ImportedTrace.Warning::line).toList(),
                "the two '// On the ... machine' lines");
    }

    @Test
    void theManualsExamplesWithHandCutGapsAndThreeDevices() throws IOException {
        ImportedTrace t = TestData.importReal("blktrace-doc_kjournald_mkfs-lvm_examples.blkparse.txt");
        assertEquals(6L, t.actions().get("M"), "six back merges into one 56-sector dispatch");
        assertEquals(List.of("8,0", "8,32", "8,224", "65,160"), t.devices());
        List<Long> promptLines = t.warnings().stream().map(ImportedTrace.Warning::line).toList();
        assertEquals(List.of(1L, 43L, 44L, 45L), promptLines, "the shell prompts '% ...' and '%'");
    }

    @Test
    void everyRealTraceParses() throws IOException {
        List<Path> files = TestData.realBlkparseFiles();
        assertEquals(4, files.size(), files.toString());
        for (Path file : files) {
            ImportedTrace t = TestData.read(file);
            assertTrue(t.parsed() > 0, file.toString());
            assertEquals(t.lines(), t.parsed() + t.skipped(), file.toString());
        }
    }

    @Test
    void everyActionOfTheHandWrittenFixture() throws IOException {
        ImportedTrace t = TestData.importFixture("every-action.blkparse.txt");
        assertEquals(List.of("A", "Q", "X", "B", "G", "S", "P", "U", "UT", "I", "M", "F", "D", "R", "C", "m"),
                List.copyOf(t.actions().keySet()));
        assertEquals(30, t.parsed());
        assertEquals(List.of(0, 1, 2, 3), t.cpus());
        assertEquals(List.of("8,0", "8,16"), t.devices());
        TraceEvent eio = t.events().stream().filter(e -> e.error() == 65531).findFirst().orElseThrow();
        assertEquals("C", eio.action());
        TraceEvent remap = t.events().stream().filter(e -> e.action().equals("A")).findFirst().orElseThrow();
        assertEquals("253,1", remap.remappedFrom());
        assertEquals(3000, remap.extra());
        assertEquals("blkflow says hi", t.events().stream().filter(e -> e.action().equals("m")).findFirst().orElseThrow().name());
        List<Long> bad = t.warnings().stream().map(ImportedTrace.Warning::line).toList();
        assertEquals(List.of(32L, 33L, 34L), bad);
        assertTrue(t.warnings().get(0).message().contains("unknown action 'Z'"), t.warnings().get(0).message());
    }

    @Test
    void warningsStopAtAHundredAndCountTheRest() {
        String junk = "junk\n".repeat(250);
        ImportedTrace t = BlkparseImport.read(new StringReader(junk));
        assertEquals(100, t.warnings().size());
        assertEquals(150, t.warningsNotShown());
        assertEquals(0, t.parsed());
    }

    /** Issue #11, defects 4 and 7: numeric overflow answered 500; CPU 2147483647 broke the replay later. */
    @Test
    void aNumberPastItsFieldsRangeMakesTheLineAWarningNotAFailure() {
        String good = "  8,0    1        1     0.000000000  1003  Q   R 0 + 8 [fio]\n";
        String[] bad = {
            "  8,0    2147483648  1  0.000000000 1003 Q R 0 + 8 [fio]",
            "  8,0    2147483647  1  0.000000000 1003 Q R 0 + 8 [fio]",
            "  8,0    1  99999999999999999999  0.000000000 1003 Q R 0 + 8 [fio]",
            "  8,0    1  1  99999999999.000000000 1003 Q R 0 + 8 [fio]",
            "  8,0    1  1  0.000000000 99999999999 Q R 0 + 8 [fio]",
            "  8,0    1  1  0.000000000 1003 Q R 99999999999999999999 + 8 [fio]",
            "  8,0    1  1  0.000000000 1003 Q R 0 + 99999999999 [fio]",
            "  8,0    1  1  0.000000000 1003 C R 0 + 8 [99999999999]",
            "  8,0    1  1  0.000000000 1003 U N [fio] 99999999999",
            "  99999999999,0    1  1  0.000000000 1003 Q R 0 + 8 [fio]",
        };
        for (String line : bad) {
            ImportedTrace t = BlkparseImport.read(new StringReader(good + line + "\n"));
            assertEquals(1, t.parsed(), line);
            assertEquals(1, t.warnings().size(), line);
            assertEquals(2, t.warnings().get(0).line());
        }
        ImportedTrace top = BlkparseImport.read(new StringReader(good.replace("    1  ", " 8191  ")));
        assertEquals(List.of(8191), top.cpus(), "the highest CPU x86-64 Linux can have still reads");
    }
}
