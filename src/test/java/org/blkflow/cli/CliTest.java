package org.blkflow.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.runs.RunExport;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.Scenario;
import org.blkflow.stats.RunStats;
import org.blkflow.trace.TraceEventChecker;
import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Transition;
import org.blkflow.web.ScenarioJsonWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command line, run in-process through the same entry point main() uses. */
class CliTest {

    static final JsonMapper JSON = new JsonMapper();

    @TempDir
    Path dir;

    record Result(int exit, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    static Result cli(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    static Scenario figure1() {
        return Presets.all().get(0).scenario();
    }

    Path scenarioFile(Scenario s) throws Exception {
        Path p = dir.resolve("scenario.json");
        Files.writeString(p, ScenarioJsonWriter.write(s).toString());
        return p;
    }

    @Test
    void onlyCommandsRunHeadlessEverythingElseStartsTheServer() {
        assertTrue(Cli.handles(new String[] {"run", "x.json"}));
        assertTrue(Cli.handles(new String[] {"fio2scenario", "-"}));
        assertFalse(Cli.handles(new String[] {}));
        assertFalse(Cli.handles(new String[] {"--server.port=8081"}));
    }

    @Test
    void runPrintsTheApisJsonReportWithTheRunsOwnStatistics() throws Exception {
        Result r = cli("", "run", scenarioFile(figure1()).toString(), "--transitions=5");
        assertEquals(0, r.exit(), r.err());
        JsonNode report = JSON.readTree(r.out());
        RunStats stats = new RunStats();
        BlockLayerRun run = new BlockLayerRun(figure1(), false);
        for (Transition t = run.next(); t != null; t = run.next()) stats.onTransition(t);
        assertEquals(stats.counts().transitions(), report.get("stats").get("transitions").asLong());
        assertEquals(stats.counts().completed(), report.get("stats").get("completed").asLong());
        assertEquals(5, report.get("transitions").size());
        assertTrue(report.get("truncated").asBoolean());
        assertEquals("", r.err());
    }

    @Test
    void runReadsStandardInputAndWritesEachExportFormat() throws Exception {
        String scenario = ScenarioJsonWriter.write(figure1()).toString();
        for (RunExport format : RunExport.values()) {
            Result r = cli(scenario, "run", "-", "--format=" + format.name().toLowerCase());
            assertEquals(0, r.exit(), r.err());
            ByteArrayOutputStream direct = new ByteArrayOutputStream();
            format.write(figure1(), direct);
            assertArrayEquals(direct.toByteArray(), r.out(), format + " as the API writes it");
        }
    }

    @Test
    void runWritesToTheOutFileAndNothingToStandardOutput() throws Exception {
        Path out = dir.resolve("run.perfetto.json");
        Result r = cli("", "run", scenarioFile(figure1()).toString(), "--format", "perfetto", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(0, r.out().length);
        assertEquals(List.of(), TraceEventChecker.check(JSON.readTree(Files.readAllBytes(out))));
    }

    @Test
    void invalidInputExitsTwoNamingTheProblem() throws Exception {
        Result range = cli("{\"cpus\": 999, \"jobs\": [{\"bs\": 1000}]}", "run", "-");
        assertEquals(Cli.INVALID, range.exit());
        assertTrue(range.err().contains("cpus = 999: must be between 1 and 64"), range.err());
        assertTrue(range.err().contains("jobs[0].bs = 1000"), range.err());
        assertEquals(0, range.out().length);

        Result malformed = cli("{\"cpus\": ", "run", "-");
        assertEquals(Cli.INVALID, malformed.exit());
        assertTrue(malformed.err().contains("malformed JSON") && malformed.err().contains("line 1"), malformed.err());

        Result missing = cli("", "run", dir.resolve("nope.json").toString());
        assertEquals(Cli.INVALID, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());

        Result option = cli("{}", "run", "-", "--fromat=perfetto");
        assertEquals(Cli.INVALID, option.exit());
        assertTrue(option.err().contains("unknown option --fromat=perfetto"), option.err());

        Result format = cli("{}", "run", "-", "--format=csv");
        assertEquals(Cli.INVALID, format.exit());
        assertTrue(format.err().contains("must be json, blkparse, blktrace or perfetto"), format.err());

        Result keep = cli("{}", "run", "-", "--transitions=-1");
        assertEquals(Cli.INVALID, keep.exit());
        assertTrue(keep.err().contains("between 0 and 1000000"), keep.err());

        Result big = cli("{\"name\": \"" + "x".repeat(300 * 1024) + "\"}", "run", "-");
        assertEquals(Cli.INVALID, big.exit());
        assertTrue(big.err().contains("256 KiB"), big.err());
    }

    @Test
    void anInvariantViolationExitsThreeWithTheOops() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.failed("run", new InvariantViolation("tag held twice", "tag 3", null, "hctx 0: tags used 9/8\n"),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Cli.INVARIANT, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("invariant violated: tag held twice: tag 3 at end of run"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("hctx 0: tags used 9/8"));
    }

    @Test
    void sweepAnswersThePointsInProductOrder() throws Exception {
        String body = "{\"scenario\": {\"jobs\": [{\"ios\": 8}]}, \"vary\": {\"mode\": [\"sq\", \"mq\"], \"cpus\": [1, 2]}}";
        Result r = cli(body, "sweep", "-");
        assertEquals(0, r.exit(), r.err());
        JsonNode points = JSON.readTree(r.out()).get("points");
        assertEquals(4, points.size());
        assertEquals("sq", points.get(0).get("mode").asString());
        assertEquals(2, points.get(1).get("cpus").asInt());
        assertEquals("mq", points.get(3).get("mode").asString());
        for (JsonNode p : points) assertEquals(8L * p.get("cpus").asInt(), p.get("stats").get("completed").asLong());

        Result bad = cli("{\"vary\": {\"cpus\": [1, 100]}}", "sweep", "-");
        assertEquals(Cli.INVALID, bad.exit());
        assertTrue(bad.err().contains("point 1"), bad.err());
    }

    @Test
    void fio2scenarioWritesARunnableScenarioAndNamesWhatItIgnored() throws Exception {
        Path fio = dir.resolve("randread.fio");
        Files.writeString(fio, "[global]\nioengine=libaio\niodepth=16\nbs=8k\nruntime=10\n[reader]\nrw=randread\ncpus_allowed=0-5\n");
        Result r = cli("", "fio2scenario", fio.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode scenario = JSON.readTree(r.out());
        assertEquals("randread", scenario.get("name").asString());
        assertEquals(6, scenario.get("cpus").asInt());
        assertEquals(8192, scenario.get("jobs").get(0).get("bs").asInt());
        assertTrue(r.err().contains("runtime"), r.err());
        Result run = cli(r.text(), "run", "-", "--transitions=0");
        assertEquals(0, run.exit(), run.err());

        Result notFio = cli("bs=4k\n", "fio2scenario", "-");
        assertEquals(Cli.INVALID, notFio.exit());
        assertTrue(notFio.err().contains("not a fio job file"), notFio.err());
    }
}
