package org.blkflow.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The scenario's labels are enums (Mode, Kernel, Scheduler, IrqMode, Driver, Rings, Rw, IoEngine). Comparing one
 * with a string compiles and is always false: {@code s.mode().equals("sq")} silently took the wrong branch in
 * code written against the string version and merged after the switch. javac does not warn, so this test reads
 * the sources for the two shapes such a comparison takes.
 */
class LabelComparisonTest {

    private static final String ACCESSOR = "(?:mode|kernel|scheduler|irqMode|driver|rings|rw|ioengine)\\(\\)";
    private static final Pattern ENUM_EQUALS_STRING = Pattern.compile(ACCESSOR + "\\.equals\\(\\s*\"");
    private static final Pattern STRING_EQUALS_ENUM = Pattern.compile("\"[^\"]*\"\\.equals\\([^()]*\\." + ACCESSOR + "\\)");
    private static final Pattern ASSERT_STRING_ENUM =
            Pattern.compile("assertEquals\\(\\s*\"[^\"]*\",\\s*[^;]*\\." + ACCESSOR + "\\)\\s*;");

    /** This file spells the shapes out to test the patterns. */
    private static final String SELF = "LabelComparisonTest.java";

    @Test
    void noScenarioLabelIsComparedWithAString() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith(SELF)).toList()) {
                    String[] lines = Files.readString(f).split("\n", -1);
                    for (int i = 0; i < lines.length; i++) {
                        for (Pattern p : List.of(ENUM_EQUALS_STRING, STRING_EQUALS_ENUM, ASSERT_STRING_ENUM)) {
                            Matcher m = p.matcher(lines[i]);
                            if (m.find()) found.add(f + ":" + (i + 1) + ": " + lines[i].strip());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, "compare the enum constant, or its label() with the string");
    }

    @Test
    void thePatternsCatchTheShapesTheyAreFor() {
        // The check above must be able to fail: each shape it looks for is caught, the fixed forms are not.
        assertEquals(true, ENUM_EQUALS_STRING.matcher("if (s.mode().equals(\"mq\")) {").find());
        assertEquals(true, STRING_EQUALS_ENUM.matcher("if (\"mq-deadline\".equals(s.scheduler())) {").find());
        assertEquals(true, ASSERT_STRING_ENUM.matcher("assertEquals(\"sq\", legacy.mode());").find());
        assertEquals(false, ENUM_EQUALS_STRING.matcher("if (s.mode() == Mode.MQ) {").find());
        assertEquals(false, ASSERT_STRING_ENUM.matcher("assertEquals(\"sq\", legacy.mode().label());").find());
    }
}
