package org.blkflow.fio;

import java.util.Locale;
import org.blkflow.input.BoundedNumber;

/**
 * fio's sizes: a number with an optional suffix k, m, g, t (powers of 2 when kb_base=1024, fio's
 * default; 1000 when kb_base=1000), "KiB" style suffixes always powers of 2, a bare number bytes.
 * The digits and the scaled value go through {@link BoundedNumber}, so nothing wraps.
 */
final class FioSize {

    private FioSize() {
    }

    /** The value in bytes (or units), between min and max; {@link BoundedNumber.Refused} names the field. */
    static long parse(String field, String value, int kbBase, long min, long max) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < v.length() && Character.isDigit(v.charAt(i))) i++;
        String suffix = v.substring(i).strip();
        long base = suffix.endsWith("ib") ? 1024 : kbBase;
        if (suffix.endsWith("ib")) suffix = suffix.substring(0, suffix.length() - 2);
        else if (suffix.endsWith("b")) suffix = suffix.substring(0, suffix.length() - 1);
        int power = switch (suffix) {
            case "" -> 0;
            case "k" -> 1;
            case "m" -> 2;
            case "g" -> 3;
            case "t" -> 4;
            default -> throw new BoundedNumber.Refused(field, "must be a number with an optional k, m, g or t "
                    + "suffix between " + min + " and " + max + ", not '" + value.strip() + "'");
        };
        long unit = 1;
        for (int p = 0; p < power; p++) unit *= base;
        return BoundedNumber.parseScaled(field, v.substring(0, i), unit, min, max);
    }
}
