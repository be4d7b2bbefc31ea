package org.blkflow.scenario;

import java.util.List;

/**
 * A scenario (or a link to one) that cannot be run, with every problem found. The message is the
 * first problem's, so a log line alone already says what to fix.
 */
public final class ScenarioRejected extends RuntimeException {

    private final String error;
    private final transient List<Problem> problems;
    private final long omitted;

    /** @param error a short label for the whole failure, e.g. "invalid scenario" or "invalid link" */
    public ScenarioRejected(String error, List<Problem> problems) {
        this(error, problems, 0);
    }

    /** @param omitted problems found but not listed (a reader keeps only the first ones) */
    public ScenarioRejected(String error, List<Problem> problems, long omitted) {
        super(problems.isEmpty() ? error : problems.get(0).message());
        this.error = error;
        this.problems = List.copyOf(problems);
        this.omitted = omitted;
    }

    /** Problems found beyond those in {@link #problems()}. */
    public long omitted() {
        return omitted;
    }

    public String error() {
        return error;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Every problem is about size alone: the scenario would be fine with fewer bios. */
    public boolean tooLarge() {
        return !problems.isEmpty() && problems.stream().allMatch(Problem::tooLarge);
    }
}
