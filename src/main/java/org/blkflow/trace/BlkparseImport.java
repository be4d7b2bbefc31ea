package org.blkflow.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads blkparse's default text: event lines of every action on any number of CPUs and devices;
 * the summary blocks, "#" headers some tools add, "Input file" notes and the "..." of hand-cut
 * excerpts are skipped quietly; anything else is skipped with a warning naming its line.
 */
public final class BlkparseImport {

    public static final int MAX_WARNINGS = 100;
    /** Distinct strings kept for sharing; a trace with more names than this is not a real trace. */
    static final int MAX_SHARED = 10_000;
    /** A String and its array's headers, before the text itself. */
    static final int STRING_BYTES = 40;

    private static final Pattern SUMMARY = Pattern.compile(
            "^(?:\\^C)?\\s*(?:(?:CPU\\d+|Total) \\(.*\\):"
                    + "|(?:Reads Queued|Read Dispatches|Reads Requeued|Reads Completed|Read Merges|Read depth|IO unplugs"
                    + "|Writes Queued|Write Dispatches|Writes Requeued|Writes Completed|Write Merges|Write depth"
                    + "|Timer unplugs):.*"
                    + "|Throughput \\(R/W\\):.*|Events \\(.*\\): .*|Skips: .*|Input file .* added|\\.\\.\\.|\\^C)\\s*$");

    private final List<TraceEvent> events = new ArrayList<>();
    private final Map<String, Long> actions = new LinkedHashMap<>();
    private final Set<Integer> cpus = new TreeSet<>();
    private final Set<String> devices = new LinkedHashSet<>();
    private final List<ImportedTrace.Warning> warnings = new ArrayList<>();
    private final Map<String, String> shared = new HashMap<>();
    private long warningsNotShown;
    private long lines;
    private long bytes;

    private BlkparseImport() {
        BlkparseLine.ACTIONS.forEach(a -> actions.put(a, 0L));
    }

    public static ImportedTrace read(Reader text) {
        BlkparseImport in = new BlkparseImport();
        try (BufferedReader r = new BufferedReader(text)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                in.line(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return in.result();
    }

    private void line(String text) {
        lines++;
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || SUMMARY.matcher(text).matches()) {
            return;
        }
        try {
            TraceEvent e = BlkparseLine.read(text, (int) lines);
            if (e == null) {
                warn("not a blkparse event line: " + abbreviate(trimmed));
                return;
            }
            e = share(e);
            events.add(e);
            actions.merge(e.action(), 1L, Long::sum);
            cpus.add(e.cpu());
            devices.add(e.device());
        } catch (BlkparseLine.Malformed m) {
            warn(m.getMessage());
        }
    }

    /**
     * Process names, rwbs and action letters repeat on almost every line; one copy of each keeps a
     * trace at about {@link ImportedTrace#EVENT_BYTES} per event. Strings past the pool's bound (and m
     * lines' messages) are kept as they are and counted.
     */
    private TraceEvent share(TraceEvent e) {
        bytes += ImportedTrace.EVENT_BYTES;
        return new TraceEvent(e.major(), e.minor(), e.cpu(), e.sequence(), e.time(), e.pid(), shared(e.action()),
                shared(e.rwbs()), e.sector(), e.sectors(), shared(e.name()), e.error(), e.extra(),
                shared(e.remappedFrom()), e.line());
    }

    private String shared(String s) {
        if (s == null) {
            return null;
        }
        String kept = shared.get(s);
        if (kept != null) {
            return kept;
        }
        bytes += STRING_BYTES + s.length();
        if (shared.size() < MAX_SHARED) {
            shared.put(s, s);
        }
        return s;
    }

    private void warn(String message) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(new ImportedTrace.Warning(lines, message));
        } else {
            warningsNotShown++;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private ImportedTrace result() {
        actions.values().removeIf(n -> n == 0);
        return new ImportedTrace(List.copyOf(events), lines, lines - events.size(),
                Collections.unmodifiableMap(actions), List.copyOf(cpus), List.copyOf(devices),
                List.copyOf(warnings), warningsNotShown, bytes);
    }
}
