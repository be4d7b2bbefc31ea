package org.blkflow.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Issue #11, defect 13: 32 uploaded traces kept 274 MB live; the store is now bounded by bytes. */
class TraceStoreTest {

    static ImportedTrace trace(int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append(String.format("  8,0    %d  %8d  %5d.%09d  1003  Q   R %d + 8 [fio]%n", i % 4, i + 1, i / 1000,
                    i % 1000, 8L * i));
        }
        return BlkparseImport.read(new StringReader(text.toString()));
    }

    @Test
    void aTraceCountsItsEventsAndOnlyTheStringsItDoesNotShare() {
        ImportedTrace t = trace(10_000);
        assertEquals(10_000, t.parsed());
        // "Q", "R" and "fio" are kept once for all 10,000 events.
        assertTrue(t.bytes() >= 10_000L * ImportedTrace.EVENT_BYTES, String.valueOf(t.bytes()));
        assertTrue(t.bytes() < 10_000L * ImportedTrace.EVENT_BYTES + 1_000, String.valueOf(t.bytes()));
        assertTrue(t.events().get(0).name() == t.events().get(9_999).name(), "one copy of the process name");
    }

    @Test
    void theLeastRecentlyUsedTracesGoOnceTheBytesPassTheBound() {
        ImportedTrace t = trace(1_000);
        TraceStore store = new TraceStore(3 * t.bytes());
        String first = store.put(t);
        String second = store.put(trace(1_000));
        store.get(first);
        store.put(trace(1_000));
        assertEquals(3, store.size());
        store.put(trace(1_000));
        assertEquals(3, store.size());
        assertTrue(store.get(second).isEmpty(), "the least recently used went first");
        assertTrue(store.get(first).isPresent());
        assertTrue(store.bytes() <= 3 * t.bytes());
    }

    @Test
    void oneTraceLargerThanTheBoundIsStillKeptAlone() {
        TraceStore store = new TraceStore(1);
        store.put(trace(10));
        String big = store.put(trace(100));
        assertEquals(1, store.size());
        assertTrue(store.get(big).isPresent());
    }
}
