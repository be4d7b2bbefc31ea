package org.blkflow.web;

import java.util.List;
import org.blkflow.scenario.Problem;
import org.blkflow.scenario.ScenarioRejected;

/**
 * A command the session refuses; becomes an error frame naming the command and field at fault, and
 * for a rejected scenario or link every problem found.
 */
final class SessionCommandError extends RuntimeException {

    private final String command;
    private final String field;
    private final transient List<Problem> problems;
    private final long omitted;

    SessionCommandError(String command, String field, String message) {
        this(command, field, message, List.of(), 0);
    }

    private SessionCommandError(String command, String field, String message, List<Problem> problems, long omitted) {
        super(message);
        this.command = command;
        this.field = field;
        this.problems = problems;
        this.omitted = omitted;
    }

    /** The first problem names the field and gives the message; all of them travel along. */
    static SessionCommandError rejected(String command, ScenarioRejected e) {
        String field = e.problems().isEmpty() ? null : e.problems().get(0).field();
        return new SessionCommandError(command, field, e.getMessage(), e.problems(), e.omitted());
    }

    String command() {
        return command;
    }

    String field() {
        return field;
    }

    List<Problem> problems() {
        return problems;
    }

    /** Problems found beyond those in {@link #problems()}. */
    long omitted() {
        return omitted;
    }
}
