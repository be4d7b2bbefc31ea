package org.blkflow.web;

import java.util.List;
import java.util.Map;
import org.blkflow.runs.XenIometer;
import org.blkflow.scenario.FieldLimits;
import org.blkflow.scenario.ScenarioDefaults;
import org.blkflow.scenario.ScenarioField.Group;
import org.blkflow.scenario.ScenarioField;
import org.blkflow.scenario.ScenarioFields;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the page would otherwise repeat from the server: the default scenario, the editor's fields
 * with their ranges and choices, the session's step and seek limits, xen-blkfront's ring size and the Xen sweep's setup. Rendered once into the
 * page as JSON, so the front end reads them before it opens its socket.
 */
final class PageDefaults {

    static final String JSON = render();

    private PageDefaults() {
    }

    static ObjectNode node() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("scenario", ScenarioJsonWriter.write(ScenarioDefaults.scenario()));
        o.set("job", ScenarioJsonWriter.write(ScenarioDefaults.scenario()).get("jobs").get(0));
        ObjectNode limits = o.putObject("limits");
        for (Map.Entry<String, long[]> e : FieldLimits.all().entrySet()) {
            limits.putArray(e.getKey()).add(e.getValue()[0]).add(e.getValue()[1]);
        }
        ObjectNode choices = o.putObject("choices");
        for (Map.Entry<String, List<String>> e : FieldLimits.choices().entrySet()) {
            e.getValue().forEach(choices.putArray(e.getKey())::add);
        }
        ObjectNode fields = o.putObject("fields");
        fields.set("top", editorFields(Group.SCENARIO));
        // xen-blkback's fields follow the device's, named "device.backend.<field>".
        ArrayNode device = editorFields(Group.DEVICE);
        device.addAll(editorFields(Group.BACKEND));
        fields.set("device", device);
        fields.set("job", editorFields(Group.JOB));
        ObjectNode session = o.putObject("session");
        session.put("maxStep", SessionLimits.MAX_STEP);
        session.put("maxSeek", SessionLimits.MAX_SEEK);
        o.put("xenRingSlots", ScenarioDefaults.XEN_RING_SLOTS);
        // Printed under the Xen sweep's curves, so the page never states the experiment's setup its own way.
        o.put("xenIometerSetup", XenIometer.setup(XenIometer.BACKEND));
        return o;
    }

    /**
     * The editor's fields, in the table's order: path (a job's without "jobs[i]."), label, input type,
     * and the default a scenario that leaves the field out means (a 3.16 scenario has no "kernel").
     */
    static ArrayNode editorFields(Group group) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (ScenarioField<?, ?> f : ScenarioFields.of(group)) {
            if (f.label() == null) continue;
            ObjectNode o = out.addObject();
            o.put("path", group == Group.JOB ? f.name() : f.path());
            o.put("label", f.label());
            o.put("type", switch (f.type()) {
                case TEXT -> "text";
                case BOOL -> "checkbox";
                case CHOICE -> "select";
                case CPU_MAP, CPU_LIST -> "list";
                case BSSPLIT -> "bssplit";
                default -> "number";
            });
            if (f.placeholder() != null) o.put("placeholder", f.placeholder());
            if (f.step() != null) o.put("step", f.step());
            if (f.standard() != null) o.set("fallback", ScenarioJsonWriter.value(f, f.standard()));
            // When the editor shows it: while any one of these choice fields holds one of the values
            // listed ("jobs.ioengine" is the same job's).
            if (!f.shownWhen().isEmpty()) {
                ArrayNode when = o.putArray("shownWhen");
                for (ScenarioField.ShownWhen w : f.shownWhen()) {
                    ObjectNode c = when.addObject();
                    c.put("field", w.on().path());
                    w.values().forEach(c.putArray("in")::add);
                }
            }
        }
        return out;
    }

    /** Inside a script element: "</" must not close it, whatever a default name one day holds. */
    private static String render() {
        return node().toString().replace("</", "<\\/");
    }
}
