package org.blkflow.model;

import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Transition;

/**
 * How every invariant of the family reports a breach: an {@link InvariantViolation} naming the
 * invariant and the transition, with the bio and request involved dumped like the registers under
 * a kernel OOPS.
 */
final class Oops {

    private Oops() {
    }

    /** Only called once a check has failed, so the report is built only then. */
    static void fail(String invariant, String detail, Transition t, Bio bio, Request rq) {
        throw new InvariantViolation(invariant, detail, t, describe(bio, rq));
    }

    private static String describe(Bio bio, Request rq) {
        StringBuilder s = new StringBuilder();
        if (bio != null) {
            s.append("bio ").append(bio.id).append(": ").append(bio.rwbs).append(' ').append(bio.sector)
                    .append(" + ").append(bio.sectors).append(" from cpu ").append(bio.task.cpu).append('\n');
        }
        if (rq != null) {
            s.append("request ").append(rq.id).append(": ").append(rq.rwbs()).append(' ').append(rq.sector)
                    .append(" + ").append(rq.sectors).append(", tag ").append(rq.tag).append(", hctx ")
                    .append(rq.hctx.index).append(", in ").append(rq.place).append(", bios ");
            for (Bio b : rq.bios) s.append(b.id).append(' ');
            s.append('\n');
        }
        return s.toString();
    }
}
