package org.blkflow.trace;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        Head h = new Head(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Long.parseLong(m.group(4)), Long.parseLong(m.group(5)) * 1_000_000_000L + Long.parseLong(m.group(6)),
                Integer.parseInt(m.group(7)), action, m.group(9), lineNumber);
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
                    return h.event(Long.parseLong(m.group(1)), sectors(m.group(2)), null, Integer.parseInt(m.group(3)), -1, null);
                }
                if ((m = NAME.matcher(rest)).matches() && m.group(1).matches("-?\\d+")) {
                    return h.event(-1, -1, null, Integer.parseInt(m.group(1)), -1, null);
                }
                throw new Malformed("a " + h.action() + " line ends with 'sector + sectors [error]', not '" + rest + "'");
            case "P":
                if ((m = NAME.matcher(rest)).matches()) return h.event(-1, -1, m.group(1), -1, -1, null);
                throw new Malformed("a P line ends with '[process]', not '" + rest + "'");
            case "U", "UT":
                if ((m = UNPLUG.matcher(rest)).matches()) return h.event(-1, -1, m.group(1), -1, Long.parseLong(m.group(2)), null);
                throw new Malformed("a " + h.action() + " line ends with '[process] count', not '" + rest + "'");
            case "X":
                if ((m = SPLIT.matcher(rest)).matches()) {
                    return h.event(Long.parseLong(m.group(1)), -1, m.group(3), -1, Long.parseLong(m.group(2)), null);
                }
                throw new Malformed("an X line ends with 'sector / new-sector [process]', not '" + rest + "'");
            case "A":
                if ((m = REMAP.matcher(rest)).matches()) {
                    return h.event(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), null, -1,
                            Long.parseLong(m.group(5)), m.group(3) + "," + m.group(4));
                }
                throw new Malformed("an A line ends with 'sector + sectors <- (maj,min) sector', not '" + rest + "'");
            default:
                return rangeAndName(h, rest);
        }
    }

    /** blkparse 1.2.0 leaves out "+ n" when the event carries no bytes (an empty flush, say). */
    private static int sectors(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }

    private static TraceEvent rangeAndName(Head h, String rest) throws Malformed {
        Matcher m = RANGE_NAME.matcher(rest);
        if (m.matches()) {
            return h.event(Long.parseLong(m.group(1)), sectors(m.group(2)), m.group(3), -1, -1, null);
        }
        if ((m = NAME.matcher(rest)).matches()) {
            return h.event(-1, -1, m.group(1), -1, -1, null);
        }
        throw new Malformed("a " + h.action() + " line ends with 'sector + sectors [process]', not '" + rest + "'");
    }
}
