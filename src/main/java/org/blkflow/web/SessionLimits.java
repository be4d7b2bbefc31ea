package org.blkflow.web;

/**
 * What one client may ask of the server. A session costs a run's memory and a share of the shared
 * tick scheduler, so every dimension a client controls is bounded here; the README lists them.
 */
final class SessionLimits {

    /** Largest command text frame answered; larger ones get an error frame. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;
    /** Tomcat's own buffer is a little larger so an oversized command still gets an error frame. */
    static final int CONTAINER_BUFFER_BYTES = MAX_MESSAGE_BYTES + 16 * 1024;
    static final int COMMANDS_PER_SECOND = 50;
    /** The page acks each frame it draws (60 a second, 120 on fast screens), apart from the commands. */
    static final int ACKS_PER_SECOND = 250;
    static final double MAX_SPEED = 10_000_000;
    static final int MAX_STEP = 100_000;
    static final long MAX_SEEK = 10_000_000;
    /** A replayed trace's CPUs (the highest + 1) and the length of a load's CPU→hctx map. */
    static final int MAX_TRACE_CPUS = 1024;
    /** A message in flight to a client for longer than this drops the client (1008 "client too slow"). */
    static final int SEND_TIME_LIMIT_MS = 10_000;
    /**
     * Text (JSON is ASCII, so about bytes) that may wait behind the message in flight; a new message
     * arriving when more waits drops the client. Play never queues (it waits for each message to
     * go), so only replies to commands pile up here: the backlog is at most this plus one reply.
     */
    static final int SEND_BUFFER_LIMIT_CHARS = 4 * 1024 * 1024;
    /** WebSocket close code 1013, "try again later". */
    static final int TRY_AGAIN_LATER = 1013;
    /** WebSocket close code 1008, policy violation: a client that does not read what it asked for. */
    static final int TOO_SLOW = 1008;

    private SessionLimits() {
    }
}
