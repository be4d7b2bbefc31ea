package org.blkflow.web;

import java.util.List;
import java.util.Map;
import org.blkflow.scenario.FieldLimits;
import org.blkflow.scenario.ScenarioDefaults;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the page would otherwise repeat from the server: the default scenario, the editor's field
 * ranges and choices, the session's step and seek limits and xen-blkfront's ring size. Rendered once into the
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
        ObjectNode session = o.putObject("session");
        session.put("maxStep", SessionLimits.MAX_STEP);
        session.put("maxSeek", SessionLimits.MAX_SEEK);
        o.put("xenRingSlots", ScenarioDefaults.XEN_RING_SLOTS);
        return o;
    }

    /** Inside a script element: "</" must not close it, whatever a default name one day holds. */
    private static String render() {
        return node().toString().replace("</", "<\\/");
    }
}
