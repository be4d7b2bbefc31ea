package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.blkflow.quiz.Choice;
import org.blkflow.quiz.NextStepQuiz;
import org.blkflow.quiz.Quiz;
import org.blkflow.scenario.Scenario;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Predict-the-next-step over random scenarios and random steps (it lives beside RandomScenarios, the
 * model's generator of every mode, scheduler, driver and ring layout, 3.16 and 7.0): every quiz has
 * three or four distinct choices, exactly one of them right, and the right one is the transition a
 * straight run of the model makes at that step.
 */
class NextStepQuizPropertyTest {

    private static final int SCENARIOS = 300;

    @TestFactory
    Stream<DynamicTest> exactlyOneChoiceIsTheTransitionTheModelThenMakes() {
        return LongStream.range(0, SCENARIOS).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Scenario s = seed % 4 == 3 ? RandomScenarios.generate70(seed) : RandomScenarios.generate(seed);
            List<Transition> run = straightRun(s);
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < 3; i++) {
                // a step anywhere in the run, as a seek or a shared link reaches it, and now and then its very end
                long step = i == 2 && r.nextBoolean() ? run.size() : r.nextInt(run.size() + 1);
                Optional<Quiz> quiz = NextStepQuiz.at(s, step);
                if (step == run.size()) {
                    assertTrue(quiz.isEmpty(), "no question once the run has ended");
                    continue;
                }
                check(quiz.orElseThrow(), run.get((int) step), step);
            }
        }));
    }

    static void check(Quiz q, Transition actual, long step) {
        assertEquals(step, q.step());
        assertTrue(q.choices().size() == 3 || q.choices().size() == 4, "choices: " + q.choices());
        assertEquals(q.choices().size(), new HashSet<>(q.choices().stream().map(Choice::key).toList()).size(),
                "distinct choices: " + q.choices());
        Choice truth = Choice.of(actual);
        long right = q.choices().stream().filter(c -> c.key().equals(truth.key())).count();
        assertEquals(1, right, "exactly one choice is the model's next move " + actual + " among " + q.choices());
        assertEquals(truth, q.choices().get(q.answer()));
        assertEquals(actual, q.next());
    }

    @Test
    void theSameStepAsksTheSameQuestion() {
        Scenario s = RandomScenarios.generate(7);
        assertEquals(NextStepQuiz.at(s, 40), NextStepQuiz.at(s, 40));
    }

    @Test
    void wrongChoicesComeFromMovesOfTheSameRun() {
        Scenario s = RandomScenarios.generate(11);
        List<Transition> run = straightRun(s);
        long step = run.size() / 2;
        Quiz q = NextStepQuiz.at(s, step).orElseThrow();
        HashSet<String> seen = new HashSet<>();
        run.forEach(t -> seen.add(Choice.of(t).key()));
        long fromRun = q.choices().stream().filter(c -> seen.contains(c.key())).count();
        assertTrue(fromRun >= 3, "at least the answer and two wrong choices are moves this run makes: " + q.choices());
    }

    private static List<Transition> straightRun(Scenario s) {
        BlockLayerRun run = new BlockLayerRun(s);
        List<Transition> out = new java.util.ArrayList<>();
        for (Transition t; (t = run.next()) != null && out.size() < 200_000; ) {
            out.add(t);
        }
        return out;
    }
}
