package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.blkflow.scenario.Label;
import org.blkflow.scenario.ScenarioField;
import org.blkflow.scenario.ScenarioFields;
import org.junit.jupiter.api.Test;

/**
 * frontend/src/labels.js is the front end's copy of the scenario's enums (one constant per label), so
 * the JavaScript compares with names instead of string literals. This test writes what the file must
 * say from the enums of every choice field in {@link ScenarioFields} and fails when the file differs.
 */
class LabelsModuleTest {

    static final Path FILE = Path.of("frontend/src/labels.js");

    @Test
    void theModuleIsTheEnumsLabels() throws Exception {
        String expected = render();
        if (Boolean.getBoolean("golden.update")) Files.writeString(FILE, expected);
        assertEquals(expected, Files.readString(FILE), FILE + " differs from the enums; run with -Dgolden.update=true");
    }

    @Test
    void everyChoiceFieldHasItsEnum() {
        assertTrue(render().contains("export const MODE = Object.freeze({ MQ: 'mq', SQ: 'sq', BIO: 'bio' });"));
        assertTrue(render().contains("MQ_DEADLINE: 'mq-deadline'"));
    }

    static String render() {
        Set<Class<?>> enums = new LinkedHashSet<>();
        for (ScenarioField<?, ?> f : ScenarioFields.all()) {
            if (f.choiceType() != null) enums.add(f.choiceType());
        }
        String header = """
                // The labels of a scenario's choices, as the server's enums spell them in JSON and links:
                // %s (org.blkflow.scenario). Compare with these, never with string
                // literals. Written by LabelsModuleTest, which fails when this file and the enums differ;
                // regenerate with -Dgolden.update=true.
                """.formatted(enums.stream().map(Class::getSimpleName).collect(Collectors.joining(", ")));
        StringBuilder out = new StringBuilder(header);
        for (Class<?> e : enums) {
            String items = Stream.of(e.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name() + ": '" + ((Label) c).label() + "'").collect(Collectors.joining(", "));
            out.append("export const ").append(constant(e.getSimpleName())).append(" = Object.freeze({ ")
                    .append(items).append(" });\n");
        }
        return out.toString();
    }

    /** IrqMode → IRQ_MODE, as JavaScript names its constants. */
    private static String constant(String type) {
        return type.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
    }
}
