// Predict-the-next-step: the question comes from the server (GET /api/quiz, keyed by the share link at
// the step), the score is kept here.

/** The quiz endpoint for a share link at a step: the link's own query plus step=K. */
export function quizUrl(link, step) {
  const query = (link.split('?')[1] ?? '').split('&').filter(p => p && !p.startsWith('step='));
  query.push(`step=${step}`);
  return `/api/quiz?${query.join('&')}`;
}

export function newScore() {
  return { asked: 0, right: 0, streak: 0, best: 0 };
}

/** The score after one more answer. */
export function scored(score, correct) {
  const streak = correct ? score.streak + 1 : 0;
  return { asked: score.asked + 1, right: score.right + (correct ? 1 : 0), streak, best: Math.max(score.best, streak) };
}

export function scoreText(score) {
  return `${score.right} of ${score.asked} right · streak ${score.streak}${score.best > score.streak ? ` (best ${score.best})` : ''}`;
}

/**
 * What to say once the student has chosen: right or not, and what the model did, by its kernel
 * function: the reason is the real step, whose narration the page then shows.
 */
export function feedback(quiz, chosen) {
  const right = quiz.choices[quiz.answer];
  const fn = quiz.next.fn ? ` in ${quiz.next.fn}()` : '';
  return chosen === quiz.answer
    ? `Right: ${right.label}${fn}.`
    : `Not this time: the model made ${right.label}${fn}, not ${quiz.choices[chosen].label}.`;
}
