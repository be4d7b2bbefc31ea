package org.blkflow.fio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * fio's ini-style job file: {@code [section]} headers, {@code key=value} or bare {@code key} options,
 * {@code #} and {@code ;} comments. [global] options apply to every job after them.
 */
public final class FioJobFile {

    /** A job as written, its options after [global] inheritance, in file order. */
    public record Section(String name, int line, Map<String, String> options) {
    }

    /** Not a job file; the message says why. */
    public static final class Rejected extends IllegalArgumentException {
        private final String field;

        Rejected(String message) {
            this(null, message);
        }

        Rejected(String field, String message) {
            super(message);
            this.field = field;
        }

        /** "job.option" for a value out of range, or null when the file as a whole is at fault. */
        public String field() {
            return field;
        }
    }

    private FioJobFile() {
    }

    public static List<Section> parse(String text) {
        Map<String, String> global = new LinkedHashMap<>();
        List<Section> jobs = new ArrayList<>();
        Map<String, String> current = null;
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                String name = line.substring(1, line.length() - 1).strip();
                if (name.equals("global")) {
                    current = global;
                } else {
                    current = new LinkedHashMap<>(global);
                    jobs.add(new Section(name, i + 1, current));
                }
                continue;
            }
            if (current == null) {
                throw new Rejected("line " + (i + 1) + ": '" + line + "' comes before any [section]; a fio job file "
                        + "starts with [global] or [jobname]");
            }
            int eq = line.indexOf('=');
            String key = (eq < 0 ? line : line.substring(0, eq)).strip().toLowerCase();
            current.put(key, eq < 0 ? "" : line.substring(eq + 1).strip());
        }
        if (jobs.isEmpty()) {
            throw new Rejected("no job sections: a fio job file needs at least one [jobname] besides [global]");
        }
        return jobs;
    }

    private static String stripComment(String line) {
        String t = line.stripLeading();
        return t.startsWith("#") || t.startsWith(";") ? "" : line;
    }
}
