package org.blkflow.model;

import org.blkflow.transition.Transition;

/**
 * Linux 7.0's dispatch budget as the stream shows it: a request holds budget from before its D until
 * its C or its R, so the requests between D and C (or R) never outnumber the device's budget.
 */
final class BudgetInvariant {

    private final int budget;
    /** Per device: each request_queue has its own budget. */
    private final int[] issued = new int[64];

    BudgetInvariant(int budget) {
        this.budget = budget;
    }

    void check(Transition t, Bio bio, Request rq) {
        if (budget == 0 || t.action() == null) return;
        switch (t.action()) {
            case "D" -> {
                int d = rq == null ? 0 : rq.hctx.device;
                if (++issued[d] > budget) {
                    Oops.fail("budget-in-use", issued[d] + " requests issued with a budget of " + budget, t, bio, rq);
                }
            }
            case "C", "R" -> issued[rq == null ? 0 : rq.hctx.device]--;
            default -> { }
        }
    }
}
