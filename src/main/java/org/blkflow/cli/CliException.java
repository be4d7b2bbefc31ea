package org.blkflow.cli;

/** Invalid input on the command line or in a file it names: exit 2 with the message on stderr. */
final class CliException extends RuntimeException {

    CliException(String message) {
        super(message);
    }
}
