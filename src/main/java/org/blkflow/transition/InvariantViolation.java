package org.blkflow.transition;

/**
 * The model's BUG_ON: a broken invariant stops the run. It names the invariant, the transition at
 * which it broke and the state around it, so the UI can print it the way the kernel prints an OOPS.
 */
public final class InvariantViolation extends RuntimeException {

    private final String invariant;
    private final transient Transition transition;
    private final String state;

    public InvariantViolation(String invariant, String detail, Transition transition, String state) {
        super(invariant + ": " + detail + " at " + describe(transition));
        this.invariant = invariant;
        this.transition = transition;
        this.state = state;
    }

    public String invariant() {
        return invariant;
    }

    /** The transition that broke it; null when the breach was found between transitions. */
    public Transition transition() {
        return transition;
    }

    /** A short dump of the places involved, like the register dump under an OOPS. */
    public String state() {
        return state;
    }

    private static String describe(Transition t) {
        return t == null ? "end of run" : "seq " + t.seq() + " (" + t.kind().label() + " in " + t.fn() + ")";
    }
}
