package org.blkflow.fio;

import java.util.Locale;

/**
 * fio's sizes: a number with an optional suffix k, m, g, t (powers of 2 when kb_base=1024, fio's
 * default; 1000 when kb_base=1000), "KiB" style suffixes always powers of 2, a bare number bytes.
 */
final class FioSize {

    private FioSize() {
    }

    static long parse(String value, int kbBase) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < v.length() && Character.isDigit(v.charAt(i))) i++;
        if (i == 0) throw new NumberFormatException("'" + value + "' is not a size");
        long n = Long.parseLong(v.substring(0, i));
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
            default -> throw new NumberFormatException("'" + value + "' has an unknown suffix '" + suffix + "'");
        };
        for (int p = 0; p < power; p++) n = Math.multiplyExact(n, base);
        return n;
    }
}
