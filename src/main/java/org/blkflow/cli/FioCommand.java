package org.blkflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.blkflow.fio.FioImport;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioDraft;
import org.blkflow.scenario.ScenarioFields;
import org.blkflow.scenario.ScenarioValidator;
import org.blkflow.web.ScenarioJsonWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code fio2scenario JOBS.fio [--out FILE]}: a fio job file as a whole scenario (the defaults, enough
 * CPUs for the jobs' cpus_allowed, the jobs as POST /api/fio maps them), ready for {@code run}. Each
 * option fio2scenario could not use is named on stderr; the scenario is validated before it is written.
 */
final class FioCommand {

    private FioCommand() {
    }

    static void run(List<String> words, InputStream stdin, OutputStream stdout, PrintStream stderr) throws IOException {
        CliArgs args = CliArgs.parse(words, Set.of("out"), Set.of());
        String file = args.input();
        FioImport fio;
        try {
            fio = FioImport.read(Input.text(file, stdin));
        } catch (IllegalArgumentException e) {
            throw new CliException(file + ": not a fio job file: " + e.getMessage());
        }
        ScenarioDraft d = new ScenarioDraft().jobs(fio.jobs());
        d.set(ScenarioFields.NAME, name(file)).set(ScenarioFields.CPUS, Math.max(d.get(ScenarioFields.CPUS), fio.cpusNeeded()));
        Scenario scenario = ScenarioValidator.require(d.build());
        for (FioImport.Ignored i : fio.ignored()) {
            stderr.println("fio2scenario: [" + i.job() + "] " + i.option() + ": " + i.reason());
        }
        try (OutputStream out = Output.open(args.option("out", null), stdout)) {
            out.write(new JsonMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(ScenarioJsonWriter.write(scenario)));
            out.write('\n');
        }
    }

    /** The job file's name without its extension, as the scenario's name. */
    static String name(String file) {
        if (file.equals("-")) return "fio";
        String base = Path.of(file).getFileName().toString().replaceFirst("\\.[^.]*$", "");
        base = base.length() > ScenarioValidator.MAX_NAME ? base.substring(0, ScenarioValidator.MAX_NAME) : base;
        return base.isBlank() ? "fio" : base;
    }
}
