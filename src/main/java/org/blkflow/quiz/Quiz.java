package org.blkflow.quiz;

import java.util.List;
import org.blkflow.transition.Transition;

/**
 * A question at one step of a run: which of {@code choices} is the next transition. Exactly one is
 * right, {@code choices.get(answer)}, and {@code next} is the transition the model then makes, whose
 * kernel function and narration are the feedback.
 */
public record Quiz(long step, List<Choice> choices, int answer, Transition next) {

    public Quiz {
        choices = List.copyOf(choices);
    }
}
