package org.blkflow.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.ScenarioValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 7.0's X in the exports: blkparse's text line is {@code sector / newsector [name]} with the front
 * piece's sector and the remainder's start (the 8-byte big-endian payload of the binary), and the
 * real blkparse reads our binary and prints exactly our X lines (blktrace-format.md).
 */
class SplitExportTest {

    @TempDir
    Path dir;

    @Test
    void xCarriesTheFrontPieceAndTheRemaindersStartAndRealBlkparseAgrees() throws Exception {
        TraceExport export = TraceExport.of(ScenarioValidator.require(Presets.byId("split-70").orElseThrow().scenario()));
        List<String> xs = RealToolsAgreementTest.eventLines(export.text()).stream()
                .filter(l -> l.matches(".*\\sX\\s+R\\s.*")).toList();
        assertEquals(56, xs.size(), "7 X for each of the 8 reads");
        assertTrue(xs.get(0).endsWith(" X   R 0 / 256 [fio]"), xs.get(0));
        assertTrue(xs.get(6).endsWith(" X   R 1536 / 1792 [fio]"), xs.get(6));
        assertEquals(56, export.actions().get("X"));
        assertTrue(xs.get(7).endsWith(" X   R 2048 / 2304 [fio]"), xs.get(7));

        RealTools.require();
        Path bin = dir.resolve("run.blktrace");
        Files.write(bin, export.binary());
        String real = RealTools.run(dir, bin, "blkparse", "-i", "-");
        assertEquals("", Files.readString(dir.resolve("stderr.txt")), "blkparse complained");
        assertEquals(RealToolsAgreementTest.eventLines(export.text()), RealToolsAgreementTest.eventLines(real));
        assertEquals(RealToolsAgreementTest.ungrouped(RealToolsAgreementTest.summary(export.text())),
                RealToolsAgreementTest.ungrouped(RealToolsAgreementTest.summary(real)), "summary");
    }
}
