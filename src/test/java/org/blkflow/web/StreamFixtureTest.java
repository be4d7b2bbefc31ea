package org.blkflow.web;

import static org.blkflow.model.GoldenStreamTest.REGENERATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.model.GoldenScenarios;
import org.blkflow.scenario.Scenario;
import org.blkflow.session.LiveSession;
import org.blkflow.session.SessionModel;
import org.blkflow.session.SessionState;
import org.blkflow.trace.ImportedTrace;
import org.blkflow.trace.TestData;
import org.blkflow.transition.LockHolders;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The front end's stream fixtures (frontend/test/fixtures/NAME.json) are golden scenarios rendered
 * exactly as a session sends them: the {@code loaded} message, every transition, and {@code state}
 * messages with the server's snapshot every few steps. node --test replays the transitions through
 * state.js and checks it against those snapshots, so the browser's tracker and the server's are held
 * to one stream, and this test keeps the fixtures equal to what the model makes now.
 */
class StreamFixtureTest {

    static final Path DIR = Path.of("frontend/test/fixtures");
    static final List<String> FIXTURES = List.of("six-cpus-four-hctx", "tags-exhausted",
            "sq-deadline", "bio-based", "xen-sq", "xen-mq-per-hctx", "sq-contention", "xen-iometer", "sata-70", "poll-70", "cached-70",
            "split-70", "xen-shared-pcpus", "requeue-70", "shared-tags-70",
            "deadline-starved-70");
    /** Several devices: its blkparse export beside it, which the browser's log must print line for line. */
    static final String BLKPARSE_FIXTURE = "shared-tags-70";
    /** About this many snapshots per fixture: enough to catch a disagreement, few enough to read. */
    static final int SNAPSHOTS = 20;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A real trace replayed as a session sends it, so state.js and the server's tracker are held to a
     * trace too: begun mid-flight, merges before the insert, requeues, bios that never complete.
     */
    static final String TRACE_FIXTURE = "trace-nullblk-requeue";
    static final String TRACE_FILE = "linux-block_blktrace-cleanup-v3_nullblk_schedulers_requeue.blkparse.txt";

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void fixtureIsTheGoldenScenarioAsASessionSendsIt(String name) throws IOException {
        check(name, render(GoldenScenarios.named(name)));
    }

    @Test
    void blkparseFixtureIsTheExportOfItsScenario() throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        org.blkflow.trace.BlkparseWriter writer = new org.blkflow.trace.BlkparseWriter(text);
        BlockLayerRun run = new BlockLayerRun(GoldenScenarios.named(BLKPARSE_FIXTURE), false);
        for (Transition t = run.next(); t != null; t = run.next()) writer.onTransition(t);
        writer.finish();
        checkFile(DIR.resolve(BLKPARSE_FIXTURE + ".blkparse.txt"), text.toString());
    }

    @Test
    void traceFixtureIsTheRealTraceAsASessionReplaysIt() throws IOException {
        check(TRACE_FIXTURE, renderTrace(TestData.importReal(TRACE_FILE)));
    }

    private static void check(String name, String actual) throws IOException {
        checkFile(DIR.resolve(name + ".json"), actual);
    }

    private static void checkFile(Path file, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual);
        }
        assertTrue(Files.exists(file), file + " is missing; " + REGENERATE);
        assertEquals(Files.readString(file), actual, file + " is not what the server makes now; review the change, then " + REGENERATE);
    }

    /** The loaded message, every transition, a state with the snapshot every few steps and at the end. */
    static String renderTrace(ImportedTrace trace) {
        SessionMessages messages = new SessionMessages(JSON);
        long length = new SessionModel().replay(TRACE_FIXTURE, trace, null).step(Integer.MAX_VALUE).transitions().size();
        int every = (int) Math.max(1, length / SNAPSHOTS);
        LiveSession live = new SessionModel().replay(TRACE_FIXTURE, trace, null);
        List<String> transitions = new ArrayList<>();
        List<String> states = new ArrayList<>();
        while (!live.finished()) {
            for (Transition t : live.step(every).transitions()) {
                transitions.add(JSON.writeValueAsString(TransitionJson.toNode(t)));
            }
            states.add(messages.state(new SessionState(live.steps(), live.now(), false, false,
                    SessionState.Reason.SEEK, live.snapshot())));
        }
        return "{\"loaded\":" + messages.loaded(live.trace(), live.cpuToHctx()) + ",\n\"transitions\":[\n"
                + String.join(",\n", transitions) + "\n],\n\"states\":[\n" + String.join(",\n", states) + "\n]}\n";
    }

    static String render(Scenario scenario) {
        SessionMessages messages = new SessionMessages(JSON);
        long length = 0;
        for (BlockLayerRun first = new BlockLayerRun(scenario, false); first.next() != null; ) {
            length++;
        }
        long every = Math.max(1, length / SNAPSHOTS);
        BlockLayerRun run = new BlockLayerRun(scenario);
        List<String> lockNames = run.lockStats().stream().map(org.blkflow.engine.LockStat::name).toList();
        LockHolders locks = new LockHolders(lockNames);
        List<String> transitions = new ArrayList<>();
        List<String> states = new ArrayList<>();
        for (Transition t = run.next(); t != null; t = run.next()) {
            transitions.add(JSON.writeValueAsString(TransitionJson.toNode(t)));
            locks.apply(t);
            if (run.steps() % every == 0) {
                states.add(messages.state(new SessionState(run.steps(), run.now(), false, false,
                        SessionState.Reason.SEEK, run.snapshot(), locks.view())));
            }
        }
        return "{\"loaded\":" + messages.loaded(scenario, run.cpuToHctx(), lockNames) + ",\n\"transitions\":[\n"
                + String.join(",\n", transitions) + "\n],\n\"states\":[\n" + String.join(",\n", states) + "\n]}\n";
    }
}
