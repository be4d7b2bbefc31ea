package org.blkflow.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.blkflow.input.BoundedNumber;
import org.blkflow.scenario.Problem;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads from a JSON tree that remember what went wrong instead of throwing: a wrong type, an
 * unknown field or a number too big for its field each become a {@link Problem} naming the path.
 * JSON null counts as absent, so the field keeps its default.
 */
final class JsonFields {

    /** A hostile body can break a rule per element; beyond this many only the count is kept. */
    static final int KEPT = 1000;

    private final List<Problem> problems = new ArrayList<>();
    private long omitted;

    List<Problem> problems() {
        return problems;
    }

    /** Problems found beyond those listed. */
    long omitted() {
        return omitted;
    }

    void problem(String field, JsonNode value, String rule) {
        if (problems.size() < KEPT) {
            problems.add(Problem.of(field, value, rule));
        } else {
            omitted++;
        }
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
        string(obj, at, name, "must be a string", into);
    }

    /** {@code rule}: what a value that is not a string breaks, e.g. a choice's "must be one of …". */
    void string(JsonNode obj, String at, String name, String rule, Consumer<String> into) {
        JsonNode v = present(obj, name);
        if (v == null) {
            return;
        }
        if (v.isString()) {
            into.accept(v.stringValue());
        } else {
            problem(path(at, name), v, rule);
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

    /** {@code rule}: what a value that is not a whole number breaks; null for the width of an int. */
    void integer(JsonNode obj, String at, String name, String rule, Consumer<Integer> into) {
        JsonNode v = present(obj, name);
        if (v != null && whole(v, path(at, name), true, rule)) {
            into.accept(v.intValue());
        }
    }

    void longInteger(JsonNode obj, String at, String name, String rule, Consumer<Long> into) {
        JsonNode v = present(obj, name);
        if (v != null && whole(v, path(at, name), false, rule)) {
            into.accept(v.longValue());
        }
    }

    /** A list of whole numbers, e.g. a CPU list; null (and a problem) if any element is not one. */
    List<Integer> integers(JsonNode array, String at, String rule) {
        List<Integer> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < array.size(); i++) {
            JsonNode v = array.get(i);
            if (whole(v, at + "[" + i + "]", true, rule)) {
                out.add(v.intValue());
            } else {
                ok = false;
            }
        }
        return ok ? out : null;
    }

    /**
     * An integral number within int (or long) range, read through {@link BoundedNumber} like any other.
     * A value that is no whole number, or one too wide to read, breaks the field's own {@code rule} when
     * the caller knows it: the range a user can act on, not the width of a Java type.
     */
    boolean whole(JsonNode v, String field, boolean int32, String rule) {
        long min = int32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long max = int32 ? Integer.MAX_VALUE : Long.MAX_VALUE;
        if (!v.isIntegralNumber()) {
            problem(field, v, rule == null ? "must be a whole number" : rule);
            return false;
        }
        try {
            if (!v.canConvertToLong()) {
                throw BoundedNumber.tooWide(field, min, max);
            }
            BoundedNumber.check(field, v.longValue(), min, max);
            return true;
        } catch (BoundedNumber.Refused e) {
            problem(field, v, rule == null ? e.getMessage() : rule);
            return false;
        }
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
