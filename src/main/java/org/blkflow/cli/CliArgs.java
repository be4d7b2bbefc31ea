package org.blkflow.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's words: positional arguments and {@code --name=value} (or {@code --name value}) options,
 * each option checked against the ones the command knows, so a typo is an error, not a default.
 */
final class CliArgs {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();

    private CliArgs() {
    }

    /** @param flags options that take no value (e.g. {@code --stream}) */
    static CliArgs parse(List<String> words, Set<String> valued, Set<String> flags) {
        CliArgs a = new CliArgs();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.startsWith("--") || w.equals("-")) {
                a.positional.add(w);
                continue;
            }
            int eq = w.indexOf('=');
            String name = w.substring(2, eq < 0 ? w.length() : eq);
            if (flags.contains(name) && eq < 0) {
                a.options.put(name, "true");
            } else if (valued.contains(name)) {
                if (eq >= 0) {
                    a.options.put(name, w.substring(eq + 1));
                } else if (i + 1 < words.size()) {
                    a.options.put(name, words.get(++i));
                } else {
                    throw new CliException("--" + name + " needs a value");
                }
            } else {
                List<String> known = new ArrayList<>();
                valued.forEach(v -> known.add("--" + v + "=…"));
                flags.forEach(f -> known.add("--" + f));
                throw new CliException("unknown option " + w + (known.isEmpty() ? "" : "; this command takes " + known));
            }
        }
        return a;
    }

    /** The one input (a file, or - for standard input) the command reads. */
    String input() {
        if (positional.size() != 1) {
            throw new CliException("expected one input file (or - for standard input), got " + positional);
        }
        return positional.get(0);
    }

    String option(String name, String otherwise) {
        return options.getOrDefault(name, otherwise);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }
}
