package org.blkflow.scenario;

import java.util.ArrayList;
import java.util.List;

/** Collects problems as the rules are checked, so one answer lists every mistake at once. */
final class ProblemList {

    private final List<Problem> problems = new ArrayList<>();

    void add(Problem problem) {
        problems.add(problem);
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
}
