package org.blkflow.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.blkflow.lessons.Lesson;
import org.blkflow.lessons.LessonInvalid;
import org.blkflow.lessons.LessonStop;
import org.blkflow.lessons.StopCondition;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioLink;
import org.blkflow.scenario.ScenarioRejected;
import org.blkflow.scenario.ScenarioValidator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the lesson files, {@code classpath:lessons/*.json}, each lesson's id its file name. A file is
 * read strictly (an unknown field is a mistake, not an extension) and every problem in it is reported
 * together, so a teacher who copies a file and edits it learns everything wrong at once.
 */
final class LessonFiles {

    static final String LOCATION = "classpath:lessons/*.json";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Set<String> LESSON = Set.of("title", "summary", "scenario", "stops");
    private static final Set<String> SCENARIO = Set.of("preset", "link");
    private static final Set<String> STOP = Set.of("at", "text", "highlight", "panel", "question");
    private static final Set<String> AT = Set.of("step", "kind", "action", "fn", "cpu", "ctx", "hctx", "from", "to", "nth");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LessonFiles() {
    }

    /**
     * Lessons in course order: by the number their id starts with (so 10 comes after 9, not after 1), then by
     * id. A lesson whose id has no number comes after the numbered ones.
     */
    static final Comparator<String> COURSE_ORDER = Comparator.comparingLong(LessonFiles::courseNumber)
            .thenComparing(Comparator.naturalOrder());

    private static long courseNumber(String id) {
        int digits = 0;
        while (digits < id.length() && digits < 9 && Character.isDigit(id.charAt(digits))) digits++;
        return digits == 0 ? Long.MAX_VALUE : Long.parseLong(id.substring(0, digits));
    }

    /** Every lesson file, in course order. Throws LessonInvalid for the first bad file. */
    static List<Lesson> readAll() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            List<Lesson> lessons = new ArrayList<>();
            for (Resource file : files) {
                String name = file.getFilename();
                try (InputStream in = file.getInputStream()) {
                    lessons.add(read(name.substring(0, name.length() - ".json".length()),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            lessons.sort(Comparator.comparing(Lesson::id, COURSE_ORDER));
            return lessons;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + LOCATION, e);
        }
    }

    static Lesson read(String id, String text) {
        List<String> problems = new ArrayList<>();
        if (!ID.matcher(id).matches()) {
            problems.add("the file name must be a lesson id: lower-case letters, digits and '-', at most 64");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new LessonInvalid(id, List.of("not JSON: " + e.getOriginalMessage()));
        }
        fields(root, "", LESSON, problems);
        String title = string(root, "title", true, problems);
        String summary = string(root, "summary", false, problems);
        JsonNode sc = root.path("scenario");
        fields(sc, "scenario.", SCENARIO, problems);
        String preset = string(sc, "preset", false, problems);
        String link = string(sc, "link", false, problems);
        Scenario scenario = scenario(preset, link, problems);
        List<LessonStop> stops = new ArrayList<>();
        JsonNode list = root.path("stops");
        if (!list.isArray()) {
            problems.add("stops: must be an array of stops");
        } else {
            for (int i = 0; i < list.size(); i++) {
                stops.add(stop(list.get(i), "stops[" + i + "].", problems));
            }
        }
        if (!problems.isEmpty()) {
            throw new LessonInvalid(id, problems);
        }
        return new Lesson(id, title, summary, preset, scenario, stops);
    }

    private static Scenario scenario(String preset, String link, List<String> problems) {
        if ((preset == null) == (link == null)) {
            problems.add("scenario: give exactly one of preset (an id of GET /api/presets) or link (a share link)");
            return null;
        }
        if (preset != null) {
            var p = Presets.byId(preset);
            if (p.isEmpty()) {
                problems.add("scenario.preset = " + preset + ": no such preset");
            }
            return p.map(x -> x.scenario()).orElse(null);
        }
        try {
            return ScenarioValidator.require(ScenarioLink.decode(link).scenario());
        } catch (ScenarioRejected e) {
            e.problems().forEach(p -> problems.add("scenario.link: " + p.message()));
            return null;
        }
    }

    private static LessonStop stop(JsonNode node, String at, List<String> problems) {
        fields(node, at, STOP, problems);
        JsonNode where = node.path("at");
        fields(where, at + "at.", AT, problems);
        StopCondition condition = new StopCondition(
                where.has("step") ? (Long) number(where, "step", at, problems) : null,
                string(where, "kind", false, problems), string(where, "action", false, problems),
                string(where, "fn", false, problems), integer(where, "cpu", at, problems),
                integer(where, "ctx", at, problems), integer(where, "hctx", at, problems),
                string(where, "from", false, problems), string(where, "to", false, problems),
                where.has("nth") ? integer(where, "nth", at, problems) : 1);
        if (condition.step() != null && where.size() > 1) {
            problems.add(at + "at: a fixed step takes no other condition");
        }
        if (condition.step() == null && where.size() == (where.has("nth") ? 1 : 0)) {
            problems.add(at + "at: give a step, or at least one of kind, action, fn, cpu, ctx, hctx, from, to");
        }
        return new LessonStop(condition, string(node, "text", true, problems), string(node, "highlight", false, problems),
                string(node, "panel", false, problems), string(node, "question", false, problems));
    }

    private static void fields(JsonNode node, String at, Set<String> allowed, List<String> problems) {
        if (!node.isObject()) {
            problems.add((at.isEmpty() ? "the file" : at.substring(0, at.length() - 1)) + ": must be a JSON object");
            return;
        }
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                problems.add(at + name + ": unknown field; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static String string(JsonNode node, String name, boolean required, List<String> problems) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(name + ": required");
            }
            return null;
        }
        if (!v.isString()) {
            problems.add(name + ": must be a string");
            return null;
        }
        return v.stringValue();
    }

    private static Integer integer(JsonNode node, String name, String at, List<String> problems) {
        Long v = number(node, name, at, problems);
        return v == null ? null : (int) (long) v;
    }

    private static Long number(JsonNode node, String name, String at, List<String> problems) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || v.longValue() < 0 || v.longValue() > Integer.MAX_VALUE) {
            problems.add(at + "at." + name + ": must be a whole number between 0 and " + Integer.MAX_VALUE);
            return null;
        }
        return v.longValue();
    }
}
