package org.blkflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioValidator;
import org.blkflow.runs.RunExport;
import org.blkflow.runs.RunReport;
import org.blkflow.web.RunController;
import org.blkflow.web.ScenarioJson;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code run SCENARIO.json [--format=json|blkparse|blktrace|perfetto] [--out FILE] [--transitions=N]}:
 * what POST /api/runs answers, written to a file or standard output. The run is made to its end
 * first, as the API does, so a broken invariant is reported before anything is written.
 */
final class RunCommand {

    /** As POST /api/runs: the JSON report keeps the first 10,000 transitions unless told otherwise. */
    static final long DEFAULT_TRANSITIONS = 10_000;
    static final long MAX_TRANSITIONS = 1_000_000;

    private RunCommand() {
    }

    static void run(List<String> words, InputStream stdin, OutputStream stdout) throws IOException {
        CliArgs args = CliArgs.parse(words, Set.of("format", "out", "transitions"), Set.of());
        String format = args.option("format", "json");
        RunExport export = format.equals("json") ? null : RunExport.forFormat(format);
        if (!format.equals("json") && export == null) {
            throw new CliException("--format=" + format + ": must be json, blkparse, blktrace or perfetto");
        }
        long keep = transitions(args.option("transitions", null));
        Scenario scenario = ScenarioValidator.require(ScenarioJson.read(Input.json(args.input(), stdin)));
        RunReport report = RunReport.measure(scenario);
        try (OutputStream out = Output.open(args.option("out", null), stdout)) {
            if (export != null) {
                export.write(scenario, out);
                return;
            }
            try (JsonGenerator g = new JsonMapper().createGenerator(out)) {
                RunController.write(report, keep, g);
            }
            out.write('\n');
        }
    }

    static long transitions(String value) {
        if (value == null) return DEFAULT_TRANSITIONS;
        String rule = "--transitions=" + value + ": must be a whole number between 0 and " + MAX_TRANSITIONS;
        try {
            long n = Long.parseLong(value.strip());
            if (n < 0 || n > MAX_TRANSITIONS) throw new CliException(rule);
            return n;
        } catch (NumberFormatException e) {
            throw new CliException(rule);
        }
    }
}
