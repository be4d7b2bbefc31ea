package org.blkflow.session;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.blkflow.session.SessionState.Reason;
import org.blkflow.transition.Transition;

/**
 * Drives a {@link LiveSession} for one client: the commands, and play paced to wall-clock time by
 * turns on a shared scheduler, the way SimPy's real-time environment wraps {@code step()}. The model
 * never sees the clock. A play turn produces one message, then nothing more happens until the
 * client has taken it ({@link SessionOutput#whenSent}); the next turn comes a tick after the last
 * one began, or at once if the send took longer. So a client that stops reading stops its own play
 * and never holds a shared thread. Every call holds one lock so what the client receives is in model
 * order; a turn that finds the lock taken (a long seek) comes back a tick later instead of waiting.
 */
public final class Playback {

    static final long TICK_NS = TimeUnit.MILLISECONDS.toNanos(16);
    /**
     * A step's transitions leave in messages of at most this many (about 0.7 MB of JSON), each made
     * only once the client has taken the one before: a step of any allowed size then costs one such
     * message of memory, and a client that reads is never too slow for it.
     */
    static final int STEP_BATCH = 2048;
    static final long STATS_EVERY_NS = 250_000_000L;
    private static final long NOT_YET = Long.MIN_VALUE;

    private final ReentrantLock lock = new ReentrantLock();
    private final ScheduledExecutorService ticks;
    private final SessionOutput out;
    private final BatchSize batch = new BatchSize();
    private LiveSession live;
    private Pace pace;
    /** Bumped whenever play starts or stops, so a turn scheduled for an older play does nothing. */
    private long generation;
    private boolean playing;
    private long lastStatsNs;
    private boolean closed;
    /**
     * The page acks what it draws ({@link #ack}); a client that never does keeps the older pacing: a
     * message per tick once the last one has left.
     */
    private boolean pageAcks;
    /** The last step the page said it has drawn, or {@link #NOT_YET} since a jump it has not drawn. */
    private long acked = NOT_YET;
    /** Where the page will be once it has drawn every message sent so far: play's credit is an ack of this. */
    private long sentTo;
    /** The play turn waiting for the page to draw what was sent, or -1. */
    private long awaitingAck = -1;
    private long sentAtNs;
    private long turnBeganNs;

    public Playback(ScheduledExecutorService ticks, SessionOutput out) {
        this.ticks = ticks;
        this.out = out;
    }

    public void load(LiveSession session) {
        locked(() -> {
            stopPlaying();
            pageAcks = false;
            live = session;
            out.loaded(session);
            out.state(state(Reason.LOAD, true));
            jumped();
        });
    }

    /**
     * Delivers n transitions (fewer at a breakpoint or the end), then the state and statistics. More
     * than {@link #STEP_BATCH} go in pieces paced by the client; a command that moves the session
     * (play, pause, step, seek, reset, load) ends a step still in progress, as it ends play.
     */
    public void step(int n) {
        locked(() -> {
            requireLoaded();
            stopPlaying();
            if (!stoppedBeforeStart()) {
                stepOn(generation, n);
            }
        });
    }

    private void stepOn(long gen, int remaining) {
        int now = Math.min(remaining, STEP_BATCH);
        Delivery d = live.step(now);
        if (d.stop() == Delivery.Stop.NONE && remaining > now) {
            send(d.transitions());
            out.whenSent(() -> afterSent(gen, () -> stepOn(gen, remaining - now)));
            return;
        }
        deliver(d, Reason.STEP);
        out.stats(live);
    }

    /**
     * Continues a step on the shared ticks, never on the thread that saw the send complete (the
     * container's); a long seek holding the lock makes it come back a tick later instead of waiting.
     */
    private void afterSent(long gen, Runnable next) {
        if (ticks.isShutdown()) {
            return;
        }
        ticks.execute(() -> {
            if (!lock.tryLock()) {
                ticks.schedule(() -> afterSent(gen, next), TICK_NS, TimeUnit.NANOSECONDS);
                return;
            }
            try {
                if (gen == generation && !closed) {
                    next.run();
                }
            } catch (RuntimeException e) {
                out.error("step", "step stopped: " + e.getMessage());
            } finally {
                lock.unlock();
            }
        });
    }

    public void seek(long k) {
        locked(() -> {
            requireLoaded();
            stopPlaying();
            live.seek(k);
            reportAfterJump(Reason.SEEK);
            jumped();
        });
    }

    /**
     * Loads, then seeks to {@code k} (a link's {@code step=K}) in the same call: the client gets the
     * one state message of any load, reason "load", at step k (or an oops if the run breaks first).
     */
    public void loadAt(LiveSession session, long k) {
        locked(() -> {
            stopPlaying();
            pageAcks = false;
            live = session;
            out.loaded(session);
            live.seek(k);
            if (live.oops() != null) {
                out.oops(live, live.oops());
            } else {
                out.state(state(Reason.LOAD, true));
            }
            jumped();
        });
    }

    public void reset() {
        locked(() -> {
            requireLoaded();
            stopPlaying();
            live.reset();
            reportAfterJump(Reason.RESET);
            jumped();
        });
    }

    /** Transitions per second; 0 means as fast as the client takes them. */
    public void play(double speed) {
        locked(() -> {
            requireLoaded();
            stopPlaying();
            if (closed || stoppedBeforeStart()) {
                return;
            }
            long now = System.nanoTime();
            pace = new Pace(speed, now);
            lastStatsNs = now;
            playing = true;
            if (pageAcks && acked < sentTo) {
                // A message the page has not drawn is still on its way (a play sent while playing, or
                // a step's): the first turn waits for its ack, or the server would be two ahead.
                awaitAck(generation, now);
                return;
            }
            later(generation, 0, true);
        });
    }

