package org.blkflow.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Version 2 of a link: version 1's "&key=value" text less everything that equals the defaults'. A
 * reader fills what is absent from the defaults, so the short text reads back to the same scenario.
 * Works on the text, so a field added to version 1 is shortened without a line here.
 */
final class ShortLink {

    /** Parameters made of "key:value" items, each left out on its own when it is the default's. */
    private static final List<String> ITEMISED = List.of("cost", "dev");

    private ShortLink() {
    }

    /** @param all      a scenario's "&key=value…" with every field
     *  @param defaults the same for {@link ScenarioDefaults#scenario()} */
    static String shorten(String all, String defaults) {
        List<String[]> params = params(all);
        Map<String, String> standard = new LinkedHashMap<>();
        List<String> standardJobs = new ArrayList<>();
        for (String[] p : params(defaults)) {
            if (p[0].equals("job")) standardJobs.add(p[1]); else standard.put(p[0], p[1]);
        }
        List<String> jobs = params.stream().filter(p -> p[0].equals("job")).map(p -> p[1]).toList();
        boolean jobsStandard = jobs.equals(standardJobs);
        StringBuilder out = new StringBuilder();
        for (String[] p : params) {
            String value;
            if (p[0].equals("job")) {
                value = jobsStandard ? null : job(p[1], standardJobs.get(0));
            } else if (ITEMISED.contains(p[0])) {
                value = items(p[1], standard.get(p[0]));
            } else {
                value = p[1].equals(standard.get(p[0])) ? null : p[1];
            }
            if (value != null) out.append('&').append(p[0]).append('=').append(value);
        }
        return out.toString();
    }

    private static List<String[]> params(String text) {
        List<String[]> out = new ArrayList<>();
        for (String param : text.split("&")) {
            int eq = param.indexOf('=');
            if (eq > 0) out.add(new String[] {param.substring(0, eq), param.substring(eq + 1)});
        }
        return out;
    }

    /** The items that differ from the default's, or null when none does. */
    private static String items(String value, String standard) {
        List<String> standardItems = standard == null ? List.of() : List.of(standard.split(","));
        List<String> kept = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!standardItems.contains(item)) kept.add(item);
        }
        return kept.isEmpty() ? null : String.join(",", kept);
    }

    /**
     * A job's name and the "key:value" items that differ from the default job's. The CPU list's
     * further comma items belong to its "cpus:" item, so they stay or go with it.
     */
    private static String job(String value, String standard) {
        List<String> groups = groups(value);
        List<String> standardGroups = groups(standard);
        StringBuilder out = new StringBuilder(groups.get(0));
        for (String g : groups.subList(1, groups.size())) {
            String key = g.substring(0, g.indexOf(':'));
            String same = standardGroups.stream().filter(x -> x.startsWith(key + ":")).findFirst().orElse(null);
            if (!Objects.equals(g, same)) out.append(',').append(g);
        }
        return out.toString();
    }

    /** The name, then each "key:value" item with any bare items after it (the rest of a CPU list). */
    private static List<String> groups(String job) {
        List<String> groups = new ArrayList<>();
        for (String token : job.split(",", -1)) {
            if (groups.isEmpty() || token.contains(":")) groups.add(token);
            else groups.set(groups.size() - 1, groups.get(groups.size() - 1) + "," + token);
        }
        return groups;
    }
}
