package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.blkflow.scenario.Device;
import org.blkflow.scenario.FieldDraft;
import org.blkflow.scenario.Job;
import org.blkflow.scenario.JobDraft;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioDefaults;
import org.blkflow.scenario.ScenarioDraft;
import org.blkflow.scenario.ScenarioField;
import org.blkflow.scenario.ScenarioField.Group;
import org.blkflow.scenario.ScenarioFields;
import org.blkflow.scenario.ScenarioLink;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The table of scenario fields is the one place a field is declared. Listed here, every declared field
 * (none named by hand) is a record component and back, reads back from the JSON and the link it is
 * written to, and is in the editor's list. ScenarioFieldsHttpTest checks each range over HTTP.
 */
class ScenarioFieldsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyRecordComponentIsDeclaredOnceAndEveryDeclarationIsAComponent() {
        assertEquals(components(Scenario.class), names(Group.SCENARIO));
        assertEquals(components(Device.class), names(Group.DEVICE));
        assertEquals(components(Job.class), names(Group.JOB));
    }

    /** Each field set to a value other than its default, alone: JSON and link give back the same scenario and text. */
    @TestFactory
    Stream<DynamicTest> everyFieldRoundTripsThroughJsonAndLinks() {
        return ScenarioFields.all().stream().filter(f -> !group(f)).map(f -> dynamicTest(f.path(), () -> {
            Scenario s = withOtherValue(f);
            assertNotEquals(ScenarioDefaults.scenario(), s, f + " must differ from the defaults to be tested");
            JsonNode json = ScenarioJsonWriter.write(s);
            Scenario fromJson = ScenarioJson.read(JSON.readTree(json.toString()));
            assertEquals(s, fromJson, f + " through JSON");
            assertEquals(json.toString(), ScenarioJsonWriter.write(fromJson).toString());
            String link = ScenarioLink.encode(s);
            Scenario fromLink = ScenarioLink.decode(link).scenario();
            assertEquals(s, fromLink, f + " through " + link);
            assertEquals(link, ScenarioLink.encode(fromLink));
        }));
    }

    @Test
    void everyScalarFieldIsInTheEditorsList() {
        JsonNode fields = JSON.readTree(PageDefaults.JSON).get("fields");
        List<String> editor = new ArrayList<>();
        for (String group : List.of("top", "device", "job")) {
            fields.get(group).forEach(f -> editor.add((group.equals("job") ? "jobs." : "") + f.get("path").asString()));
        }
        List<String> declared = ScenarioFields.all().stream()
                .filter(f -> !group(f) && f.type() != ScenarioField.Type.NODES).map(ScenarioField::path).toList();
        assertEquals(declared, editor);
    }

    private static boolean group(ScenarioField<?, ?> f) {
        return switch (f.type()) {
            case COSTS, DEVICE, JOBS -> true;
            default -> false;
        };
    }

    /** The defaults with one field changed to a value of its type that its default is not. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Scenario withOtherValue(ScenarioField f) {
        ScenarioDraft d = new ScenarioDraft();
        FieldDraft into = switch (f.group()) {
            case SCENARIO -> d;
            case DEVICE -> d.device;
            case JOB -> {
                JobDraft job = new JobDraft();
                d.jobs = List.of(job);
                yield job;
            }
        };
        into.put(f, other(f, d.build()));
        return d.build();
    }

    private static Object other(ScenarioField<?, ?> f, Scenario defaults) {
        Object standard = f.standard();
        return switch (f.type()) {
            case TEXT -> f.group() == Group.JOB ? "other-job" : "another name, with spaces & symbols";
            case INT, SIZE -> (int) otherNumber(f, standard);
            case LONG, BYTES -> otherNumber(f, standard);
            case BOOL -> !(Boolean) standard;
            case CHOICE -> f.parseLabel(f.choices().stream()
                    .filter(c -> standard == null || !c.equals(((org.blkflow.scenario.Label) standard).label()))
                    .filter(c -> !c.equals(defaults.scheduler().label())).findFirst().orElseThrow());
            case CPU_MAP -> List.of(0, 0, 0, 0);
            case CPU_LIST -> List.of(2, 0, 3);
            case NODES -> List.of(List.of(0, 1), List.of(2, 3));
            default -> throw new IllegalArgumentException(f.path());
        };
    }

    /** The declared minimum, or its maximum when the minimum is the default; 12345 for an unbounded field. */
    private static long otherNumber(ScenarioField<?, ?> f, Object standard) {
        long[] limits = f.limits();
        if (limits == null) return 12345;
        return standard != null && ((Number) standard).longValue() == limits[0] ? limits[1] : limits[0];
    }

    private static List<String> components(Class<? extends Record> type) {
        return Stream.of(type.getRecordComponents()).map(RecordComponent::getName).sorted().toList();
    }

    private static List<String> names(Group group) {
        List<String> names = ScenarioFields.of(group).stream().map(ScenarioField::name).toList();
        assertEquals(names.size(), names.stream().distinct().count(), "a field declared twice in " + group);
        return names.stream().sorted().toList();
    }
}
