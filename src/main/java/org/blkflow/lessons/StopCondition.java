package org.blkflow.lessons;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.transition.Transition;

/**
 * Where a lesson stops: at a fixed step, or at the {@code nth} transition after the previous stop
 * that matches every field given, as a breakpoint would ("the first S": action S; "the first R on
 * hctx 1": action R, hctx 1). Unset fields are null and match anything. Conditions rather than step
 * numbers keep a lesson right when the model's timing is refined and the steps move.
 *
 * @param step   a fixed step (transitions delivered), or null for a condition
 * @param kind   a transition kind's label ({@code requeue}, {@code flush_ctx}, …)
 * @param action a blktrace letter ({@code S}, {@code R}, {@code UT}, …)
 * @param fn     the kernel function
 * @param from   the place left ({@code hctx:1}), {@code to} the place entered
 * @param nth    which match counts, from 1
 */
public record StopCondition(Long step, String kind, String action, String fn, Integer cpu, Integer ctx,
                            Integer hctx, String from, String to, int nth) {

    public static StopCondition atStep(long step) {
        return new StopCondition(step, null, null, null, null, null, null, null, null, 1);
    }

    public boolean fixed() {
        return step != null;
    }

    public boolean matches(Transition t) {
        return (kind == null || kind.equals(t.kind().label()))
                && (action == null || action.equals(t.action()))
                && (fn == null || fn.equals(t.fn()))
                && (cpu == null || cpu == t.cpu())
                && (ctx == null || ctx == t.ctx())
                && (hctx == null || hctx == t.hctx())
                && (from == null || from.equals(t.from().toString()))
                && (to == null || to.equals(t.to().toString()));
    }

    /** "the 2nd R on hctx 1": how a problem with the lesson names the stop. */
    public String describe() {
        if (fixed()) {
            return "step " + step;
        }
        List<String> parts = new ArrayList<>();
        add(parts, "kind", kind);
        add(parts, "action", action);
        add(parts, "fn", fn);
        add(parts, "cpu", cpu);
        add(parts, "ctx", ctx);
        add(parts, "hctx", hctx);
        add(parts, "from", from);
        add(parts, "to", to);
        return "match #" + nth + " of " + String.join(", ", parts);
    }

    private static void add(List<String> parts, String name, Object value) {
        if (value != null) {
            parts.add(name + " " + value);
        }
    }
}
