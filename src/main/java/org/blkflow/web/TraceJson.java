package org.blkflow.web;

import org.blkflow.trace.ImportedTrace;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** An imported trace as JSON: {@code {"id","stats":{…},"warnings":[{"line","message"}],"warningsNotShown"}}. */
final class TraceJson {

    private TraceJson() {
    }

    static ObjectNode toNode(String id, ImportedTrace t) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", id);
        ObjectNode stats = o.putObject("stats");
        stats.put("lines", t.lines());
        stats.put("parsed", t.parsed());
        stats.put("skipped", t.skipped());
        ObjectNode actions = stats.putObject("actions");
        t.actions().forEach(actions::put);
        ArrayNode cpus = stats.putArray("cpus");
        t.cpus().forEach(cpus::add);
        ArrayNode devices = stats.putArray("devices");
        t.devices().forEach(devices::add);
        ArrayNode warnings = o.putArray("warnings");
        for (ImportedTrace.Warning w : t.warnings()) {
            warnings.addObject().put("line", w.line()).put("message", w.message());
        }
        o.put("warningsNotShown", t.warningsNotShown());
        return o;
    }
}
