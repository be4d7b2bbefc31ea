package org.blkflow.transition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each spinlock as a viewer of the stream knows it: the CPU the last lock move named as holder, and
 * the CPUs spinning, in ticket order. Fed by the transition stream alone (see LockTransitions for
 * which moves are in it), so the page's state.js, which applies the same three rules, draws the same.
 */
public final class LockHolders {

    /** One lock: {@code holder} is -1 when the stream shows nobody holding it. */
    public record Held(String lock, int holder, List<Integer> spinners) {
    }

    private static final class Shown {
        int holder = -1;
        final List<Integer> spinners = new ArrayList<>();
    }

    private final Map<String, Shown> locks = new LinkedHashMap<>();

    /** @param names every lock of the run, in lockstat's order: each is drawn even before it is contended */
    public LockHolders(List<String> names) {
        for (String n : names) locks.put(n, new Shown());
    }

    public void apply(Transition t) {
        if (!t.kind().isLock()) return;
        Shown s = locks.computeIfAbsent(t.lock(), k -> new Shown());
        switch (t.kind()) {
            case LOCK_CONTENDED -> {
                s.holder = (int) t.count();
                s.spinners.add(t.cpu());
            }
            case LOCK_ACQUIRED -> {
                s.spinners.remove(Integer.valueOf(t.cpu()));
                s.holder = t.cpu();
            }
            default -> s.holder = -1;
        }
    }

    public List<Held> view() {
        List<Held> out = new ArrayList<>();
        locks.forEach((name, s) -> out.add(new Held(name, s.holder, List.copyOf(s.spinners))));
        return out;
    }
}
