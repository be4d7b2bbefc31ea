package org.blkflow.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioValidator;
import org.blkflow.stats.RunStats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exports checked by the real tools: blkparse reads the binary without complaint and prints
 * exactly blkflow's text; btt on blkparse's dump reports blkflow's own Q2C and D2C averages.
 */
class RealToolsAgreementTest {

    static final Pattern EVENT = Pattern.compile("^\\s*\\d+,\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\.\\d{9}\\s+\\d+\\s+(\\S+)\\s");
    static final Pattern BTT_ROW = Pattern.compile("^(Q2C|D2C)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\d+)\\s*$");

    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        RealTools.require();
    }

    static Stream<Scenario> all() {
        return Stream.concat(TraceScenarios.timed().stream(), TraceScenarios.instant().stream());
    }

    static Stream<Scenario> timed() {
        return TraceScenarios.timed().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void blkparseReadsTheBinaryAndPrintsOurTextLineByLine(Scenario scenario) throws Exception {
        TraceExport export = TraceExport.of(ScenarioValidator.require(scenario));
        String real = blkparse(export);
        assertEquals("", Files.readString(dir.resolve("stderr.txt")), "blkparse complained");
        assertEquals(eventLines(export.text()), eventLines(real), "event lines");
        assertEquals(export.events(), eventLines(real).size(), "one line per transition with an action");
        assertEquals(export.actions(), letters(real), "action counts");
        // This machine has no en_US locale, so its blkparse prints 1612 where blkparse elsewhere prints 1,612.
        assertEquals(ungrouped(summary(export.text())), ungrouped(summary(real)), "summary");
        assertEquals(linesPerDevice(real), eventsPerDevice(real), "each device's Events line counts its own lines");
        assertEquals(export.events(), eventsPerDevice(real).values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(real.contains("Skips: 0 forward (0 -   0.0%)"), real);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timed")
    void bttOnTheDumpReportsOurQ2cAndD2cMeans(Scenario scenario) throws Exception {
        TraceExport export = TraceExport.of(ScenarioValidator.require(scenario));
        Map<String, String[]> btt = btt(export);
        RunStats stats = export.stats();
        assertRow(btt.get("Q2C"), stats.q2c(), "Q2C");
        assertRow(btt.get("D2C"), stats.d2c(), "D2C");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timed")
    void bttOnOurOwnStreamAgreesWithItsDump(Scenario scenario) throws Exception {
        TraceExport export = TraceExport.of(ScenarioValidator.require(scenario));
        Path bin = dir.resolve("run.blktrace");
        Files.write(bin, export.binary());
        Map<String, String[]> direct = bttRows(RealTools.run(dir, null, "btt", "-i", bin.toString()));
        Map<String, String[]> viaDump = btt(export);
        assertEquals(List.of(viaDump.get("Q2C")), List.of(direct.get("Q2C")));
        assertEquals(List.of(viaDump.get("D2C")), List.of(direct.get("D2C")));
    }

    static Stream<Scenario> linux70() {
        return TraceScenarios.timed().stream().filter(Scenario::modern);
    }

    /**
     * Spec kernel-6x.md §8.1, read back by the real blkparse: no S (a tag wait is only what happens
     * between Q and G); every G follows its bio's Q on that CPU, after the wait if there was one; a bio without
     * a caller plug is plugged alone, so its CPU shows Q G P U(1) — and I after the U with mq-deadline.
     * The mq-deadline scenario has such a job, and too few scheduler tags for its load.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("linux70")
    void blkparseReadsLinux70sLettersInLinux70sOrder(Scenario scenario) throws Exception {
        TraceExport export = TraceExport.of(ScenarioValidator.require(scenario));
        List<String[]> events = RealTools.lines(blkparse(export)).stream().map(LINE::matcher).filter(Matcher::find)
                .map(m -> new String[] {m.group(1), m.group(2), m.group(3), m.group(4)}).toList();
        assertTrue(events.stream().noneMatch(e -> e[2].equals("S")), "7.0 traces no S");
        Map<String, List<String[]>> byCpu = new TreeMap<>();
        for (String[] e : events) byCpu.computeIfAbsent(e[0], c -> new java.util.ArrayList<>()).add(e);
        int waited = 0;
        int alone = 0;
        boolean deadline = scenario.scheduler() == org.blkflow.scenario.Scheduler.MQ_DEADLINE;
        for (List<String[]> cpu : byCpu.values()) {
            for (int i = 0; i < cpu.size(); i++) {
                String[] e = cpu.get(i);
                if (e[2].equals("G")) {
                    int q = i - 1;
                    while (q >= 0 && !(cpu.get(q)[2].equals("Q") && sector(cpu.get(q)).equals(sector(e)))) q--;
                    assertTrue(q >= 0, "a G after its own bio's Q on CPU " + e[0] + ": " + String.join(" ", e));
                    if (q < i - 1) {
                        waited++;
                        for (String[] between : cpu.subList(q + 1, i)) {
                            assertTrue(!between[2].equals("G") || !sector(between).equals(sector(e)), "one G per Q");
                        }
                    }
                }
                if (e[2].equals("U") && e[3].endsWith("] 1") && i >= 3 && cpu.get(i - 1)[2].equals("P")
                        && cpu.get(i - 2)[2].equals("G") && cpu.get(i - 3)[2].equals("Q")) {
                    alone++;
                    if (deadline) assertEquals("I", cpu.get(i + 1)[2], "U before its I");
                }
            }
        }
        if (scenario.jobs().stream().anyMatch(j -> !j.plug())) assertTrue(alone > 0, "a bio plugged alone: Q G P U(1)");
        if (deadline) {
            assertTrue(waited > 0, "scheduler tags ran out: some G comes after other events than its Q, with no S");
            assertTrue(events.stream().anyMatch(e -> e[2].equals("I")), "mq-deadline inserts");
        }
    }

    /** CPU, time, action and the rest of a blkparse event line. */
    static final Pattern LINE = Pattern.compile("^\\s*\\d+,\\d+\\s+(\\d+)\\s+\\d+\\s+(\\d+\\.\\d{9})\\s+\\d+\\s+(\\S+)\\s+(.*)$");

    /** "0 + 8" of a Q or G line: its sector and size. */
    private static String sector(String[] event) {
        Matcher m = Pattern.compile("(\\d+ \\+ \\d+)").matcher(event[3]);
        return m.find() ? m.group(1) : event[3];
    }

    private static void assertRow(String[] row, RunStats.Latency latency, String name) {
        assertEquals(latency.samples(), Long.parseLong(row[3]), name + " samples");
        assertEquals(String.format("%.9f", latency.mean() / 1e9), row[1], name + " mean in seconds");
        assertTrue(latency.mean() > 0, name + " must be above zero for btt to agree (it floors deltas at 1 ns)");
    }

    private String blkparse(TraceExport export) throws IOException, InterruptedException {
        Path bin = dir.resolve("run.blktrace");
        Files.write(bin, export.binary());
        return RealTools.run(dir, bin, "blkparse", "-i", "-");
    }

    private Map<String, String[]> btt(TraceExport export) throws IOException, InterruptedException {
        Path bin = dir.resolve("run.blktrace");
        Files.write(bin, export.binary());
        Path dump = dir.resolve("dump.bin");
        RealTools.run(dir, bin, "blkparse", "-i", "-", "-d", dump.toString(), "-O", "-q");
        return bttRows(RealTools.run(dir, null, "btt", "-i", dump.toString()));
    }

    /** btt's "ALL" table rows: name → {min, avg, max, N}. */
    static Map<String, String[]> bttRows(String report) {
        Map<String, String[]> rows = new TreeMap<>();
        for (String line : RealTools.lines(report)) {
            Matcher m = BTT_ROW.matcher(line);
            if (m.matches()) rows.putIfAbsent(m.group(1), new String[] {m.group(2), m.group(3), m.group(4), m.group(5)});
        }
        return rows;
    }

    static List<String> eventLines(String text) {
        return RealTools.lines(text).stream().filter(l -> EVENT.matcher(l).find()).toList();
    }

    static String summary(String text) {
        return String.join("\n", RealTools.lines(text).stream().filter(l -> !EVENT.matcher(l).find()).toList());
    }

    /** 1,612 → 1612, leaving "8,0" alone; the padding then differs, so runs of spaces count as one. */
    static String ungrouped(String text) {
        return text.replaceAll("(\\d),(\\d{3})(?!\\d)", "$1$2").replaceAll("(\\d),(\\d{3})(?!\\d)", "$1$2")
                .replaceAll(" +", " ");
    }

    static final Pattern EVENTS = Pattern.compile("^Events \\((\\d+,\\d+)\\): (\\d+) entries$");

    /** blkparse's "Events (8,16): 347 entries" of each device. */
    static Map<String, Integer> eventsPerDevice(String text) {
        Map<String, Integer> events = new TreeMap<>();
        for (String line : RealTools.lines(text)) {
            Matcher m = EVENTS.matcher(ungrouped(line));
            if (m.matches()) events.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return events;
    }

    /** The event lines printed on each device ("8,0", "8,16"). */
    static Map<String, Integer> linesPerDevice(String text) {
        Map<String, Integer> lines = new TreeMap<>();
        for (String line : eventLines(text)) lines.merge(line.trim().split("\\s+")[0], 1, Integer::sum);
        return lines;
    }

    static Map<String, Integer> letters(String text) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : eventLines(text)) {
            Matcher m = EVENT.matcher(line);
            if (m.find()) counts.merge(m.group(1), 1, Integer::sum);
        }
        return counts;
    }
}
