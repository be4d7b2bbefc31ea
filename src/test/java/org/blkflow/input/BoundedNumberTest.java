package org.blkflow.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BoundedNumberTest {

    @Test
    void readsEveryLongIncludingBothEnds() {
        assertEquals(Long.MAX_VALUE, BoundedNumber.parse("f", "9223372036854775807", Long.MIN_VALUE, Long.MAX_VALUE));
        assertEquals(Long.MIN_VALUE, BoundedNumber.parse("f", "-9223372036854775808", Long.MIN_VALUE, Long.MAX_VALUE));
        assertEquals(42, BoundedNumber.parse("f", "+0042", 0, 100));
    }

    @Test
    void oneDigitPastALongIsRefusedWithTheRangeNotWrapped() {
        assertRefused("9223372036854775808", Long.MIN_VALUE, Long.MAX_VALUE);
        assertRefused("-9223372036854775809", Long.MIN_VALUE, Long.MAX_VALUE);
        assertRefused("4294967297", 1, 1024);
        BoundedNumber.Refused e = assertRefused("99999999999999999999999999", 0, 63);
        assertEquals("cpus", e.field());
        assertEquals("must be a whole number between 0 and 63", e.getMessage());
        assertEquals("cpus: must be a whole number between 0 and 63", e.describe());
    }

    @Test
    void anythingButDigitsIsRefused() {
        for (String text : new String[] {"", "-", "+", "1e3", "0x10", " 1", "1 ", "１", "1.0", null}) {
            assertRefused(text, 0, 10);
        }
    }

    @Test
    void aScaledValueIsCheckedAfterScaling() {
        assertEquals(4096, BoundedNumber.parseScaled("bs", "4", 1024, 1, 1 << 19));
        assertRefused(() -> BoundedNumber.parseScaled("bs", "8388608", 1L << 40, 1, 1 << 19));
        assertRefused(() -> BoundedNumber.parseScaled("bs", "9999999999", 1L << 40, 1, Long.MAX_VALUE));
    }

    @Test
    void aRangeIsCheckedEndByEndBeforeAnyoneAllocates() {
        assertEquals(new BoundedNumber.Range(0, 3), BoundedNumber.range("cpus", "0-3", 0, 63));
        assertEquals(new BoundedNumber.Range(6, 6), BoundedNumber.range("cpus", "6", 0, 63));
        assertEquals(64, BoundedNumber.range("cpus", "0-63", 0, 63).count());
        assertRefused(() -> BoundedNumber.range("cpus", "-2147483648-2147483647", 0, 63));
        assertRefused(() -> BoundedNumber.range("cpus", "3-1", 0, 63));
        assertRefused(() -> BoundedNumber.range("cpus", "0-", 0, 63));
        assertRefused(() -> BoundedNumber.range("cpus", "0-1-2", 0, 63));
    }

    private static BoundedNumber.Refused assertRefused(String text, long min, long max) {
        return assertRefused(() -> BoundedNumber.parse("cpus", text, min, max));
    }

    private static BoundedNumber.Refused assertRefused(org.junit.jupiter.api.function.Executable read) {
        return assertThrows(BoundedNumber.Refused.class, read);
    }
}
