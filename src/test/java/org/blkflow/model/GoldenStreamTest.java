package org.blkflow.model;

import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.blkflow.scenario.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole transition streams of a few teaching scenarios, reviewed once and kept in git. A change
 * of the model that alters them fails here; regenerate on purpose with -Dgolden.update=true and
 * read the diff.
 */
class GoldenStreamTest {

    static final Path DIR = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @ValueSource(strings = {"figure1", "plug-merge", "busy-requeue", "tags-exhausted"})
    void streamMatchesTheReviewedGoldenFile(String name) throws IOException {
        String actual = RunRecorder.run(named(name)).stream().map(RunRecorder::describe)
                .collect(Collectors.joining("\n", "", "\n"));
        Path file = DIR.resolve(name + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual, "golden stream " + file + " (regenerate with -Dgolden.update=true)");
    }

    private static Scenario named(String name) {
        return switch (name) {
            case "figure1" -> scenario().seed(42).cpus(4).hwQueues(2).irq("timer")
                    .job(job().allCpus().rw("randread").libaio().iodepth(2).ios(2)).build();
            case "plug-merge" -> scenario().seed(7).cpus(2).irq("timer")
                    .job(job().cpus(0, 1).rw("write").libaio().iodepth(4).plug().ios(8)).build();
            case "busy-requeue" -> scenario().seed(3).cpus(2).irq("timer").slots(2)
                    .job(job().cpus(0, 1).rw("randwrite").libaio().iodepth(3).ios(3)).build();
            case "tags-exhausted" -> scenario().seed(5).depth(4).irq("timer")
                    .job(job().rw("randwrite").libaio().iodepth(8).plug().ios(8)).build();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
