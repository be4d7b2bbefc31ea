package org.blkflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.blkflow.scenario.Presets;
import org.blkflow.web.ScenarioJsonWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar in the README's pipeline: {@code java -jar blkflow.jar run … --format=blktrace |
 * blkparse -i -} prints the same event lines as the jar's own blkparse text, and no server starts.
 */
class CliJarIT {

    @TempDir
    Path dir;

    @Test
    void theJarPipesABinaryTraceIntoDebiansBlkparse() throws Exception {
        boolean blkparse = new File("/usr/bin/blkparse").canExecute();
        if (!blkparse && Boolean.getBoolean("browser.required")) {
            throw new IllegalStateException("browser.required=true but /usr/bin/blkparse is missing (apt-get install blktrace)");
        }
        assumeTrue(blkparse, "blktrace is not installed: apt-get install blktrace");
        File[] jars = new File(System.getProperty("project.basedir", "."), "target")
                .listFiles((d, n) -> n.matches("blkflow-.*\\.jar"));
        assertTrue(jars != null && jars.length == 1, "one packaged jar in target/");
        Path scenario = dir.resolve("scenario.json");
        Files.writeString(scenario, ScenarioJsonWriter.write(Presets.all().get(0).scenario()).toString());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = jars[0].getAbsolutePath();

        long start = System.nanoTime();
        String piped = sh("'" + java + "' -jar '" + jar + "' run scenario.json --format=blktrace | blkparse -i -");
        System.out.printf("[perf] jar run | blkparse: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        String text = sh("'" + java + "' -jar '" + jar + "' run scenario.json --format=blkparse");
        assertEquals(events(text), events(piped));
        assertTrue(events(piped).size() > 100, piped);
    }

    static List<String> events(String blkparse) {
        return blkparse.lines().filter(l -> l.matches("^\\s*8,0\\s+\\d+\\s+\\d+\\s+\\d+\\.\\d{9}\\s.*")).toList();
    }

    String sh(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-o", "pipefail", "-c", command).directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), command + " did not finish");
        assertEquals(0, p.exitValue(), command + ": " + Files.readString(dir.resolve("stderr.txt")));
        return new String(out, StandardCharsets.UTF_8);
    }
}
