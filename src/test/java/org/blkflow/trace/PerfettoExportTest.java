package org.blkflow.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.runs.RunExport;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.Preset;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioValidator;
import org.blkflow.stats.RunStats;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Perfetto export: valid trace-event structure for every mode, and tracks that say what the run did. */
class PerfettoExportTest {

    static final JsonMapper JSON = new JsonMapper();

    static Stream<Scenario> scenarios() {
        return Stream.concat(Presets.all().stream().map(Preset::scenario),
                Stream.concat(TraceScenarios.timed().stream(), TraceScenarios.instant().stream()));
    }

    /** What the stream itself says, counted here independently of the writer. */
    record Expected(long transitions, Set<Long> requests, long merges, Set<Long> requeued, Set<Long> bioUnits,
                    int cpus, RunStats stats) {
        static Expected of(Scenario s) {
            BlockLayerRun run = new BlockLayerRun(s, false);
            RunStats stats = new RunStats();
            Set<Long> requests = new HashSet<>();
            Set<Long> requeued = new HashSet<>();
            Set<Long> bioUnits = new HashSet<>();
            Set<Integer> cpus = new HashSet<>();
            long merges = 0;
            for (Transition t = run.next(); t != null; t = run.next()) {
                stats.onTransition(t);
                cpus.add(t.cpu());
                if (t.req() >= 0) requests.add(t.req());
                if (t.kind() == TransitionKind.REQUEUE) requeued.add(t.req());
                if (t.kind() == TransitionKind.BACKMERGE || t.kind() == TransitionKind.FRONTMERGE) merges++;
                if (t.kind() == TransitionKind.MAKE_REQUEST) bioUnits.add(t.bio());
            }
            return new Expected(stats.counts().transitions(), requests, merges, requeued, bioUnits, cpus.size(), stats);
        }
    }

