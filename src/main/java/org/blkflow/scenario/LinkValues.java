package org.blkflow.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The small value syntaxes inside a link: sizes with k/m/g/t suffixes ({@code 4k}, {@code 1g}),
 * CPU lists with ranges ({@code 0-3,6}) and 0/1 booleans. Formatting is canonical, so a link
 * written from a scenario reads back to the same text; parsing throws {@link IllegalArgumentException}
 * with the rule that was broken.
 */
final class LinkValues {

    private static final String SUFFIXES = "kmgt";

    private LinkValues() {
    }

    /** The shortest exact form: 4096 → "4k", 1073741824 → "1g", 1536 → "1536". */
    static String formatSize(long bytes) {
        for (int i = SUFFIXES.length() - 1; i >= 0; i--) {
            long unit = 1L << (10 * (i + 1));
            if (bytes != 0 && bytes % unit == 0) {
                return (bytes / unit) + String.valueOf(SUFFIXES.charAt(i));
            }
        }
        return Long.toString(bytes);
    }

    static long parseSize(String text) {
        String lower = text.toLowerCase();
        int suffix = lower.isEmpty() ? -1 : SUFFIXES.indexOf(lower.charAt(lower.length() - 1));
        String digits = suffix < 0 ? lower : lower.substring(0, lower.length() - 1);
        long n = parseLong(digits, "a size in bytes, optionally with a k, m, g or t suffix");
        try {
            return suffix < 0 ? n : Math.multiplyExact(n, 1L << (10 * (suffix + 1)));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("must be a size that fits in 64 bits");
        }
    }

    static long parseLong(String text, String what) {
        if (!text.matches("-?[0-9]{1,19}")) {
            throw new IllegalArgumentException("must be " + what);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be " + what + " that fits in 64 bits");
        }
    }

    static int parseInt(String text) {
        long n = parseLong(text, "a whole number");
        if (n != (int) n) {
            throw new IllegalArgumentException("must be a whole number that fits in 32 bits");
        }
        return (int) n;
    }

    static boolean parseBool(String text) {
        return switch (text) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new IllegalArgumentException("must be 1 or 0");
        };
    }

    static String formatBool(boolean b) {
        return b ? "1" : "0";
    }

    /** Ascending runs of consecutive CPUs become ranges; any other order is kept number by number. */
    static String formatCpus(List<Integer> cpus) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cpus.size(); ) {
            int j = i;
            while (j + 1 < cpus.size() && cpus.get(j + 1) == cpus.get(j) + 1) {
                j++;
            }
            out.append(out.isEmpty() ? "" : ",").append(cpus.get(i));
            if (j > i) {
                out.append('-').append(cpus.get(j));
            }
            i = j + 1;
        }
        return out.toString();
    }

    /** One item of a CPU list: "6" or "0-3" (ascending, at most 64 CPUs). */
    static void parseCpuItem(String item, List<Integer> into) {
        int dash = item.indexOf('-', 1);
        if (dash < 0) {
            into.add(parseInt(item));
            return;
        }
        int from = parseInt(item.substring(0, dash));
        int to = parseInt(item.substring(dash + 1));
        if (from > to || to - from >= ScenarioValidator.MAX_CPUS) {
            throw new IllegalArgumentException("must be a CPU or an ascending range such as 0-3");
        }
        for (int cpu = from; cpu <= to; cpu++) {
            into.add(cpu);
        }
    }

    static List<Integer> parseIntList(String text) {
        List<Integer> out = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            out.add(parseInt(item));
        }
        return out;
    }
}
