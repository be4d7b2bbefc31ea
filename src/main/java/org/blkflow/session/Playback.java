package org.blkflow.session;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.blkflow.session.SessionState.Reason;

/**
 * Drives a {@link LiveSession} for one client: the commands, and play paced to wall-clock time by a
 * task on a shared scheduler, the way SimPy's real-time environment wraps {@code step()}. The model
 * never sees the clock. Every call holds one lock so what the client receives is in model order; a
 * tick that finds the lock taken (a long seek) simply skips its turn instead of blocking the shared
 * scheduler.
 */
public final class Playback {

    static final long TICK_MS = 16;
    static final long STATS_EVERY_NS = 250_000_000L;

    private final ReentrantLock lock = new ReentrantLock();
    private final ScheduledExecutorService ticks;
    private final SessionOutput out;
    private LiveSession live;
    private ScheduledFuture<?> task;
    private Pace pace;
    private long lastStatsNs;
    private boolean closed;

    public Playback(ScheduledExecutorService ticks, SessionOutput out) {
        this.ticks = ticks;
        this.out = out;
    }

    public void load(LiveSession session) {
        locked(() -> {
            stopTicking();
            live = session;
            out.loaded(session);
            out.state(state(Reason.LOAD, true));
        });
    }

    public void step(int n) {
        locked(() -> {
            requireLoaded();
            stopTicking();
            if (!stoppedBeforeStart()) {
                deliver(live.step(n), Reason.STEP);
                out.stats(live);
            }
        });
    }

    public void seek(long k) {
        locked(() -> {
            requireLoaded();
            live.seek(k);
            reportAfterJump(Reason.SEEK);
        });
    }

    public void reset() {
        locked(() -> {
            requireLoaded();
            live.reset();
            reportAfterJump(Reason.RESET);
        });
    }

    /** Transitions per second; 0 means as fast as the client takes them. */
    public void play(double speed) {
        locked(() -> {
            requireLoaded();
            stopTicking();
            if (closed || stoppedBeforeStart()) {
                return;
            }
            pace = new Pace(speed, System.nanoTime());
            lastStatsNs = System.nanoTime();
            task = ticks.scheduleWithFixedDelay(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
        });
    }

    public void pause() {
        locked(() -> {
            requireLoaded();
            stopTicking();
            out.state(state(Reason.PAUSE, false));
            out.stats(live);
        });
    }

    public void breakpoints(Breakpoints breakpoints) {
        locked(() -> {
            requireLoaded();
            live.breakpoints(breakpoints);
        });
    }

    /** The connection is gone: stop ticking for good. */
    public void close() {
        locked(() -> {
            closed = true;
            stopTicking();
        });
    }

    public boolean playing() {
        return task != null;
    }

    private void tick() {
        if (!lock.tryLock()) {
            return;
        }
        try {
            if (task == null || live == null) {
                return;
            }
            long now = System.nanoTime();
            int n = pace.due(now, out.ready());
            if (n > 0) {
                deliver(live.step(n), null);
            }
            if (task != null && now - lastStatsNs >= STATS_EVERY_NS) {
                lastStatsNs = now;
                out.stats(live);
            }
        } catch (RuntimeException e) {
            stopTicking();
            out.error("play", "play stopped: " + e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /** Sends a delivery, then the state it ended in; a null {@code done} says nothing if it ran on. */
    private void deliver(Delivery d, Reason done) {
        if (!d.transitions().isEmpty()) {
            out.transitions(d.transitions());
        }
        switch (d.stop()) {
            case BREAKPOINT -> halt(Reason.BREAKPOINT);
            case FINISHED -> halt(Reason.FINISHED);
            case OOPS -> {
                stopTicking();
                out.oops(live, d.oops());
            }
            case NONE -> {
                if (done != null) {
                    out.state(state(done, false));
                }
            }
        }
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
            stopTicking();
            out.oops(live, live.oops());
            return;
        }
        out.state(state(reason, true));
        out.stats(live);
    }

    private void halt(Reason reason) {
        stopTicking();
        out.state(state(reason, false));
        out.stats(live);
    }

    private SessionState state(Reason reason, boolean withSnapshot) {
        return new SessionState(live.steps(), live.now(), playing(), live.finished(), reason,
                withSnapshot ? live.snapshot() : null);
    }

    private void stopTicking() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
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