    static JsonNode export(Scenario s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunExport.PERFETTO.write(s, out);
        return JSON.readTree(out.toByteArray());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyRunIsAWellFormedTrace(Scenario scenario) {
        Scenario s = ScenarioValidator.require(scenario);
        List<String> problems = TraceEventChecker.check(export(s));
        assertEquals(List.of(), problems.subList(0, Math.min(10, problems.size())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void tracksAreTheStreamsTransitionsRequestsMergesAndRequeues(Scenario scenario) {
        Scenario s = ScenarioValidator.require(scenario);
        Expected expected = Expected.of(s);
        List<JsonNode> events = new ArrayList<>();
        export(s).get("traceEvents").forEach(events::add);

        assertEquals(expected.transitions(), events.stream().filter(e -> is(e, "X") && e.get("pid").asInt() == 1).count(),
                "one CPU slice per transition");
        Set<String> cpuThreads = new HashSet<>();
        events.stream().filter(e -> is(e, "M") && e.get("name").asString().equals("thread_name") && e.get("pid").asInt() == 1)
                .forEach(e -> cpuThreads.add(e.get("args").get("name").asString()));
        assertEquals(expected.cpus(), cpuThreads.size(), "a named track per CPU that ran: " + cpuThreads);

        Set<Long> requestTracks = new HashSet<>();
        Set<Long> bioTracks = new HashSet<>();
        for (JsonNode e : events) {
            if (!is(e, "b") || !e.get("name").asString().matches("(rq|bio) \\d+")) continue;
            long id = Long.parseLong(e.get("name").asString().split(" ")[1]);
            (e.get("cat").asString().equals("request") ? requestTracks : bioTracks).add(id);
        }
        assertEquals(expected.requests(), requestTracks, "an async track per request");
        assertEquals(expected.bioUnits(), bioTracks, "an async track per bio taken by a bio-based driver");

        assertEquals(expected.merges(), flows(events, RequestTracks.MERGE), "a flow per merged bio");
        assertEquals(expected.requeued().size(), flows(events, RequestTracks.REQUEUE), "a flow per requeued request");

        Map<String, JsonNode> lastCounter = new HashMap<>();
        events.stream().filter(e -> is(e, "C")).forEach(e -> lastCounter.put(e.get("name").asString(), e.get("args")));
        assertEquals(0, lastCounter.get("device").get("bios in flight").asLong(), "every bio ended");
        if (expected.stats().counts().completed() > WINDOW_FOR_IOPS && expected.stats().simTimeNs() > 0) {
            assertTrue(lastCounter.get("device").get("IOPS").asLong() > 0, "IOPS once bios have ended over time");
        }
        lastCounter.forEach((name, args) -> {
            if (!name.startsWith("hctx ")) return;
            assertEquals(0, args.get("tags in use").asInt(), name + ": every tag returned");
            assertEquals(0, args.get("dispatch list").asInt(), name + ": dispatch list drained");
        });
        if (s.mode().label().equals("mq")) {
            assertTrue(lastCounter.keySet().stream().anyMatch(n -> n.startsWith("hctx ")), "hctx counters in mq");
        }
    }

    static final int WINDOW_FOR_IOPS = 2;

    /**
     * The contended presets: on each lock's track, one slice per hold the stream shows (a change of
     * holder, counted here with LockHolders), each closed, in time order and not overlapping the next,
     * named by the CPU the stream names.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"legacy-contention", "xen-io-lock"})
    void lockTracksHaveAClosedOrderedHoldSlicePerHoldTheStreamShows(String id) {
        Scenario s = ScenarioValidator.require(Presets.byId(id).orElseThrow().scenario());
        BlockLayerRun run = new BlockLayerRun(s, false);
        org.blkflow.transition.LockHolders holders = new org.blkflow.transition.LockHolders(List.of());
        Map<String, List<String>> expected = new HashMap<>();
        Map<String, Integer> shown = new HashMap<>();
        for (Transition t = run.next(); t != null; t = run.next()) {
            if (!t.kind().isLock()) continue;
            holders.apply(t);
            for (var h : holders.view()) {
                Integer before = shown.put(h.lock(), h.holder());
                if (h.holder() >= 0 && (before == null || before != h.holder())) {
                    expected.computeIfAbsent(h.lock(), k -> new ArrayList<>()).add("CPU " + h.holder());
                }
            }
        }
        assertTrue(expected.values().stream().mapToInt(List::size).sum() > 10, "the preset contends: " + expected);

        List<JsonNode> events = new ArrayList<>();
        export(s).get("traceEvents").forEach(events::add);
        Map<Integer, String> trackName = new HashMap<>();
        events.stream().filter(e -> is(e, "M") && e.get("pid").asInt() == LockTracks.PID
                && e.get("name").asString().equals("thread_name"))
                .forEach(e -> trackName.put(e.get("tid").asInt(), e.get("args").get("name").asString()));
        Map<String, List<String>> slices = new HashMap<>();
        Map<String, Double> endOfLast = new HashMap<>();
        for (JsonNode e : events) {
            if (!is(e, "X") || e.get("pid").asInt() != LockTracks.PID) continue;
            String lock = trackName.get(e.get("tid").asInt());
            double ts = e.get("ts").asDouble();
            double dur = e.get("dur").asDouble();
            assertTrue(dur >= 0, "closed with a length: " + e);
            assertTrue(ts >= endOfLast.getOrDefault(lock, 0.0) - 1e-9, "ordered, not overlapping the last hold: " + e);
            endOfLast.put(lock, ts + dur);
            assertEquals(lock, e.get("args").get("lock").asString());
            slices.computeIfAbsent(lock, k -> new ArrayList<>()).add(e.get("name").asString());
        }
        assertEquals(expected, slices);
    }

    @Test
    void tagsInUseNeverExceedTheDepthAndPeakWhereTheyRunOut() {
        Scenario s = ScenarioValidator.require(preset("tags-exhausted"));
        int peak = 0;
        for (JsonNode e : export(s).get("traceEvents")) {
            if (is(e, "C") && e.get("name").asString().startsWith("hctx ")) {
                peak = Math.max(peak, e.get("args").get("tags in use").asInt());
            }
        }
        assertEquals(s.queueDepth(), peak, "the preset runs out of its " + s.queueDepth() + " tags");
    }

    @Test
    void cpuSlicesLastUntilTheNextStepOnTheCpuButNoLongerThanTheLongestCost() {
        Scenario s = ScenarioValidator.require(preset("figure1"));
        long bound = RunExport.longestStep(s.costs());
        assertEquals(Costs.DEFAULT.switchNs(), bound);
        Map<Integer, List<JsonNode>> byCpu = new HashMap<>();
        for (JsonNode e : export(s).get("traceEvents")) {
            if (is(e, "X")) byCpu.computeIfAbsent(e.get("tid").asInt(), k -> new ArrayList<>()).add(e);
        }
        boolean cut = false;
        for (List<JsonNode> slices : byCpu.values()) {
            for (int i = 0; i + 1 < slices.size(); i++) {
                long start = TraceEventChecker.ns(slices.get(i).get("ts"));
                long dur = TraceEventChecker.ns(slices.get(i).get("dur"));
                long gap = TraceEventChecker.ns(slices.get(i + 1).get("ts")) - start;
                assertEquals(Math.min(gap, bound), dur, slices.get(i).toString());
                cut |= gap > bound;
            }
        }
        assertTrue(cut, "the CPUs go idle while their I/O is in the device");
    }

    @Test
    void namesAreEscapedAndTimesAreMicrosecondsWithNanosecondFractions() {
        java.io.StringWriter text = new java.io.StringWriter();
        TraceEventWriter w = new TraceEventWriter(text);
        String name = "say \"hi\"\\ \n\t\u0001 µs";
        w.begin();
        w.start('X', name, 1, 1).ts(1_234_567).dur(5).args().arg("comm", name).done();
        w.end();
        JsonNode e = JSON.readTree(text.toString()).get("traceEvents").get(0);
        assertEquals(name, e.get("name").asString());
        assertEquals(name, e.get("args").get("comm").asString());
        assertTrue(text.toString().contains("\"ts\":1234.567,\"dur\":0.005"), text.toString());
    }

    /** Streams: nearly everything is written before the run ends, nothing waits for the end. */
    @Test
    void writesAsTheRunGoes() {
        Scenario s = ScenarioValidator.require(preset("legacy-contention"));
        long[] written = {0};
        Writer counting = new Writer() {
            @Override public void write(char[] c, int off, int len) { written[0] += len; }
            @Override public void flush() { }
            @Override public void close() { }
        };
        BlockLayerRun run = new BlockLayerRun(s, false);
        PerfettoWriter writer = new PerfettoWriter(counting, RunExport.longestStep(s.costs()), List.of(), 1);
        for (Transition t = run.next(); t != null; t = run.next()) writer.onTransition(t);
        long beforeEnd = written[0];
        writer.finish(run.lockStats());
        assertTrue(beforeEnd > 0.95 * written[0], beforeEnd + " of " + written[0] + " characters before the end");
    }

    static Scenario preset(String id) {
        return Presets.all().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().scenario();
    }

    static boolean is(JsonNode e, String ph) {
        return e.get("ph").asString().equals(ph);
    }

    static long count(List<JsonNode> events, String ph) {
        return events.stream().filter(e -> is(e, ph)).count();
    }

    static long flows(List<JsonNode> events, String cat) {
        return events.stream().filter(e -> is(e, "s") && e.get("cat").asString().equals(cat)).count();
    }
}
