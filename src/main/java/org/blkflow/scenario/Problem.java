package org.blkflow.scenario;

import java.util.List;

/**
 * One thing wrong with a scenario or a link: the field path ({@code jobs[1].bs}), the offending value
 * and a message that says what is allowed.
 *
 * @param value    the value as given (a number, string, list, or a JSON node), may be null
 * @param message  the full sentence, e.g. "jobs[1].bs = 1000: must be a multiple of 512 between 512 and 524288"
 * @param tooLarge the scenario is valid but bigger than one run may be; the web layer answers 413
 */
public record Problem(String field, Object value, String message, boolean tooLarge) {

    /** A problem whose message is "field = value: rule". */
    public static Problem of(String field, Object value, String rule) {
        return new Problem(field, value, field + " = " + show(value) + ": " + rule, false);
    }

    public static Problem tooLarge(String field, Object value, String rule) {
        return new Problem(field, value, field + " = " + show(value) + ": " + rule, true);
    }

    /** Strings are quoted so an empty or blank value is visible; everything else prints as itself. */
    static String show(Object value) {
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        if (value instanceof List<?> list && list.size() > 16) {
            return list.subList(0, 16).toString().replace("]", ", …]");
        }
        return String.valueOf(value);
    }
}
