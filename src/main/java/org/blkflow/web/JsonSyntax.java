package org.blkflow.web;

import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/**
 * The parser's complaint about malformed JSON, in words a client can act on: where it is, and what
 * was wrong, without the parser's own class and method names (which say nothing to a client and
 * tell an attacker which library reads the body).
 */
final class JsonSyntax {

    /** Jackson cites its own API in backquotes: "(1000, from `StreamReadConstraints.getMaxNumberLength()`)". */
    private static final Pattern FROM_API = Pattern.compile(",?\\s*from `[^`]*`");
    private static final Pattern QUOTED_API = Pattern.compile("`[^`]*`");
    private static final int MAX_CHARS = 300;

    private JsonSyntax() {
    }

    static String describe(JacksonException e) {
        String raw = String.valueOf(e.getOriginalMessage());
        String words = QUOTED_API.matcher(FROM_API.matcher(raw).replaceAll("")).replaceAll("a JSON value");
        if (words.length() > MAX_CHARS) {
            words = words.substring(0, MAX_CHARS - 1) + "…";
        }
        return e.getLocation() == null ? words
                : words + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
