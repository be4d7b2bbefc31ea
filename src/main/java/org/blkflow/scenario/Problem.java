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

    /** An error body or frame lists at most this many problems, then how many more there were. */
    public static final int MAX_SHOWN = 20;
    /** A value longer than this is shown cut, so one problem never echoes a whole hostile body back. */
    public static final int MAX_VALUE_CHARS = 100;

    /** A problem whose message is "field = value: rule". */
    public static Problem of(String field, Object value, String rule) {
        return make(field, value, rule, false);
    }

    public static Problem tooLarge(String field, Object value, String rule) {
        return make(field, value, rule, true);
    }

    /** A choice is named by its label, as JSON and links spell it. */
    private static Problem make(String field, Object value, String rule, boolean tooLarge) {
        String f = abbreviate(field);
        Object v = value instanceof Label l ? l.label() : value;
        return new Problem(f, v, f + " = " + show(v) + ": " + rule, tooLarge);
    }

    /** Strings are quoted so an empty or blank value is visible; everything else prints as itself, cut short. */
    public static String show(Object value) {
        if (value instanceof String s) {
            return '"' + abbreviate(s) + '"';
        }
        if (value instanceof List<?> list && list.size() > 16) {
            return abbreviate(list.subList(0, 16).toString().replace("]", ", …]"));
        }
        return abbreviate(String.valueOf(value));
    }

    /**
     * The value as an error body echoes it: numbers, booleans, null and short strings as they are,
     * anything long (a list, an object, a long string) as its {@link #show} text, cut short.
     */
    public Object shownValue() {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof String s && s.length() <= MAX_VALUE_CHARS) {
            return s;
        }
        String text = String.valueOf(value);
        return text.length() <= MAX_VALUE_CHARS && !(value instanceof String) ? value : show(value);
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= MAX_VALUE_CHARS ? s : s.substring(0, MAX_VALUE_CHARS - 1) + "…";
    }
}
