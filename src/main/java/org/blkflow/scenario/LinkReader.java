package org.blkflow.scenario;

import static org.blkflow.scenario.LinkValues.parseLong;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.blkflow.input.BoundedNumber;
import org.blkflow.scenario.ScenarioField.Group;

/** Decodes one link's query string into a draft, collecting every problem instead of stopping. */
final class LinkReader {

    /** The version, every field's key in link order, then what names the run: the preset and the step. */
    static final List<String> PARAMS = Stream.of(Stream.of("v"),
            ScenarioFields.linkOrdered(Group.SCENARIO).stream().map(ScenarioField::linkKey),
            Stream.of("preset", "step")).flatMap(s -> s).toList();
    /** The device's items, its xen-blkback's among them. */
    static final List<String> DEVICE_KEYS = Stream.of(Group.DEVICE, Group.BACKEND)
            .flatMap(g -> ScenarioFields.linkOrdered(g).stream()).map(ScenarioField::linkKey).filter(k -> k != null).toList();

    private final String query;
    private final ScenarioDraft draft = new ScenarioDraft();
    private final ProblemList problems = new ProblemList();
    private final Set<String> seen = new HashSet<>();
    private OptionalLong step = OptionalLong.empty();

    LinkReader(String query) {
        this.query = query;
    }

    ScenarioLink.Decoded read() {
        for (String param : query.split("&")) {
            if (!param.isEmpty()) {
                readParam(param);
            }
        }
        if (!problems.isEmpty()) {
            throw problems.rejected("invalid link");
        }
        return new ScenarioLink.Decoded(draft.build(), step);
    }

    private void readParam(String param) {
        int eq = param.indexOf('=');
        String key = eq < 0 ? unescape(param) : unescape(param.substring(0, eq));
        String value = eq < 0 ? null : unescape(param.substring(eq + 1));
        if (key == null || value == null) {
            problems.add(key == null ? param : key, param, "must be written name=value with valid %-escapes");
        } else if (!PARAMS.contains(key)) {
            problems.add(key, value, "unknown parameter; allowed: " + String.join(", ", PARAMS));
        } else if (!key.equals("job") && !seen.add(key)) {
            problems.add(key, value, "is given more than once");
        } else {
            try {
                apply(key, value);
            } catch (IllegalArgumentException e) {
                problems.add(key, value, e.getMessage());
            }
        }
    }

    private void apply(String key, String value) {
        switch (key) {
            case "v" -> requireVersion(value);
            case "preset" -> requirePreset(value);
            case "step" -> step = OptionalLong.of(step(value));
            default -> {
                ScenarioField<?, ?> f = byLinkKey(Group.SCENARIO, key);
                switch (f.type()) {
                    case COSTS -> readCosts(value);
                    case DEVICE -> readDevice(value);
                    case JOBS -> readJob(value);
                    default -> draft.put(f, LinkValues.parse(f, value));
                }
            }
        }
    }

    static ScenarioField<?, ?> byLinkKey(Group group, String key) {
        for (ScenarioField<?, ?> f : ScenarioFields.of(group)) {
            if (key.equals(f.linkKey())) return f;
        }
        throw new IllegalStateException(key);
    }

    /** Both versions read alike: version 1 wrote every field, version 2 leaves out the defaults. */
    private static void requireVersion(String value) {
        if (!value.equals("1") && !value.equals(String.valueOf(ScenarioLink.VERSION))) {
            throw new IllegalArgumentException("must be 1 or " + ScenarioLink.VERSION);
        }
    }

    private static void requirePreset(String id) {
        if (Presets.byId(id).isEmpty()) {
            throw new IllegalArgumentException("unknown preset; one of "
                    + String.join(", ", Presets.all().stream().map(Preset::id).toList()));
        }
    }

    private void readDevice(String value) {
        Set<String> given = new HashSet<>();
        for (String token : value.split(",")) {
            int colon = token.indexOf(':');
            String key = colon < 0 ? token : token.substring(0, colon);
            String field = "dev." + key;
            try {
                if (colon < 0 || !DEVICE_KEYS.contains(key)) {
                    throw new IllegalArgumentException("must be one of " + String.join(", ", DEVICE_KEYS)
                            + ", written key:value");
                }
                if (!given.add(key)) {
                    throw new IllegalArgumentException("is given more than once");
                }
                boolean backend = ScenarioFields.of(Group.BACKEND).stream().anyMatch(b -> key.equals(b.linkKey()));
                ScenarioField<?, ?> f = byLinkKey(backend ? Group.BACKEND : Group.DEVICE, key);
                (backend ? draft.device.backend : draft.device).put(f, LinkValues.parse(f, token.substring(colon + 1)));
            } catch (IllegalArgumentException e) {
                problems.add(field, token, e.getMessage());
            }
        }
    }

    /** {@code cost=mk:300,lock:20}: the entries given replace the defaults, the others keep them. */
    private void readCosts(String value) {
        Set<CostField> given = new HashSet<>();
        for (String token : value.split(",")) {
            int colon = token.indexOf(':');
            CostField f = colon < 0 ? null : CostField.byLinkKey(token.substring(0, colon));
            try {
                if (f == null) {
                    throw new IllegalArgumentException("must be key:nanoseconds with key one of " + costKeys());
                }
                if (!given.add(f)) {
                    throw new IllegalArgumentException("is given more than once");
                }
                draft.costs.set(f, parseLong(token.substring(colon + 1)));
            } catch (BoundedNumber.Refused e) {
                problems.add("cost." + token.substring(0, colon), token, CostField.READ_RULE);
            } catch (IllegalArgumentException e) {
                problems.add("cost." + (colon < 0 ? token : token.substring(0, colon)), token, e.getMessage());
            }
        }
    }

    private static String costKeys() {
        return String.join(", ", Arrays.stream(CostField.values()).map(CostField::linkKey).toList());
    }

    private void readJob(String value) {
        if (draft.jobs == null) {
            draft.jobs = new ArrayList<>();
        }
        String at = "job[" + draft.jobs.size() + "]";
        JobDraft job = new JobDraft();
        draft.jobs.add(job);
        new JobLinkReader(at, job, problems).read(value);
    }

    /** The step to open at; what does not read as a number breaks the same rule as a negative one. */
    private static long step(String value) {
        try {
            return BoundedNumber.parse("step", value, 0, Long.MAX_VALUE);
        } catch (BoundedNumber.Refused e) {
            throw new IllegalArgumentException("must be a step, a whole number ≥ 0");
        }
    }

    /** null when the %-escapes are broken. */
    private static String unescape(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
