package org.blkflow.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A field of the scenario JSON named by a dotted path, as a sweep varies it: {@code cpus},
 * {@code device.irqMode}, {@code costs.lockNs}, {@code jobs[0].iodepth}. Paths are resolved in the
 * normalized JSON, where every field is present, so a path that does not resolve names no field.
 */
final class ScenarioPath {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z]+)(?:\\[([0-9]{1,2})])?");

    private ScenarioPath() {
    }

    /**
     * What a path names in the field table: its field's path without the index ({@code jobs.iodepth} for
     * {@code jobs[0].iodepth}) and that index, -1 when it has none; null when the path is not of this form.
     */
    record Named(String field, int index) {
    }

    static Named named(String path) {
        StringBuilder field = new StringBuilder();
        int index = -1;
        for (String segment : path.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(segment);
            if (!m.matches()) return null;
            if (!field.isEmpty()) field.append('.');
            field.append(m.group(1));
            if (m.group(2) != null) index = Integer.parseInt(m.group(2));
        }
        return new Named(field.toString(), index);
    }

    /** Replaces the value at path in root; false (root unchanged) when there is no such field. */
    static boolean set(ObjectNode root, String path, JsonNode value) {
        String[] segments = path.split("\\.", -1);
        JsonNode node = root;
        for (int i = 0; i < segments.length; i++) {
            Matcher m = SEGMENT.matcher(segments[i]);
            if (!m.matches() || !(node instanceof ObjectNode object) || !object.has(m.group(1))) {
                return false;
            }
            boolean last = i == segments.length - 1;
            JsonNode child = object.get(m.group(1));
            if (m.group(2) == null) {
                if (last) {
                    object.set(m.group(1), value);
                    return true;
                }
                node = child;
                continue;
            }
            int index = Integer.parseInt(m.group(2));
            if (!(child instanceof ArrayNode array) || index >= array.size()) {
                return false;
            }
            if (last) {
                array.set(index, value);
                return true;
            }
            node = array.get(index);
        }
        return false;
    }
}
