package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Whole transition streams of a few teaching scenarios, reviewed once and kept in git. A change
 * of the model that alters them fails here; regenerate on purpose with -Dgolden.update=true and
 * read the diff.
 */
class GoldenStreamTest {

    static final Path DIR = Path.of("src/test/resources/golden");
    static final String REGENERATE = "regenerate with ./mvnw test -Dtest='GoldenStreamTest,StreamFixtureTest' -Dgolden.update=true";

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
}
