package org.blkflow.stats;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.transition.Place;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;

/** Hand-built transition streams: only the fields statistics read are filled in. */
final class TransitionLog {

    final List<Transition> transitions = new ArrayList<>();

    TransitionLog add(long tNs, TransitionKind kind, long bio, long req) {
        return add(tNs, kind, kind.action(), bio, req);
    }

    TransitionLog add(long tNs, TransitionKind kind, String action, long bio, long req) {
        transitions.add(new Transition(transitions.size(), tNs, kind, "fn", action, 0, 1, "fio", bio, req, 0, 0,
                -1, 0, 8, "R", Place.NONE, Place.NONE, -1));
        return this;
    }

    RunStats replay() {
        RunStats stats = new RunStats();
        transitions.forEach(stats::onTransition);
        return stats;
    }
}
