package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Whole transition streams of a few teaching scenarios, reviewed once and kept in git. A change
 * of the model that alters them fails here; regenerate on purpose with -Dgolden.update=true and
 * read the diff.
 */
public class GoldenStreamTest {

    static final Path DIR = Path.of("src/test/resources/golden");
    /**
     * The one command that stores again everything a change of the model's stream moves, printed by each
     * of the tests it names when its stored file differs: the golden streams, the front end's stream
     * fixtures and page defaults, and the one-device Perfetto hashes (README: they move together).
     */
    public static final String REGENERATE = "regenerate with ./mvnw -o -q test "
            + "-Dtest='GoldenStreamTest,StreamFixtureTest,PageDefaultsTest,PerfettoOneDeviceTest' -Dgolden.update=true";

    @ParameterizedTest
    @FieldSource("org.blkflow.model.GoldenScenarios#NAMES")
    void streamMatchesTheReviewedGoldenFile(String name) throws IOException {
        String actual = RunRecorder.run(GoldenScenarios.named(name)).stream().map(RunRecorder::describe)
                .collect(Collectors.joining("\n", "", "\n"));
        Path file = DIR.resolve(name + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual);
        }
        assertTrue(Files.exists(file), file + " is missing; " + REGENERATE);
        assertEquals(Files.readString(file), actual, "golden stream " + file + " differs; review the change, then " + REGENERATE);
    }

    /**
     * The command is the one place: it names the four tests, every test that stores a file with
     * -Dgolden.update prints it (LabelsModuleTest apart: labels.js follows the enums, not the stream), and no
     * test writes a -Dtest list of its own, which would leave one of the four behind as PerfettoOneDeviceTest was.
     */
    @Test
    void theRegenerationCommandIsTheOnePlaceAndNamesEveryTestThatPrintsIt() throws IOException {
        Matcher list = Pattern.compile("-Dtest='([^']+)'").matcher(REGENERATE);
        assertTrue(list.find(), REGENERATE);
        Set<String> named = Set.of(list.group(1).split(","));
        assertEquals(Set.of("GoldenStreamTest", "StreamFixtureTest", "PageDefaultsTest", "PerfettoOneDeviceTest"), named);
        Set<String> storing = new TreeSet<>();
        Set<String> printing = new TreeSet<>();
        Set<String> ownCommand = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                String test = f.getFileName().toString().replace(".java", "");
                if (text.contains("Boolean.getBoolean(\"golden.update\")") && !test.equals("LabelsModuleTest")) storing.add(test);
                if (text.contains("REGENERATE")) printing.add(test);
                if (text.contains("-Dtest=") && !test.equals("GoldenStreamTest")) ownCommand.add(test);
            }
        }
        assertEquals(new TreeSet<>(named), storing, "the tests that store a golden");
        assertEquals(new TreeSet<>(named), printing, "the tests that print GoldenStreamTest.REGENERATE");
        assertEquals(Set.of(), ownCommand, "tests that write a regeneration command of their own");
    }
}
