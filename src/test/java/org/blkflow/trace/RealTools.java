package org.blkflow.trace;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's blkparse and btt on files. Tests skip with a message when blktrace is not installed,
 * unless -Dbrowser.required=true (CI's "everything required" switch, which .ci/run passes).
 */
final class RealTools {

    static final File BLKPARSE = new File("/usr/bin/blkparse");
    static final File BTT = new File("/usr/bin/btt");

    private RealTools() {
    }

    static void require() {
        boolean present = BLKPARSE.canExecute() && BTT.canExecute();
        if (!present && Boolean.getBoolean("browser.required")) {
            throw new IllegalStateException("browser.required=true but /usr/bin/blkparse or /usr/bin/btt is missing "
                    + "(apt-get install blktrace)");
        }
        assumeTrue(present, "blktrace (blkparse, btt) is not installed: apt-get install blktrace");
    }

    /** The tool's standard output; stdin from a file, as in {@code blkparse -i - < trace}. */
    static String run(Path workDir, Path stdin, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(workDir.toFile())
                .redirectError(workDir.resolve("stderr.txt").toFile());
        if (stdin != null) pb.redirectInput(stdin.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        String err = Files.readString(workDir.resolve("stderr.txt"));
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ": " + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    static List<String> lines(String text) {
        return new ArrayList<>(text.lines().toList());
    }
}
