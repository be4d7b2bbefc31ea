package org.blkflow.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.blkflow.scenario.Problem;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads from a JSON tree that remember what went wrong instead of throwing: a wrong type, an
 * unknown field or a number too big for its field each become a {@link Problem} naming the path.
 * JSON null counts as absent, so the field keeps its default.
 */
final class JsonFields {

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() {
        return problems;
    }

    void problem(String field, JsonNode value, String rule) {
        problems.add(Problem.of(field, value, rule));
    }

    /** Whether node is an object whose every field is allowed; each unknown field is a problem. "" = the body. */
    boolean object(JsonNode node, String at, List<String> allowed) {
        if (!node.isObject()) {
            problem(at.isEmpty() ? "(body)" : at, node, "must be a JSON object");
            return false;
        }
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                problem(path(at, name), node.get(name), "unknown field; allowed: " + String.join(", ", allowed));
            }
        }
        return true;
    }

    void string(JsonNode obj, String at, String name, Consumer<String> into) {
        JsonNode v = present(obj, name);
        if (v == null) {
            return;
        }
        if (v.isString()) {
            into.accept(v.stringValue());
        } else {
            problem(path(at, name), v, "must be a string");
        }
    }

    void bool(JsonNode obj, String at, String name, Consumer<Boolean> into) {
        JsonNode v = present(obj, name);
        if (v == null) {
            return;
        }
        if (v.isBoolean()) {
            into.accept(v.booleanValue());
        } else {
            problem(path(at, name), v, "must be true or false");
        }
    }

    void integer(JsonNode obj, String at, String name, Consumer<Integer> into) {
        JsonNode v = present(obj, name);
        if (v != null && whole(v, path(at, name), true)) {
            into.accept(v.intValue());
        }
    }

    void longInteger(JsonNode obj, String at, String name, Consumer<Long> into) {
        JsonNode v = present(obj, name);
        if (v != null && whole(v, path(at, name), false)) {
            into.accept(v.longValue());
        }
    }

    /** A list of whole numbers, e.g. a CPU list; null (and a problem) if any element is not one. */
    List<Integer> integers(JsonNode array, String at) {
        List<Integer> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < array.size(); i++) {
            JsonNode v = array.get(i);
            if (whole(v, at + "[" + i + "]", true)) {
                out.add(v.intValue());
            } else {
                ok = false;
            }
        }
        return ok ? out : null;
    }

    boolean whole(JsonNode v, String field, boolean int32) {
        if (!v.isIntegralNumber()) {
            problem(field, v, "must be a whole number");
            return false;
        }
        if (int32 ? !v.canConvertToInt() : !v.canConvertToLong()) {
            problem(field, v, "must be a whole number that fits in " + (int32 ? 32 : 64) + " bits");
            return false;
        }
        return true;
    }

    /** The field's value, or null when it is absent or JSON null. */
    static JsonNode present(JsonNode obj, String name) {
        JsonNode v = obj.get(name);
        return v == null || v.isNull() ? null : v;
    }

    static String path(String at, String name) {
        return at.isEmpty() ? name : at + "." + name;
    }
}
