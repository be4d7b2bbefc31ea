package org.blkflow.runs;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.scenario.Problem;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioValidator;

/**
 * The points of a sweep: one validated scenario for every combination of the varied values, the
 * first varied field outermost. Bounded so that a sweep answers in seconds on the sweep threads.
 */
public final class SweepPlan {

    /** Enough for five CPU counts × three modes × four cost settings; more is a batch job, not a page. */
    public static final int MAX_POINTS = 64;
    /** Twice one run's bound: a sweep answers in seconds on the two sweep threads. */
    public static final long MAX_BIOS = 4_000_000;

    /** One point: its position in the product of {@code of} points and its scenario. */
    public record Point(int index, int of, Scenario scenario) {
    }

    private final List<Point> points;

    private SweepPlan(List<Point> points) {
        this.points = points;
    }

    /**
     * Points in product order from their validated scenarios; refused when they would submit more
     * than {@link #MAX_BIOS} bios in all.
     */
    public static SweepPlan of(List<Scenario> scenarios) {
        checkPoints(scenarios.size());
        List<Point> points = new ArrayList<>(scenarios.size());
        for (Scenario s : scenarios) {
            points.add(new Point(points.size(), scenarios.size(), s));
        }
        long bios = scenarios.stream().mapToLong(ScenarioValidator::bios).sum();
        if (bios > MAX_BIOS) {
            throw SweepRefused.tooLarge(Problem.tooLarge("vary", bios, "the points would submit " + bios
                    + " bios in all; at most " + MAX_BIOS + " per sweep"));
        }
        return new SweepPlan(List.copyOf(points));
    }

    /** Refuses a product of more than {@link #MAX_POINTS} points before any of them is built. */
    public static void checkPoints(long points) {
        if (points > MAX_POINTS) {
            throw SweepRefused.tooLarge(Problem.tooLarge("vary", "more than " + MAX_POINTS + " points",
                    "the product of the lists must be at most " + MAX_POINTS + " points"));
        }
    }

    /**
     * Which value of each list point {@code index} takes: the index counts in the product like a
     * number whose last digit is the last list.
     */
    public static int[] choices(int index, int[] sizes) {
        int[] choice = new int[sizes.length];
        int rest = index;
        for (int k = sizes.length - 1; k >= 0; k--) {
            choice[k] = rest % sizes[k];
            rest /= sizes[k];
        }
        return choice;
    }

    public List<Point> points() {
        return points;
    }
}
