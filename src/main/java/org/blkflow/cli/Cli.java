package org.blkflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.blkflow.runs.SweepRefused;
import org.blkflow.scenario.Problem;
import org.blkflow.scenario.ScenarioRejected;
import org.blkflow.transition.InvariantViolation;
import org.blkflow.web.ApiException;

/**
 * blkflow headless: {@code run}, {@code sweep} and {@code fio2scenario}, decided in main() before any
 * server starts. Exit codes: 0 done, 2 invalid input (each problem on stderr), 3 the model broke an
 * invariant (its OOPS on stderr), 1 anything else (an output that could not be written).
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID = 2;
    public static final int INVARIANT = 3;

    static final List<String> COMMANDS = List.of("run", "sweep", "fio2scenario");
    static final String USAGE = """
            usage: java -jar blkflow.jar run SCENARIO.json [--format=json|blkparse|blktrace|perfetto] [--out FILE] [--transitions=N]
                   java -jar blkflow.jar sweep SWEEP.json [--out FILE]
                   java -jar blkflow.jar fio2scenario JOBS.fio [--out FILE]
                   java -jar blkflow.jar [--server.port=8080 …]   (the web server)
            A file may be - for standard input. Exit: 0 done, 2 invalid input, 3 invariant violated.""";

    private Cli() {
    }

    /** Whether these arguments name a command; anything else starts the server. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (COMMANDS.contains(args[0]) || args[0].equals("help"));
    }

    public static int run(String[] args, InputStream stdin, OutputStream stdout, PrintStream stderr) {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "run" -> RunCommand.run(rest, stdin, stdout);
                case "sweep" -> SweepCommand.run(rest, stdin, stdout);
                case "fio2scenario" -> FioCommand.run(rest, stdin, stdout, stderr);
                default -> {
                    stderr.println(USAGE);
                    return OK;
                }
            }
            return OK;
        } catch (RuntimeException e) {
            return failed(args[0], e, stderr);
        } catch (IOException e) {
            stderr.println("blkflow " + args[0] + ": output failed: " + e.getMessage());
            return FAILED;
        }
    }

    /** The exit code for what stopped a command, its problems told on stderr; anything unforeseen is rethrown. */
    static int failed(String command, RuntimeException e, PrintStream stderr) {
        if (e instanceof CliException) {
            stderr.println("blkflow " + command + ": " + e.getMessage());
            stderr.println(USAGE);
            return INVALID;
        }
        if (e instanceof ScenarioRejected r) {
            problems(stderr, command, r.error(), r.problems());
            return INVALID;
        }
        if (e instanceof ApiException a) {
            problems(stderr, command, a.getMessage(), a.problems());
            return INVALID;
        }
        if (e instanceof SweepRefused r) {
            problems(stderr, command, r.getMessage(), r.problems());
            return INVALID;
        }
        if (e instanceof InvariantViolation v) {
            stderr.println("blkflow " + command + ": invariant violated: " + v.getMessage());
            if (v.state() != null) stderr.print(v.state());
            return INVARIANT;
        }
        if (e instanceof java.io.UncheckedIOException io) {
            stderr.println("blkflow " + command + ": output failed: " + io.getCause().getMessage());
            return FAILED;
        }
        throw e;
    }

    private static void problems(PrintStream stderr, String command, String error, List<Problem> problems) {
        stderr.println("blkflow " + command + ": " + error);
        for (Problem p : problems) stderr.println("  " + p.message());
    }
}
