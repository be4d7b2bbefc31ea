package org.blkflow.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Any text as blkparse output: events with every number in its field's range, the rest skipped with
 * at most {@link BlkparseImport#MAX_WARNINGS} warnings listed; the reader never throws. Seeds:
 * BlkparseFuzzTestInputs/; fuzz with JAZZER_FUZZ=1 (see README).
 */
class BlkparseFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void anyTextIsEventsAndWarnings(byte[] input) {
        ImportedTrace t = BlkparseImport.read(new StringReader(new String(input, StandardCharsets.UTF_8)));
        assertTrue(t.warnings().size() <= BlkparseImport.MAX_WARNINGS);
        assertEquals(t.lines() - t.parsed(), t.skipped());
        for (TraceEvent e : t.events()) {
            assertTrue(e.cpu() >= 0 && e.cpu() <= BlkparseLine.MAX_CPU, "cpu " + e.cpu());
            assertTrue(e.time() >= 0 && e.sequence() >= 0 && e.pid() >= 0, e.toString());
        }
        assertTrue(t.bytes() >= t.parsed() * ImportedTrace.EVENT_BYTES);
    }
}
