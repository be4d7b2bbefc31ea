package org.blkflow.web;

/** A command the session refuses; becomes an error frame naming the command and field at fault. */
final class SessionCommandError extends RuntimeException {

    private final String command;
    private final String field;

    SessionCommandError(String command, String field, String message) {
        super(message);
        this.command = command;
        this.field = field;
    }

    String command() {
        return command;
    }

    String field() {
        return field;
    }
}
