package org.blkflow.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;

/**
 * Walks a lesson's run once and finds the step of every stop: the step just after the transition a
 * condition matches, so the page, seeking there, shows that transition as the one that just happened.
 * Everything a teacher can get wrong is found here, at startup, rather than by a student: a stop never
 * reached, stops out of order, a kind that does not exist, a place Figure 1 does not draw, a question
 * at the end of the run.
 */
public final class LessonWalk {

    /** A lesson is a short story: its stops must come within this many steps. */
    public static final long MAX_STEPS = 1_000_000;

    private LessonWalk() {
    }

    /** The step of each stop, in order; throws {@link LessonInvalid} listing every problem found. */
    public static List<Long> steps(Lesson lesson) {
        List<String> problems = new ArrayList<>();
        check(lesson, problems);
        List<Long> steps = problems.isEmpty() ? walk(lesson, problems) : List.of();
        if (!problems.isEmpty()) {
            throw new LessonInvalid(lesson.id(), problems);
        }
        return steps;
    }

    private static void check(Lesson lesson, List<String> problems) {
        if (lesson.stops().isEmpty()) {
            problems.add("a lesson needs at least one stop");
        }
        Set<String> places = FigurePlaces.of(lesson.scenario());
        for (int i = 0; i < lesson.stops().size(); i++) {
            LessonStop stop = lesson.stops().get(i);
            String name = "stops[" + i + "]";
            if (stop.text() == null || stop.text().isBlank()) {
                problems.add(name + ".text: every stop explains what is seen there");
            }
            if (stop.highlight() != null && !places.contains(stop.highlight())) {
                problems.add(name + ".highlight = " + stop.highlight() + ": Figure 1 draws no such place for this scenario; one of "
                        + String.join(", ", places));
            }
            if (stop.panel() != null && !LessonStop.PANELS.contains(stop.panel())) {
                problems.add(name + ".panel = " + stop.panel() + ": one of " + String.join(", ", LessonStop.PANELS));
            }
            String kind = stop.at().kind();
            if (kind != null && java.util.Arrays.stream(TransitionKind.values()).noneMatch(k -> k.label().equals(kind))) {
                problems.add(name + ".at.kind = " + kind + ": not a transition kind");
            }
            if (stop.at().nth() < 1) {
                problems.add(name + ".at.nth must be at least 1");
            }
        }
    }

    private static List<Long> walk(Lesson lesson, List<String> problems) {
        BlockLayerRun run = new BlockLayerRun(lesson.scenario(), false);
        List<Long> steps = new ArrayList<>();
        long previous = 0;
        for (int i = 0; i < lesson.stops().size(); i++) {
            LessonStop stop = lesson.stops().get(i);
            long step = reach(run, stop.at(), previous);
            String name = "stops[" + i + "] (" + stop.at().describe() + ")";
            if (step < 0) {
                problems.add(name + " is never reached after step " + previous + ": the run ends at step " + run.steps());
                return steps;
            }
            if (step < previous) {
                problems.add(name + " is at step " + step + ", before the previous stop's " + previous);
                return steps;
            }
            if (stop.question() != null && run.finished()) {
                problems.add(name + " asks a question at the end of the run: nothing comes next");
            }
            steps.add(step);
            previous = step;
        }
        return steps;
    }

    /** The step of the stop, running the model on from where it is; -1 when the run ends first. */
    private static long reach(BlockLayerRun run, StopCondition at, long previous) {
        if (at.fixed()) {
            if (at.step() < previous) {
                return at.step();
            }
            while (run.steps() < at.step() && run.steps() < MAX_STEPS) {
                if (run.next() == null) {
                    return -1;
                }
            }
            return run.steps() == at.step() ? at.step() : -1;
        }
        int found = 0;
        for (Transition t; run.steps() < MAX_STEPS && (t = run.next()) != null; ) {
            if (at.matches(t) && ++found == at.nth()) {
                return run.steps();
            }
        }
        return -1;
    }
}
