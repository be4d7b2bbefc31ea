package org.blkflow.lessons;

/**
 * One stop of a lesson: where it is, the paragraph the student reads there, and optionally a place
 * of Figure 1 to light up, a panel to bring into view and a question to answer before moving on (its
 * choices come from the model, see quiz/NextStepQuiz).
 *
 * @param highlight a place Figure 1 draws ({@code hctx:1}, {@code tagwait:0}), or null
 * @param panel     {@code locks} or {@code sweep}, or null
 * @param question  the prompt of a question stop, or null
 */
public record LessonStop(StopCondition at, String text, String highlight, String panel, String question) {

    public static final java.util.List<String> PANELS = java.util.List.of("locks", "sweep");
}
