package org.blkflow.model;

import org.blkflow.transition.Transition;

/**
 * Linux 7.0's dispatch budget as the stream shows it: a request holds budget from before its D until
 * its C or its R, so the requests between D and C (or R) never outnumber the device's budget.
 */
final class BudgetInvariant {

    private final int budget;
    private int issued;

    BudgetInvariant(int budget) {
        this.budget = budget;
    }

    void check(Transition t, Bio bio, Request rq) {
        if (budget == 0 || t.action() == null) return;
        switch (t.action()) {
            case "D" -> {
                if (++issued > budget) {
                    Oops.fail("budget-in-use", issued + " requests issued with a budget of " + budget, t, bio, rq);
                }
            }
            case "C", "R" -> issued--;
            default -> { }
        }
    }
}
