package org.blkflow.session;

import java.util.List;
import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Transition;

/**
 * The transitions one step or play tick delivered, and why it stopped early if it did.
 *
 * @param oops the broken invariant when {@code stop} is {@link Stop#OOPS}, else null
 */
public record Delivery(List<Transition> transitions, Stop stop, InvariantViolation oops) {

    /** Why a delivery ended before its count. */
    public enum Stop {
        /** It delivered all it was asked for. */
        NONE,
        /** The last transition hit a breakpoint. */
        BREAKPOINT,
        /** The run has no more transitions. */
        FINISHED,
        /** The model's invariant check stopped the run. */
        OOPS
    }

    public Delivery {
        transitions = List.copyOf(transitions);
    }
}
