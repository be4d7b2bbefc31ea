package org.blkflow.model;

import static org.blkflow.model.Oops.fail;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Transition;

/**
 * 4: ticket spinlocks as the engine reports them — granted only when free and to the first in line,
 * no wait longer than the holds granted while it waited, released by the holder — and the lock moves
 * of the stream agreeing with them, since the figure draws those moves.
 */
final class LockInvariants {

    /** A lock as the checker sees it: who holds it, since when, who waits, and the holds so far. */
    private static final class LockShadow {
        int holder = -1;
        long grantedAt;
        long holdTotal;
        final ArrayDeque<long[]> waiters = new ArrayDeque<>();
    }

    private final Map<String, LockShadow> locks = new HashMap<>();

    void asked(String lock, int cpu, long t, int holder) {
        LockShadow s = locks.computeIfAbsent(lock, k -> new LockShadow());
        if (holder != s.holder) {
            throw new InvariantViolation("lock-state", lock + " asked for by cpu " + cpu + " at " + t
                    + " ns: the engine says it is " + (holder >= 0 ? "held by cpu " + holder : "free") + " but it is "
                    + (s.holder >= 0 ? "held by cpu " + s.holder : "free"), null, "");
        }
        if (holder >= 0) s.waiters.add(new long[] {cpu, t, s.holdTotal});
    }

    void granted(String lock, int cpu, long askedAt, long t) {
        LockShadow s = locks.computeIfAbsent(lock, k -> new LockShadow());
        if (s.holder >= 0) {
            throw new InvariantViolation("lock-granted-when-free", lock + " granted to cpu " + cpu + " at " + t
                    + " ns while cpu " + s.holder + " holds it", null, "");
        }
        if (!s.waiters.isEmpty()) {
            // A ticket lock is never free while CPUs spin: the grant goes to the first in line.
            long[] first = s.waiters.poll();
            if (first[0] != cpu || first[1] != askedAt) {
                throw new InvariantViolation("lock-fifo", lock + " granted to cpu " + cpu + " (asked at " + askedAt
                        + " ns) before cpu " + first[0] + " (asked at " + first[1] + " ns)", null, "");
            }
            long held = s.holdTotal - first[2];
            if (t - askedAt > held) {
                throw new InvariantViolation("lock-wait-covered", lock + ": cpu " + cpu + " waited " + (t - askedAt)
                        + " ns, longer than the " + held + " ns of holds granted meanwhile", null, "");
            }
        } else if (t != askedAt) {
            throw new InvariantViolation("lock-fifo", lock + " granted to cpu " + cpu + " at " + t
                    + " ns after a wait nobody recorded (asked at " + askedAt + " ns)", null, "");
        }
        s.holder = cpu;
        s.grantedAt = t;
    }

    void released(String lock, int cpu, long t) {
        LockShadow s = locks.get(lock);
        if (s == null || s.holder != cpu) {
            throw new InvariantViolation("lock-released-by-holder", lock + " released by cpu " + cpu + " at " + t
                    + " ns but held by " + (s == null || s.holder < 0 ? "nobody" : "cpu " + s.holder), null, "");
        }
        s.holdTotal += t - s.grantedAt;
        s.holder = -1;
    }

    /**
     * A lock move agrees with the lock as the engine reported it just before: the spinner named holds
     * a ticket behind the holder named, the grant went to that CPU, a release left the lock free with
     * nobody in line.
     */
    void lockMove(Transition t) {
        LockShadow s = locks.get(t.lock());
        String at = t.lock() + " " + t.kind().label() + " on cpu " + t.cpu();
        if (s == null) fail("lock-move", at + " for a lock never asked for", t, null, null);
        switch (t.kind()) {
            case LOCK_CONTENDED -> {
                long[] last = s.waiters.peekLast();
                if (!(s.holder == t.count() && last != null && last[0] == t.cpu())) fail("lock-move", at
                        + " names holder cpu " + t.count() + " but cpu " + s.holder + " holds it", t, null, null);
            }
            case LOCK_ACQUIRED -> {
                if (!(s.holder == t.cpu() && t.count() >= 0)) fail("lock-move", at + " while cpu " + s.holder
                        + " holds it", t, null, null);
            }
            default -> {
                if (!(s.holder < 0 && s.waiters.isEmpty())) fail("lock-move", at + " while "
                        + s.waiters.size() + " CPUs wait for it", t, null, null);
            }
        }
    }
}
