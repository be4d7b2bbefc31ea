package org.blkflow.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects problems as the rules are checked, so one answer lists every mistake at once. A hostile
 * input can break a rule per byte, so beyond {@link #KEPT} problems only their number is kept.
 */
final class ProblemList {

    static final int KEPT = 1000;

    private final List<Problem> problems = new ArrayList<>();
    private long omitted;

    void add(Problem problem) {
        if (problems.size() < KEPT) {
            problems.add(problem);
        } else {
            omitted++;
        }
    }

    void add(String field, Object value, String rule) {
        problems.add(Problem.of(field, value, rule));
    }

    /** Checks lo ≤ value ≤ hi; returns whether it holds. */
    boolean range(String field, long value, long lo, long hi) {
        if (value >= lo && value <= hi) {
            return true;
        }
        add(field, value, "must be between " + lo + " and " + hi);
        return false;
    }

    boolean oneOf(String field, String value, List<String> allowed) {
        if (value != null && allowed.contains(value)) {
            return true;
        }
        add(field, value, "must be one of " + String.join(", ", allowed));
        return false;
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<Problem> list() {
        return List.copyOf(problems);
    }

    /** Problems found beyond the {@link #KEPT} listed. */
    long omitted() {
        return omitted;
    }

    ScenarioRejected rejected(String error) {
        return new ScenarioRejected(error, problems, omitted);
    }
}
