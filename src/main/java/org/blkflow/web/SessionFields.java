package org.blkflow.web;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.input.BoundedNumber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Typed, range-checked reads of one command's fields. Every failure names the command and the field.
 * (The scenario inside a load is read by {@link ScenarioJson}, like the REST API's.)
 */
final class SessionFields {

    private final JsonNode node;
    private final String command;

    SessionFields(JsonNode node, String command) {
        this.node = node;
        this.command = command;
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
        if (!v.isIntegralNumber()) {
            throw fail(name, "must be an integer");
        }
        try {
            if (!v.canConvertToLong()) {
                throw BoundedNumber.tooWide(name, min, max);
            }
            return BoundedNumber.check(name, v.longValue(), min, max);
        } catch (BoundedNumber.Refused e) {
            throw fail(name, e.getMessage());
        }
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

    SessionCommandError fail(String name, String problem) {
        return new SessionCommandError(command, name, name + " " + problem);
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
}
