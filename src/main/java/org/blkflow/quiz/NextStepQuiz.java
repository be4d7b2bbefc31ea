package org.blkflow.quiz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Scenario;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;

/**
 * Predict-the-next-step: the question at any step of any model run. The right answer is not worked
 * out but observed: a fresh run of the same scenario is taken to the step and asked for its next
 * transition, which, the model being deterministic, is exactly what the session will deliver next.
 * The wrong answers are moves the same run makes just before or soon after (the same requests, the
 * same queues, in nearly the same state), so each is something that could plausibly come next.
 */
public final class NextStepQuiz {

    /** How far past the answer, and how far behind it, plausible moves are looked for. */
    static final int LOOK_AHEAD = 256;
    static final int LOOK_BACK = 64;
    /** Of the nearest moves, how many are drawn from: the nearest are the most plausible. */
    private static final int NEAREST = 6;
    /** Only when a run offers too few other moves (its very end): other kinds at the same place. */
    private static final List<TransitionKind> FALLBACK = List.of(TransitionKind.REQUEUE, TransitionKind.ISSUE,
            TransitionKind.COMPLETE, TransitionKind.INSERT, TransitionKind.FREE);

    private NextStepQuiz() {
    }

    /**
     * The question at {@code step} (transitions delivered so far), or empty when the run has ended by
     * then. The scenario must be normalized and validated; the caller bounds the step.
     */
    public static Optional<Quiz> at(Scenario scenario, long step) {
        BlockLayerRun run = new BlockLayerRun(scenario, false);
        ArrayDeque<Transition> past = new ArrayDeque<>(LOOK_BACK);
        while (run.steps() < step) {
            Transition t = run.next();
            if (t == null) {
                return Optional.empty();
            }
            if (past.size() == LOOK_BACK) {
                past.removeFirst();
            }
            past.addLast(t);
        }
        Transition next = run.next();
        if (next == null) {
            return Optional.empty();
        }
        List<Transition> nearby = new ArrayList<>(LOOK_AHEAD + LOOK_BACK);
        for (Transition t; nearby.size() < LOOK_AHEAD && (t = run.next()) != null; ) {
            nearby.add(t);
        }
        for (Iterator<Transition> back = past.descendingIterator(); back.hasNext(); ) {
            nearby.add(back.next());
        }
        return Optional.of(ask(new Random(scenario.seed() * 1_000_003L + step), step, next, nearby));
    }

    /** Three wrong answers where the run offers them (at least two), and the right one, shuffled. */
    static Quiz ask(Random random, long step, Transition next, List<Transition> nearby) {
        Choice right = Choice.of(next);
        Map<String, Choice> otherKind = new LinkedHashMap<>();
        Map<String, Choice> sameKind = new LinkedHashMap<>();
        for (Transition t : nearby) {
            Choice c = Choice.of(t);
            if (!c.key().equals(right.key())) {
                (c.kind() == right.kind() ? sameKind : otherKind).putIfAbsent(c.key(), c);
            }
        }
        List<Choice> wrong = new ArrayList<>(3);
        take(random, new ArrayList<>(otherKind.values()), 2, wrong);
        take(random, new ArrayList<>(sameKind.values()), 1, wrong);
        take(random, new ArrayList<>(otherKind.values()), 3 - wrong.size(), wrong);
        for (TransitionKind k : FALLBACK) {
            if (wrong.size() >= 2) {
                break;
            }
            Choice c = new Choice(k, right.from(), right.to(), right.at());
            if (k != right.kind() && wrong.stream().noneMatch(w -> w.key().equals(c.key()))) {
                wrong.add(c);
            }
        }
        List<Choice> choices = new ArrayList<>(wrong);
        choices.add(right);
        Collections.shuffle(choices, random);
        return new Quiz(step, choices, choices.indexOf(right), next);
    }

    /** Up to {@code n} of the nearest candidates not taken yet, picked at random among them. */
    private static void take(Random random, List<Choice> candidates, int n, List<Choice> into) {
        candidates.removeIf(c -> into.stream().anyMatch(w -> w.key().equals(c.key())));
        List<Choice> nearest = new ArrayList<>(candidates.subList(0, Math.min(NEAREST, candidates.size())));
        for (int i = 0; i < n && !nearest.isEmpty(); i++) {
            into.add(nearest.remove(random.nextInt(nearest.size())));
        }
    }
}
