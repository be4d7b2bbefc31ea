package org.blkflow.quiz;

import org.blkflow.transition.Place;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;

/**
 * One answer to "what happens next?": a transition's kind and where it happens, without the ids a
 * student cannot guess. Two transitions are the same answer exactly when their keys are equal.
 *
 * @param from  where the request or bio comes from ({@code none} for a move with no item)
 * @param to    where it goes; equal to {@code from} for a step that moves nothing (G in the task)
 * @param at    for a move with no item (a queue run, a stop): the hctx, else the CPU, as a place name
 */
public record Choice(TransitionKind kind, Place from, Place to, String at) {

    public static Choice of(Transition t) {
        boolean noPlace = t.from() == Place.NONE && t.to() == Place.NONE;
        String at = !noPlace ? null : t.hctx() >= 0 ? "hctx:" + t.hctx() : "cpu:" + t.cpu();
        return new Choice(t.kind(), t.from(), t.to(), at);
    }

    public String key() {
        return kind.label() + "|" + from + "|" + to + "|" + at;
    }

    /** "D: hctx:0 → driver:0", "G in task:1", "run_queue on hctx:1": what the page shows on the button. */
    public String label() {
        String name = kind.action() != null ? kind.action() + " (" + kind.label() + ")" : kind.label();
        if (at != null) {
            return name + " on " + at;
        }
        if (from.equals(to) || from == Place.NONE) {
            return name + (from.equals(to) ? " in " : " into ") + to;
        }
        return name + ": " + from + " → " + to;
    }
}
