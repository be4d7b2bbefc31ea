package org.blkflow.web;

import static java.util.stream.Collectors.toSet;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioLink;
import org.blkflow.scenario.ScenarioRejected;
import org.blkflow.scenario.ScenarioValidator;
import org.blkflow.session.Breakpoints;
import org.blkflow.session.LiveSession;
import org.blkflow.session.Playback;
import org.blkflow.session.SessionModel;
import org.blkflow.trace.TraceStore;
import org.blkflow.transition.TransitionKind;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one client command and applies it to the connection's {@link Playback}. Anything wrong
 * with it is thrown as a {@link SessionCommandError} naming the command and field.
 */
final class SessionCommands {

    private final ObjectReader json;
    private final SessionModel model;
    private final SessionTraceLoad traces;

    SessionCommands(JsonMapper json, SessionModel model, TraceStore traces) {
        // Duplicate keys are refused here as over REST: which of two "n"s wins is no client's guess to make.
        this.json = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        this.model = model;
        this.traces = new SessionTraceLoad(model, traces);
    }

    void apply(String text, Playback playback) {
        JsonNode node = parse(text);
        JsonNode name = node.get("cmd");
        if (name == null || !name.isString()) {
            throw new SessionCommandError(null, "cmd", "cmd must be a string naming the command");
        }
        String cmd = name.stringValue();
        SessionFields f = new SessionFields(node, cmd);
        switch (cmd) {
            case "load" -> load(f, playback);
            case "step" -> playback.step((int) f.integer("n", 1, SessionLimits.MAX_STEP));
            case "play" -> playback.play(f.number("speed", 0, SessionLimits.MAX_SPEED));
            case "pause" -> playback.pause();
            case "seek" -> playback.seek(f.integer("step", 0, SessionLimits.MAX_SEEK));
            case "breakpoints" -> playback.breakpoints(breakpoints(f));
            case "reset" -> playback.reset();
            case "ack" -> playback.ack(f.integer("step", 0, SessionLimits.MAX_SEEK));
            default -> throw new SessionCommandError(cmd, "cmd", "unknown command '" + cmd + "'");
        }
    }

    /** Whether a command is the page's ack: it has its own, higher rate limit (one per frame drawn). */
    boolean isAck(String text) {
        try {
            JsonNode node = json.readTree(text);
            return node != null && node.isObject() && node.path("cmd").isString()
                    && node.path("cmd").stringValue().equals("ack");
        } catch (JacksonException e) {
            return false;
        }
    }

    private static Breakpoints breakpoints(SessionFields f) {
        Set<String> kinds = Set.copyOf(f.strings("kinds"));
        Set<String> actions = Set.copyOf(f.strings("actions"));
        Set<String> knownKinds = Arrays.stream(TransitionKind.values()).map(TransitionKind::label).collect(toSet());
        Set<String> knownActions = Arrays.stream(TransitionKind.values()).map(TransitionKind::action)
                .filter(Objects::nonNull).collect(toSet());
        if (!knownKinds.containsAll(kinds)) {
            throw f.fail("kinds", "must be transition kind labels, one of " + new TreeSet<>(knownKinds));
        }
        if (!knownActions.containsAll(actions)) {
            throw f.fail("actions", "must be blktrace actions, one of " + new TreeSet<>(knownActions));
        }
        return new Breakpoints(kinds, actions, f.integer("req", 0, Long.MAX_VALUE, -1));
    }

    /**
     * A scenario object, a link (whose {@code step=K}, if any, is sought right after loading) or the id
     * of an imported trace.
     */
    private void load(SessionFields f, Playback playback) {
        boolean byLink = f.has("link");
        boolean byTrace = f.has("trace");
        if ((byLink ? 1 : 0) + (byTrace ? 1 : 0) + (f.has("scenario") ? 1 : 0) != 1) {
            throw new SessionCommandError("load", byTrace ? "trace" : "scenario",
                    "load takes either scenario (a JSON object), link (\"/?v=1&…\") or trace (an id from POST "
                            + "/api/traces), exactly one of them");
        }
        boolean timeline = timeline(f);
        if (byTrace) {
            playback.load(traces.open(f).wantTimeline(timeline));
            return;
        }
        if (byLink) {
            loadLink(f.string("link", null), timeline, playback);
            return;
        }
        JsonNode node = f.raw("scenario");
        if (!node.isObject()) {
            throw f.fail("scenario", "must be a JSON object");
        }
        playback.load(open(checked(() -> ScenarioValidator.require(ScenarioJson.read(node)))).wantTimeline(timeline));
    }

    /** {@code "timeline": true} asks for the run's length and markers, scanned in the background. */
    private static boolean timeline(SessionFields f) {
        if (!f.has("timeline")) {
            return false;
        }
        if (!f.raw("timeline").isBoolean()) {
            throw f.fail("timeline", "must be true or false");
        }
        return f.raw("timeline").booleanValue();
    }

    private void loadLink(String link, boolean timeline, Playback playback) {
        ScenarioLink.Decoded decoded = checked(() -> ScenarioLink.decode(link));
        LiveSession live = open(checked(() -> ScenarioValidator.require(decoded.scenario()))).wantTimeline(timeline);
        if (decoded.step().isEmpty()) {
            playback.load(live);
            return;
        }
        long step = decoded.step().getAsLong();
        if (step > SessionLimits.MAX_SEEK) {
            throw new SessionCommandError("load", "step", "step = " + step + ": must be between 0 and "
                    + SessionLimits.MAX_SEEK);
        }
        playback.loadAt(live, step);
    }

    private LiveSession open(Scenario scenario) {
        try {
            return model.open(scenario);
        } catch (IllegalArgumentException e) {
            throw new SessionCommandError("load", "scenario", e.getMessage());
        }
    }

    /** A rejected scenario or link (too large included) becomes an error frame listing every problem. */
    private static <T> T checked(Supplier<T> read) {
        try {
            return read.get();
        } catch (ScenarioRejected e) {
            throw SessionCommandError.rejected("load", e);
        }
    }

    private JsonNode parse(String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            throw new SessionCommandError(null, null, "malformed JSON: " + JsonSyntax.describe(e));
        }
        if (node == null || !node.isObject()) {
            throw new SessionCommandError(null, null, "a command must be a JSON object");
        }
        return node;
    }
}
