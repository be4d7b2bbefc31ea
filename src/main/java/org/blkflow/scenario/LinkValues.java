package org.blkflow.scenario;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.blkflow.input.BoundedNumber;

/**
 * The small value syntaxes inside a link: sizes with k/m/g/t suffixes ({@code 4k}, {@code 1g}),
 * CPU lists with ranges ({@code 0-3,6}) and 0/1 booleans. Formatting is canonical, so a link
 * written from a scenario reads back to the same text; parsing throws {@link IllegalArgumentException}
 * with the rule that was broken. Every number goes through {@link BoundedNumber}.
 */
final class LinkValues {

    private static final String SUFFIXES = "kmgt";

    private LinkValues() {
    }

    /** A field's value as a link writes it; the nested groups (costs, device, jobs) are written by their callers. */
    static String format(ScenarioField<?, ?> field, Object value) {
        return switch (field.type()) {
            case TEXT -> URLEncoder.encode((String) value, StandardCharsets.UTF_8);
            case INT, LONG -> String.valueOf(value);
            case BOOL -> formatBool((Boolean) value);
            case SIZE, BYTES -> formatSize(((Number) value).longValue());
            case CHOICE -> ((Label) value).label();
            case CPU_MAP -> value == null ? "kernel" : String.join(",", ((List<?>) value).stream().map(String::valueOf).toList());
            case CPU_LIST -> value == null ? "all" : formatCpus(integers(value));
            case NODES -> String.join("/", ((List<?>) value).stream().map(n -> formatCpus(integers(n))).toList());
            case BSSPLIT -> BsSplit.format(splits(value));
            case COSTS, DEVICE, JOBS, BACKEND -> throw new IllegalStateException(field + " is a group");
        };
    }

    /** A field's value read from a link's text; IllegalArgumentException says what is allowed. */
    static Object parse(ScenarioField<?, ?> field, String text) {
        return switch (field.type()) {
            case TEXT -> text;
            case INT -> readAs(field, () -> parseInt(text));
            case LONG -> readAs(field, () -> parseLong(text));
            case BOOL -> parseBool(text);
            case SIZE -> (int) parseSize(text, Integer.MAX_VALUE);
            case BYTES -> parseSize(text, JobValidator.MAX_BYTES);
            case CHOICE -> field.parseLabel(text);
            case CPU_MAP -> text.equals("kernel") ? null : parseIntList(text);
            case NODES -> parseNodes(text);
            case BSSPLIT -> BsSplit.parse(text);
            case CPU_LIST, COSTS, DEVICE, JOBS, BACKEND -> throw new IllegalStateException(field + " is read by its group");
        };
    }

    @SuppressWarnings("unchecked")
    private static List<BsSplit> splits(Object list) {
        return (List<BsSplit>) list;
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> integers(Object list) {
        return (List<Integer>) list;
    }

    /** {@code numa=0-3/4-7}: one cpulist per node; no more nodes than a scenario has CPUs are read. */
    private static List<List<Integer>> parseNodes(String value) {
        String[] parts = value.split("/", ScenarioValidator.MAX_CPUS + 1);
        if (parts.length > ScenarioValidator.MAX_CPUS) {
            throw new IllegalArgumentException("must list at most " + ScenarioValidator.MAX_CPUS + " nodes");
        }
        List<List<Integer>> nodes = new ArrayList<>();
        for (String node : parts) nodes.add(NumaNodes.parse(node));
        return nodes;
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

    /** A size in bytes, between 0 and max, with an optional k/m/g/t suffix (checked after scaling). */
    static long parseSize(String text, long max) {
        String lower = text.toLowerCase();
        int suffix = lower.isEmpty() ? -1 : SUFFIXES.indexOf(lower.charAt(lower.length() - 1));
        String digits = suffix < 0 ? lower : lower.substring(0, lower.length() - 1);
        try {
            return BoundedNumber.parseScaled("size", digits, suffix < 0 ? 1 : 1L << (10 * (suffix + 1)), 0, max);
        } catch (BoundedNumber.Refused e) {
            throw new IllegalArgumentException("must be a size in bytes between 0 and " + max
                    + ", optionally with a k, m, g or t suffix");
        }
    }

    /** A number that does not read breaks the field's own rule, with its range, not a Java type's width. */
    private static Object readAs(ScenarioField<?, ?> field, java.util.function.Supplier<Object> read) {
        try {
            return read.get();
        } catch (BoundedNumber.Refused e) {
            throw new IllegalArgumentException(field.readRule());
        }
    }

    static long parseLong(String text) {
        return BoundedNumber.parse("value", text, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    static int parseInt(String text) {
        return BoundedNumber.parseInt("value", text, Integer.MIN_VALUE, Integer.MAX_VALUE);
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

    /**
     * One item of a CPU list: "6" or "0-3", each end a CPU the scenario may have; the range is checked
     * before a single CPU is added, so no item can add more than {@link ScenarioValidator#MAX_CPUS}.
     */
    static void parseCpuItem(String item, List<Integer> into) {
        BoundedNumber.Range range = BoundedNumber.range("cpus", item, 0, ScenarioValidator.MAX_CPUS - 1);
        if (into.size() + range.count() > ScenarioValidator.MAX_CPUS) {
            throw new IllegalArgumentException("a job lists at most " + ScenarioValidator.MAX_CPUS + " CPUs");
        }
        for (long cpu = range.from(); cpu <= range.to(); cpu++) {
            into.add((int) cpu);
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
