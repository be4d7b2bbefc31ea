package org.blkflow.web;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Typed, range-checked reads of one JSON object's fields. Every failure names the command and the
 * field (dotted from the message root, e.g. {@code scenario.device.slots}).
 */
final class SessionFields {

    private final JsonNode node;
    private final String command;
    private final String path;

    SessionFields(JsonNode node, String command, String path) {
        this.node = node;
        this.command = command;
        this.path = path;
    }

    boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    JsonNode raw(String name) {
        return node.get(name);
    }

    long integer(String name, long min, long max) {
        if (!has(name)) {
            throw fail(name, "is required");
        }
        return integer(name, min, max, 0);
    }

    long integer(String name, long min, long max, long absent) {
        if (!has(name)) {
            return absent;
        }
        JsonNode v = node.get(name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw fail(name, "must be an integer");
        }
        return inRange(name, v.longValue(), min, max);
    }

    double number(String name, double min, double max) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw fail(name, "is required");
        }
        if (!v.isNumber()) {
            throw fail(name, "must be a number");
        }
        double d = v.doubleValue();
        if (!(d >= min && d <= max)) {
            throw fail(name, "must be between " + (long) min + " and " + (long) max);
        }
        return d;
    }

    String string(String name, String absent) {
        if (!has(name)) {
            return absent;
        }
        JsonNode v = node.get(name);
        if (!v.isString()) {
            throw fail(name, "must be a string");
        }
        return v.stringValue();
    }

    String oneOf(String name, String absent, List<String> allowed) {
        String s = string(name, absent);
        if (!allowed.contains(s)) {
            throw fail(name, "must be one of " + allowed);
        }
        return s;
    }

    boolean bool(String name, boolean absent) {
        if (!has(name)) {
            return absent;
        }
        JsonNode v = node.get(name);
        if (!v.isBoolean()) {
            throw fail(name, "must be true or false");
        }
        return v.booleanValue();
    }

    List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array(name).values()) {
            if (!v.isString()) {
                throw fail(name, "must be an array of strings");
            }
            out.add(v.stringValue());
        }
        return out;
    }

    List<Integer> integers(String name, int min, int max) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode v : array(name).values()) {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw fail(name, "must be an array of integers");
            }
            out.add((int) inRange(name, v.intValue(), min, max));
        }
        return out;
    }

    SessionFields object(String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isObject()) {
            throw fail(name, "must be an object");
        }
        return new SessionFields(v, command, field(name));
    }

    /** The nested object, or an empty one when absent, so its fields take their defaults. */
    SessionFields optionalObject(String name) {
        return has(name) ? object(name)
                : new SessionFields(JsonNodeFactory.instance.objectNode(), command, field(name));
    }

    List<SessionFields> objects(String name) {
        List<SessionFields> out = new ArrayList<>();
        JsonNode a = array(name);
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isObject()) {
                throw fail(name, "must be an array of objects");
            }
            out.add(new SessionFields(a.get(i), command, field(name) + "[" + i + "]"));
        }
        return out;
    }

    SessionCommandError fail(String name, String problem) {
        return new SessionCommandError(command, field(name), field(name) + " " + problem);
    }

    private JsonNode array(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!v.isArray()) {
            throw fail(name, "must be an array");
        }
        return v;
    }

    private long inRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw fail(name, "must be between " + min + " and " + max);
        }
        return value;
    }

    private String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
