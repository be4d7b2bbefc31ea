package org.blkflow.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.blkflow.quiz.Choice;
import org.blkflow.quiz.NextStepQuiz;
import org.blkflow.quiz.Quiz;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioLink;
import org.blkflow.scenario.ScenarioValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * GET /api/quiz?&lt;share link query&gt;: predict-the-next-step at the link's step. Keyed by the link, not
 * by a session, because the link is the whole state: the question at a step is the same for every
 * session that reaches it (after stepping, seeking or reloading), and asking it leaves the session
 * alone. The answer is in the reply; the page reveals it only once the student has chosen.
 */
@RestController
public class QuizController {

    /** A quiz replays its run from step 0, as a seek does: this many at once, the rest wait their turn. */
    static final int CONCURRENT = 2;
    private final ReplayGate gate = new ReplayGate("quizzes", CONCURRENT);
    /** The question at a step is the same for everyone: a class asking together is worked out once. */
    static final int REMEMBERED = 64;
    private final SharedAnswers<String, ObjectNode> asked = new SharedAnswers<>(REMEMBERED);

    @GetMapping("/api/quiz")
    public ObjectNode quiz(HttpServletRequest request) {
        String query = request.getQueryString();
        ScenarioLink.Decoded link = ScenarioLink.decode("/?" + (query == null ? "" : query));
        Scenario scenario = ScenarioValidator.require(link.scenario());
        long step = link.step().orElse(0);
        if (step > SessionLimits.MAX_SEEK) {
            throw ApiException.badParameter("step", step, "must be a whole number between 0 and " + SessionLimits.MAX_SEEK);
        }
        // Keyed by the canonical link, so two spellings of one scenario share their answers.
        return asked.get(ScenarioLink.encode(scenario, step), () -> gate.run(() -> json(step, NextStepQuiz.at(scenario, step))))
                .deepCopy();
    }

    static ObjectNode json(long step, Optional<Quiz> quiz) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("step", step);
        o.put("finished", quiz.isEmpty());
        ArrayNode choices = o.putArray("choices");
        if (quiz.isEmpty()) {
            return o;
        }
        for (Choice c : quiz.get().choices()) {
            choices.addObject().put("kind", c.kind().label()).put("action", c.kind().action())
                    .put("from", c.from().toString()).put("to", c.to().toString()).put("at", c.at())
                    .put("label", c.label());
        }
        o.put("answer", quiz.get().answer());
        o.set("next", TransitionJson.toNode(quiz.get().next()));
        return o;
    }
}
