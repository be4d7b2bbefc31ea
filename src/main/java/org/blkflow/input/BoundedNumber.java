package org.blkflow.input;

/**
 * The one way a number typed by a stranger is read: from a link, a JSON field, a fio job file, a
 * sysfs dump, a blkparse line or a session command. Digits are accumulated with an overflow check,
 * so a value past the field's range is refused with the range instead of wrapping or throwing an
 * unchecked {@link NumberFormatException}; a range {@code a-b} is checked end by end before the
 * caller allocates anything for it.
 */
public final class BoundedNumber {

    /** Longer digit strings cannot be a long; refusing them early keeps the work per number bounded. */
    private static final int MAX_DIGITS = 19;

    /** A number that does not read, or lies outside its field's range; the message is the rule. */
    public static final class Refused extends IllegalArgumentException {

        private final String field;

        public Refused(String field, String rule) {
            super(rule);
            this.field = field;
        }

        /** The field at fault, as the caller named it. */
        public String field() {
            return field;
        }

        /** "field: rule", for readers whose errors carry no separate field. */
        public String describe() {
            return field + ": " + getMessage();
        }
    }

    /** An ascending range of whole numbers {@code from..to}, both ends included. */
    public record Range(long from, long to) {

        public long count() {
            return to - from + 1;
        }
    }

    private BoundedNumber() {
    }

    /** {@code text} as a whole number between min and max, or {@link Refused} naming field and range. */
    public static long parse(String field, String text, long min, long max) {
        if (text == null) {
            throw refused(field, min, max);
        }
        int i = 0;
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int digits = text.length() - i;
        if (digits == 0 || digits > MAX_DIGITS + 20) {
            throw refused(field, min, max);
        }
        long value = 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw refused(field, min, max);
            }
            // Accumulate negatively: Long.MIN_VALUE has no positive twin.
            if (value < (Long.MIN_VALUE + (c - '0')) / 10) {
                throw refused(field, min, max);
            }
            value = value * 10 - (c - '0');
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                throw refused(field, min, max);
            }
            value = -value;
        }
        return check(field, value, min, max);
    }

    public static int parseInt(String field, String text, int min, int max) {
        return (int) parse(field, text, min, max);
    }

    /** {@code digits × unit} (a k/m/g/t suffix) between min and max, with the product checked too. */
    public static long parseScaled(String field, String digits, long unit, long min, long max) {
        long n = parse(field, digits, Long.MIN_VALUE, Long.MAX_VALUE);
        long scaled;
        try {
            scaled = Math.multiplyExact(n, unit);
        } catch (ArithmeticException e) {
            throw refused(field, min, max);
        }
        return check(field, scaled, min, max);
    }

    /** The refusal for a number a parser read as wider than 64 bits (JSON allows any length). */
    public static Refused tooWide(String field, long min, long max) {
        return refused(field, min, max);
    }

    /** A value already read (say by a JSON parser), held to the same rule. */
    public static long check(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw refused(field, min, max);
        }
        return value;
    }

    /**
     * "6" or "0-3": one number, or an ascending range whose ends both lie between min and max. Nothing
     * is allocated here, so the caller can loop over a range it knows is at most max - min + 1 long.
     */
    public static Range range(String field, String text, long min, long max) {
        int dash = text == null ? -1 : text.indexOf('-', 1);
        if (dash < 0) {
            long n = parse(field, text, min, max);
            return new Range(n, n);
        }
        long from = parse(field, text.substring(0, dash), min, max);
        long to = parse(field, text.substring(dash + 1), min, max);
        if (from > to) {
            throw new Refused(field, "must be a number or an ascending range a-b between " + min + " and " + max);
        }
        return new Range(from, to);
    }

    private static Refused refused(String field, long min, long max) {
        return new Refused(field, "must be a whole number between " + min + " and " + max);
    }
}
