package org.blkflow.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One connection's outgoing messages: at most one in flight on the socket's asynchronous send, the
 * rest queued in order. Nothing here ever waits for the client. A client that falls behind is
 * reported through {@code tooSlow} once, when more than {@link SessionLimits#SEND_BUFFER_LIMIT_CHARS}
 * are already waiting as another message arrives, or when one send has been in flight longer than
 * {@link SessionLimits#SEND_TIME_LIMIT_MS}. A send may complete on the calling thread; the pump
 * loops instead of recursing then.
 */
final class SessionOutbox {

    /** The socket side: sends one text asynchronously and reports its end (null = sent). */
    interface Wire {
        void send(String text, Consumer<Throwable> done);
    }

    private final Wire wire;
    private final Consumer<String> tooSlow;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private final List<Runnable> whenSent = new ArrayList<>();
    private long queuedChars;
    private boolean inFlight;
    private long inFlightSince;
    private Thread sending;
    private boolean dropped;

    SessionOutbox(Wire wire, Consumer<String> tooSlow) {
        this.wire = wire;
        this.tooSlow = tooSlow;
    }

    void send(String text) {
        boolean overflow;
        synchronized (this) {
            if (dropped) {
                return;
            }
            overflow = queuedChars > SessionLimits.SEND_BUFFER_LIMIT_CHARS;
            if (overflow) {
                drop();
            } else {
                queue.add(text);
                queuedChars += text.length();
            }
        }
        if (overflow) {
            tooSlow.accept("client too slow: more than " + SessionLimits.SEND_BUFFER_LIMIT_CHARS
                    + " characters waiting");
            return;
        }
        pump();
    }

    /** Runs {@code next} once nothing is queued or in flight; at once if that is already so. */
    void whenSent(Runnable next) {
        synchronized (this) {
            if (dropped) {
                return;
            }
            if (inFlight || !queue.isEmpty()) {
                whenSent.add(next);
                return;
            }
        }
        next.run();
    }

    /** Drops the client if one send has been in flight too long; the watchdog calls it. */
    void checkSendTime(long nowNs) {
        boolean late;
        synchronized (this) {
            late = !dropped && inFlight && nowNs - inFlightSince > SessionLimits.SEND_TIME_LIMIT_MS * 1_000_000L;
            if (late) {
                drop();
            }
        }
        if (late) {
            tooSlow.accept("client too slow: a message unsent after " + SessionLimits.SEND_TIME_LIMIT_MS + " ms");
        }
    }

    /** Characters waiting behind the message in flight. */
    synchronized long queuedChars() {
        return queuedChars;
    }

    synchronized void close() {
        drop();
    }

    private void pump() {
        for (;;) {
            String next;
            List<Runnable> drained;
            synchronized (this) {
                if (inFlight || dropped) {
                    return;
                }
                next = queue.poll();
                if (next == null) {
                    drained = List.copyOf(whenSent);
                    whenSent.clear();
                } else {
                    drained = null;
                    queuedChars -= next.length();
                    inFlight = true;
                    inFlightSince = System.nanoTime();
                    sending = Thread.currentThread();
                }
            }
            if (next == null) {
                drained.forEach(Runnable::run);
                return;
            }
            sendNow(next);
        }
    }

    private void sendNow(String text) {
        try {
            wire.send(text, this::done);
        } catch (RuntimeException e) {
            done(e);
        } finally {
            synchronized (this) {
                if (sending == Thread.currentThread()) {
                    sending = null;
                }
            }
        }
    }

    private void done(Throwable failure) {
        boolean inline;
        synchronized (this) {
            inFlight = false;
            inline = sending == Thread.currentThread();
            if (failure != null && !dropped) {
                drop();
            } else if (failure != null) {
                return;
            }
        }
        if (failure != null) {
            tooSlow.accept("send failed: " + failure);
        } else if (!inline) {
            pump();
        }
    }

    private void drop() {
        dropped = true;
        queue.clear();
        queuedChars = 0;
        whenSent.clear();
    }
}
