package org.blkflow.trace;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.blkflow.input.BoundedNumber;

/**
 * Reads one event line of blkparse's default output (process_default() in blkparse_fmt.c).
 * Returns null for a line that is not an event line at all; throws {@link Malformed} for one that
 * starts like an event but whose action or payload does not read.
 */
final class BlkparseLine {

    static final List<String> ACTIONS = List.of("A", "Q", "X", "B", "G", "S", "P", "U", "UT", "I", "M", "F", "D", "R", "C", "m");

    /** maj,min cpu seq sec.nsec pid action rwbs rest; a "^C" left by an interrupted blkparse is allowed. */
    private static final Pattern PREFIX = Pattern.compile(
            "^(?:\\^C)?\\s*(\\d+),(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\.(\\d{9})\\s+(\\d+)\\s+(\\S+)\\s+(\\S+)\\s?(.*)$");
    private static final Pattern RANGE_NAME = Pattern.compile("^(\\d+)(?: \\+ (\\d+))?(?: \\(\\s*\\d+\\))? \\[(.*)\\]$");
    private static final Pattern RANGE_ERROR = Pattern.compile("^(\\d+)(?: \\+ (\\d+))?(?: \\(\\s*\\d+\\))? \\[(-?\\d+)\\]$");
    private static final Pattern NAME = Pattern.compile("^\\[(.*)\\]$");
    private static final Pattern UNPLUG = Pattern.compile("^\\[(.*)\\] (\\d+)$");
    private static final Pattern SPLIT = Pattern.compile("^(\\d+) / (\\d+) \\[(.*)\\]$");
    private static final Pattern REMAP = Pattern.compile("^(\\d+) \\+ (\\d+) <- \\((\\d+),(\\d+)\\) (\\d+)$");

    /** CONFIG_NR_CPUS is at most 8192 on x86-64; a higher CPU is a corrupt line, not a machine. */
    static final int MAX_CPU = 8191;
    /** Seconds that still fit in a long of nanoseconds. */
    static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L - 1;
    /** blk_io_trace's u32 fields (sequence, pid). */
    static final long U32 = 0xffff_ffffL;

    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private BlkparseLine() {
    }

    static TraceEvent read(String text, int lineNumber) throws Malformed {
        Matcher m = PREFIX.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String action = m.group(8);
        if (!ACTIONS.contains(action)) {
            throw new Malformed("unknown action '" + action + "' (blkparse prints " + String.join(" ", ACTIONS) + ")");
        }
        long seconds = number("seconds", m.group(5), MAX_SECONDS);
        Head h = new Head(integer("major", m.group(1)), integer("minor", m.group(2)),
                (int) number("cpu", m.group(3), MAX_CPU), number("sequence", m.group(4), U32),
                seconds * 1_000_000_000L + number("nanoseconds", m.group(6), 999_999_999),
                integer("pid", m.group(7)), action, m.group(9), lineNumber);
        return payload(h, m.group(10).strip());
    }

    private record Head(int major, int minor, int cpu, long seq, long time, int pid, String action, String rwbs, int line) {
        TraceEvent event(long sector, int sectors, String name, int error, long extra, String from) {
            return new TraceEvent(major, minor, cpu, seq, time, pid, action, rwbs, sector, sectors, name, error, extra, from, line);
        }
    }

    private static TraceEvent payload(Head h, String rest) throws Malformed {
        Matcher m;
        switch (h.action()) {
            case "m":
                return h.event(-1, -1, rest, -1, -1, null);
            case "C", "R":
                if ((m = RANGE_ERROR.matcher(rest)).matches()) {
                    return h.event(sector(m.group(1)), sectors(m.group(2)), null, errno(m.group(3)), -1, null);
                }
                if ((m = NAME.matcher(rest)).matches() && m.group(1).matches("-?\\d+")) {
                    return h.event(-1, -1, null, errno(m.group(1)), -1, null);
                }
                throw new Malformed("a " + h.action() + " line ends with 'sector + sectors [error]', not '" + rest + "'");
            case "P":
                if ((m = NAME.matcher(rest)).matches()) return h.event(-1, -1, m.group(1), -1, -1, null);
                throw new Malformed("a P line ends with '[process]', not '" + rest + "'");
            case "U", "UT":
                if ((m = UNPLUG.matcher(rest)).matches()) return h.event(-1, -1, m.group(1), -1, number("count", m.group(2), U32), null);
                throw new Malformed("a " + h.action() + " line ends with '[process] count', not '" + rest + "'");
            case "X":
                if ((m = SPLIT.matcher(rest)).matches()) {
                    return h.event(sector(m.group(1)), -1, m.group(3), -1, sector(m.group(2)), null);
                }
                throw new Malformed("an X line ends with 'sector / new-sector [process]', not '" + rest + "'");
            case "A":
                if ((m = REMAP.matcher(rest)).matches()) {
                    return h.event(sector(m.group(1)), integer("sectors", m.group(2)), null, -1,
                            sector(m.group(5)), integer("major", m.group(3)) + "," + integer("minor", m.group(4)));
                }
                throw new Malformed("an A line ends with 'sector + sectors <- (maj,min) sector', not '" + rest + "'");
            default:
                return rangeAndName(h, rest);
        }
    }

    /** blkparse 1.2.0 leaves out "+ n" when the event carries no bytes (an empty flush, say). */
    private static int sectors(String group) throws Malformed {
        return group == null ? 0 : integer("sectors", group);
    }

    private static long sector(String digits) throws Malformed {
        return number("sector", digits, Long.MAX_VALUE);
    }

    private static int integer(String field, String digits) throws Malformed {
        return (int) number(field, digits, Integer.MAX_VALUE);
    }

    private static int errno(String digits) throws Malformed {
        try {
            return BoundedNumber.parseInt("error", digits, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } catch (BoundedNumber.Refused e) {
            throw new Malformed("error " + e.getMessage());
        }
    }

    /** Every number of a line goes through BoundedNumber: past its range the line is malformed, never wrapped. */
    private static long number(String field, String digits, long max) throws Malformed {
        try {
            return BoundedNumber.parse(field, digits, 0, max);
        } catch (BoundedNumber.Refused e) {
            throw new Malformed(field + " '" + abbreviate(digits) + "' " + e.getMessage());
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 21) + "...";
    }

    private static TraceEvent rangeAndName(Head h, String rest) throws Malformed {
        Matcher m = RANGE_NAME.matcher(rest);
        if (m.matches()) {
            return h.event(sector(m.group(1)), sectors(m.group(2)), m.group(3), -1, -1, null);
        }
        if ((m = NAME.matcher(rest)).matches()) {
            return h.event(-1, -1, m.group(1), -1, -1, null);
        }
        throw new Malformed("a " + h.action() + " line ends with 'sector + sectors [process]', not '" + rest + "'");
    }
}
