package org.blkflow.scenario;

import static org.blkflow.scenario.LinkValues.parseBool;
import static org.blkflow.scenario.LinkValues.parseInt;
import static org.blkflow.scenario.LinkValues.parseLong;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** Decodes one link's query string into a draft, collecting every problem instead of stopping. */
final class LinkReader {

    static final List<String> PARAMS = List.of("v", "name", "seed", "mode", "kernel", "sched", "nr", "smt", "numa", "cpus",
            "hw", "depth", "reserved", "map", "merge", "cost", "dev", "job", "preset", "step");
    static final List<String> DEVICE_KEYS = List.of("irq", "lat", "maxsec", "maxseg", "slots", "driver", "rings");

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
            case "name" -> draft.name = value;
            case "seed" -> draft.seed = parseLong(value);
            case "mode" -> draft.mode = value;
            case "kernel" -> draft.kernel = value;
            case "numa" -> draft.numaNodes = readNodes(value);
            case "sched" -> draft.scheduler = value;
            case "nr" -> draft.nrRequests = parseInt(value);
            case "smt" -> draft.smt = parseInt(value);
            case "cpus" -> draft.cpus = parseInt(value);
            case "hw" -> draft.hwQueues = parseInt(value);
            case "depth" -> draft.queueDepth = parseInt(value);
            case "reserved" -> draft.reservedTags = parseInt(value);
            case "map" -> draft.mapping = value.equals("kernel") ? null : LinkValues.parseIntList(value);
            case "merge" -> draft.merging = parseBool(value);
            case "cost" -> readCosts(value);
            case "dev" -> readDevice(value);
            case "job" -> readJob(value);
            case "preset" -> requirePreset(value);
            case "step" -> step = OptionalLong.of(nonNegative(parseLong(value), "a step"));
            default -> throw new IllegalStateException(key);
        }
    }

    /** {@code numa=0-3/4-7}: one cpulist per node; no more nodes than a scenario has CPUs are read. */
    private static List<List<Integer>> readNodes(String value) {
        String[] parts = value.split("/", ScenarioValidator.MAX_CPUS + 1);
        if (parts.length > ScenarioValidator.MAX_CPUS) {
            throw new IllegalArgumentException("must list at most " + ScenarioValidator.MAX_CPUS + " nodes");
        }
        List<List<Integer>> nodes = new ArrayList<>();
        for (String node : parts) nodes.add(NumaNodes.parse(node));
        return nodes;
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
                applyDevice(key, token.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                problems.add(field, token, e.getMessage());
            }
        }
    }

    private void applyDevice(String key, String v) {
        DeviceDraft d = draft.device;
        switch (key) {
            case "irq" -> d.irqMode = v;
            case "lat" -> d.completionNs = parseLong(v);
            case "maxsec" -> d.maxSectors = parseInt(v);
            case "maxseg" -> d.maxSegments = parseInt(v);
            case "slots" -> d.slots = parseInt(v);
            case "driver" -> d.driver = v;
            case "rings" -> d.rings = v;
            default -> throw new IllegalStateException(key);
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

    private static long nonNegative(long n, String what) {
        if (n < 0) {
            throw new IllegalArgumentException("must be " + what + " ≥ 0");
        }
        return n;
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