    public void pause() {
        locked(() -> {
            requireLoaded();
            stopPlaying();
            out.state(state(Reason.PAUSE, false));
            out.stats(live);
        });
    }

    /**
     * The page has drawn every step up to {@code step}. From the first ack on, play is driven by the
     * page: a play message goes out only once the page has drawn everything sent before it, so the
     * server is never more than one message (one frame) ahead, and pause, back and seek land within a
     * frame at any speed. An ack ahead of what was sent counts as what was sent.
     */
    public void ack(long step) {
        locked(() -> {
            if (live == null) return;
            pageAcks = true;
            acked = step;
            if (playing && awaitingAck == generation && acked >= sentTo) {
                awaitingAck = -1;
                long now = System.nanoTime();
                // "As fast as the page draws": the next frame's worth goes now; a paced speed waits out its tick.
                later(generation, Math.max(0, turnBeganNs + TICK_NS - now), now - sentAtNs <= 2 * TICK_NS);
            }
        });
    }

    public void breakpoints(Breakpoints breakpoints) {
        locked(() -> {
            requireLoaded();
            live.breakpoints(breakpoints);
        });
    }

    /** The connection is gone: stop playing for good. */
    public void close() {
        locked(() -> {
            closed = true;
            stopPlaying();
        });
    }

    public boolean playing() {
        return playing;
    }

    /** The transitions one play message may carry now (it grows while the client keeps up). */
    int batchSize() {
        return batch.size();
    }

    private void later(long gen, long delayNs, boolean keptUp) {
        ticks.schedule(() -> turn(gen, keptUp), delayNs, TimeUnit.NANOSECONDS);
    }

    /** One play turn: deliver what is due, then wait for the client to take it. */
    private void turn(long gen, boolean keptUp) {
        if (!lock.tryLock()) {
            later(gen, TICK_NS, keptUp);
            return;
        }
        try {
            if (playing && gen == generation) {
                batch.sent(keptUp);
                playTurn(gen);
            }
        } catch (RuntimeException e) {
            stopPlaying();
            out.error("play", "play stopped: " + e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    private void playTurn(long gen) {
        long began = System.nanoTime();
        int n = pace.due(began, batch.size());
        if (n == 0) {
            later(gen, TICK_NS, true);
            return;
        }
        deliver(live.step(n), null);
        if (playing && began - lastStatsNs >= STATS_EVERY_NS) {
            lastStatsNs = began;
            out.stats(live);
        }
        if (playing && pageAcks) {
            awaitAck(gen, began);
            return;
        }
        if (playing) {
            long sendStarted = System.nanoTime();
            out.whenSent(() -> {
                long now = System.nanoTime();
                later(gen, Math.max(0, began + TICK_NS - now), now - sendStarted <= TICK_NS);
            });
        }
    }

    private void awaitAck(long gen, long began) {
        turnBeganNs = began;
        sentAtNs = System.nanoTime();
        awaitingAck = gen;
    }

    /**
     * A seek, reset or load: the page will land on this step and ack it (it acks every frame that
     * applied a jump, even to the step it was at). That ack, or one of anything past it (the page drew
     * what was in flight before the jump, so only the jump's state is left), is play's credit.
     */
    private void jumped() {
        sentTo = live.steps();
        acked = NOT_YET;
    }

    /** Sends a delivery, then the state it ended in; a null {@code done} says nothing if it ran on. */
    private void deliver(Delivery d, Reason done) {
        send(d.transitions());
        switch (d.stop()) {
            case BREAKPOINT -> halt(Reason.BREAKPOINT);
            case FINISHED -> halt(Reason.FINISHED);
            case OOPS -> {
                stopPlaying();
                out.oops(live, d.oops());
            }
            case NONE -> {
                if (done != null) {
                    out.state(state(done, false));
                }
            }
        }
    }

    private void send(List<Transition> all) {
        for (int from = 0; from < all.size(); from += BatchSize.MAX) {
            out.transitions(all.subList(from, Math.min(all.size(), from + BatchSize.MAX)));
        }
        sentTo = live.steps();
    }

    /** A finished or broken run delivers nothing more: say so instead. */
    private boolean stoppedBeforeStart() {
        if (live.oops() != null) {
            out.oops(live, live.oops());
            return true;
        }
        if (live.finished()) {
            out.state(state(Reason.FINISHED, false));
            out.stats(live);
            return true;
        }
        return false;
    }

    private void reportAfterJump(Reason reason) {
        if (live.oops() != null) {
            out.oops(live, live.oops());
            return;
        }
        out.state(state(reason, true));
        out.stats(live);
    }

    private void halt(Reason reason) {
        stopPlaying();
        out.state(state(reason, false));
        out.stats(live);
    }

    private SessionState state(Reason reason, boolean withSnapshot) {
        return new SessionState(live.steps(), live.now(), playing, live.finished(), reason,
                withSnapshot ? live.snapshot() : null, withSnapshot ? live.locks() : java.util.List.of());
    }

    private void stopPlaying() {
        playing = false;
        generation++;
        awaitingAck = -1;
    }

    private void requireLoaded() {
        if (live == null) {
            throw new IllegalStateException("no scenario loaded: send load first");
        }
    }

    private void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }
}
