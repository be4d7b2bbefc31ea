package org.blkflow.web;

import static java.util.stream.Collectors.toSet;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.blkflow.scenario.Scenario;
import org.blkflow.session.Breakpoints;
import org.blkflow.session.LiveSession;
import org.blkflow.session.Playback;
import org.blkflow.transition.TransitionKind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one client command and applies it to the connection's {@link Playback}. Anything wrong
 * with it is thrown as a {@link SessionCommandError} naming the command and field.
 */
final class SessionCommands {

    private final JsonMapper json;

    SessionCommands(JsonMapper json) {
        this.json = json;
    }

    void apply(String text, Playback playback) {
        JsonNode node = parse(text);
        JsonNode name = node.get("cmd");
        if (name == null || !name.isString()) {
            throw new SessionCommandError(null, "cmd", "cmd must be a string naming the command");
        }
        String cmd = name.stringValue();
        SessionFields f = new SessionFields(node, cmd, "");
        switch (cmd) {
            case "load" -> playback.load(load(f));
            case "step" -> playback.step((int) f.integer("n", 1, SessionLimits.MAX_STEP));
            case "play" -> playback.play(f.number("speed", 0, SessionLimits.MAX_SPEED));
            case "pause" -> playback.pause();
            case "seek" -> playback.seek(f.integer("step", 0, SessionLimits.MAX_SEEK));
            case "breakpoints" -> playback.breakpoints(breakpoints(f));
            case "reset" -> playback.reset();
            default -> throw new SessionCommandError(cmd, "cmd", "unknown command '" + cmd + "'");
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

    private LiveSession load(SessionFields f) {
        if (f.has("link")) {
            throw new SessionCommandError("load", "link", "links not supported yet");
        }
        Scenario scenario = SessionScenarioJson.read(f.object("scenario"));
        SessionScenarioCheck.check(scenario);
        try {
            return new LiveSession(scenario);
        } catch (IllegalArgumentException e) {
            throw new SessionCommandError("load", "scenario", e.getMessage());
        }
    }

    private JsonNode parse(String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            throw new SessionCommandError(null, null, "malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new SessionCommandError(null, null, "a command must be a JSON object");
        }
        return node;
    }
}
