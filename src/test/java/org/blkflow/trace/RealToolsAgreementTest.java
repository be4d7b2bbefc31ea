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
        assertTrue(real.contains("Events (8,0): " + export.events() + " entries"), real);
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

    static Map<String, Integer> letters(String text) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : eventLines(text)) {
            Matcher m = EVENT.matcher(line);
            if (m.find()) counts.merge(m.group(1), 1, Integer::sum);
        }
        return counts;
    }
}
