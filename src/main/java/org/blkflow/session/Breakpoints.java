package org.blkflow.session;

import java.util.Set;
import org.blkflow.transition.Transition;

/**
 * Where a session pauses: after delivering a transition of one of {@code kinds} (labels), with one of
 * {@code actions} (blktrace letters), or touching request {@code req} (-1 for none).
 */
public record Breakpoints(Set<String> kinds, Set<String> actions, long req) {

    public static final Breakpoints NONE = new Breakpoints(Set.of(), Set.of(), -1);

    public Breakpoints {
        kinds = Set.copyOf(kinds);
        actions = Set.copyOf(actions);
    }

    public boolean none() {
        return kinds.isEmpty() && actions.isEmpty() && req < 0;
    }

    public boolean hits(Transition t) {
        return (req >= 0 && t.req() == req)
                || kinds.contains(t.kind().label())
                || (t.action() != null && actions.contains(t.action()));
    }
}
