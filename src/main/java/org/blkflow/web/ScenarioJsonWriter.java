package org.blkflow.web;

import java.util.List;
import org.blkflow.scenario.CostField;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.Label;
import org.blkflow.scenario.NumaNodes;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioField.Group;
import org.blkflow.scenario.ScenarioField;
import org.blkflow.scenario.ScenarioFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a scenario as the JSON that {@link ScenarioJson} reads: every field {@link ScenarioFields}
 * declares, in its order, each as its type says (a 7.0-only field only for a 7.0 scenario).
 */
public final class ScenarioJsonWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScenarioJsonWriter() {
    }

    public static ObjectNode write(Scenario s) {
        return record(Group.SCENARIO, s);
    }

    /** One value of a field as JSON, the way the page's defaults give each field's default. */
    static JsonNode value(ScenarioField<?, ?> field, Object v) {
        return switch (field.type()) {
            case TEXT -> NODES.stringNode((String) v);
            case INT, SIZE -> NODES.numberNode(((Number) v).intValue());
            case LONG, BYTES -> NODES.numberNode(((Number) v).longValue());
            case BOOL -> NODES.booleanNode((Boolean) v);
            case CHOICE -> NODES.stringNode(((Label) v).label());
            case CPU_MAP -> v == null ? NODES.stringNode("kernel") : numbers(integers(v));
            case CPU_LIST -> v == null ? NODES.stringNode("all") : numbers(integers(v));
            case NODES -> nodes(v);
            case COSTS -> costs((Costs) v);
            case DEVICE -> record(Group.DEVICE, (Record) v);
            case JOBS -> {
                ArrayNode jobs = NODES.arrayNode();
                ((List<?>) v).forEach(j -> jobs.add(record(Group.JOB, (Record) j)));
                yield jobs;
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ObjectNode record(Group group, Record r) {
        ObjectNode o = NODES.objectNode();
        for (ScenarioField f : ScenarioFields.of(group)) {
            if (f.written(r)) o.set(f.name(), value(f, f.of(r)));
        }
        return o;
    }

    private static ArrayNode nodes(Object v) {
        ArrayNode nodes = NODES.arrayNode();
        ((List<?>) v).forEach(n -> nodes.add(NumaNodes.format(integers(n))));
        return nodes;
    }

    private static ObjectNode costs(Costs c) {
        ObjectNode o = NODES.objectNode();
        for (CostField f : CostField.values()) {
            o.put(f.json(), f.of(c));
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> integers(Object list) {
        return (List<Integer>) list;
    }

    private static ArrayNode numbers(List<Integer> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }
}
