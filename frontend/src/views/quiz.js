// Predict the next step: before a step, three or four choices from the server (GET /api/quiz); the
// student picks one, every choice then shows whether it was right (data-correct, set only now), the
// score moves, and the real step is taken so its narration explains the answer. Asked at every step
// while predict mode is on, and at a lesson's question stops.
import { quizUrl, newScore, scored, scoreText, feedback } from '../quiz.js';
import { fetchRetryingBusy } from '../busy-retry.js';

export function quizView(el, { onAnswered, onToggle }) {
  el.innerHTML = `
    <div class="quiz-bar">
      <button data-action="predict" aria-pressed="false" title="turn stepping into a quiz: pick the next transition before it happens">predict the next step</button>
      <span class="quiz-score" data-role="quiz-score" hidden></span>
    </div>
    <div class="quiz" data-role="quiz" hidden>
      <p class="quiz-prompt" data-role="quiz-prompt"></p>
      <div class="quiz-choices" role="group" aria-label="answers"></div>
      <p class="quiz-feedback" data-role="quiz-feedback" aria-live="polite"></p>
    </div>`;
  const $ = sel => el.querySelector(sel);
  const box = $('[data-role="quiz"]');
  let predict = false;
  let score = newScore();
  // The question on show: { step, link, reply, chosen, error, prompt }.
  let current = null;
  let asking = null;

  $('[data-action="predict"]').addEventListener('click', () => { setPredict(!predict); onToggle(predict); });
  box.addEventListener('click', ev => {
    const b = ev.target.closest('[data-role="quiz-choice"]');
    if (b) choose(Number(b.dataset.index));
  });

  function setPredict(on) {
    predict = on;
    const b = $('[data-action="predict"]');
    b.setAttribute('aria-pressed', String(on));
    b.classList.toggle('on', on);
    $('[data-role="quiz-score"]').hidden = !on;
    $('[data-role="quiz-score"]').textContent = scoreText(score);
    if (!on && current && current.chosen == null) { current = null; box.hidden = true; }
  }

  async function ask(link, step, prompt) {
    const key = `${link}#${step}`;
    if (asking === key) return;
    asking = key;
    current = { step, link, reply: null, chosen: null, error: null, prompt };
    draw();
    try {
      const res = await fetchRetryingBusy(quizUrl(link, step));
      const body = await res.json();
      if (asking !== key) return;
      if (!res.ok) current.error = body.message ?? `the server answered ${res.status}`;
      else current.reply = body;
    } catch {
      if (asking === key) current.error = 'the server could not be asked';
    }
    if (asking === key) asking = null;
    draw();
  }

  function choose(i) {
    const q = current?.reply;
    if (!q || current.chosen != null || q.finished) return;
    current.chosen = i;
    score = scored(score, i === q.answer);
    draw();
    onAnswered(current.step);
  }

  function draw() {
    box.hidden = !current;
    if (!current) return;
    const q = current.reply;
    $('[data-role="quiz-prompt"]').textContent = current.prompt ?? 'What happens next? Pick the next transition.';
    const list = $('.quiz-choices');
    list.replaceChildren();
    const fb = $('[data-role="quiz-feedback"]');
    if (current.error) { fb.textContent = `No question this time: ${current.error}.`; return; }
    if (!q) { fb.textContent = 'Asking the model…'; return; }
    if (q.finished) { fb.textContent = 'The run has ended: nothing comes next.'; return; }
    q.choices.forEach((c, i) => {
      const b = document.createElement('button');
      b.dataset.role = 'quiz-choice';
      b.dataset.index = String(i);
      b.dataset.kind = c.kind;
      b.textContent = c.label;
      if (current.chosen != null) {
        // Only now does the page say which was right: before, nothing in the DOM gives it away.
        b.dataset.correct = String(i === q.answer);
        if (i === current.chosen) b.dataset.chosen = 'true';
        b.disabled = true;
      }
      list.append(b);
    });
    fb.textContent = current.chosen == null ? '' : feedback(q, current.chosen);
    $('[data-role="quiz-score"]').textContent = scoreText(score);
  }

  /** Whether a question is wanted at this step: predict mode, or a lesson's question stop. */
  const wanted = (state, question) => !!state?.link && (predict || question != null);

  return {
    predicting: () => predict,
    setPredict,
    /**
     * Called instead of a step: true when the step must wait for an answer (and the question is
     * asked if it was not yet), false when stepping may go on.
     */
    holdsStep(state, question) {
      if (!wanted(state, question)) return false;
      if (current && current.step === state.step && current.link === state.link) {
        const q = current.reply;
        return !current.error && (!q || (!q.finished && current.chosen == null));
      }
      ask(state.link, state.step, question);
      return true;
    },
    /** Each frame: ask at a question stop, or after a seek, without waiting for a step press. */
    update(state, question, playing) {
      if (!state) return;
      const answeredJustBefore = current && current.chosen != null && current.step + 1 === state.step;
      if (wanted(state, question) && !playing && !answeredJustBefore && (!current || current.step !== state.step || current.link !== state.link)) {
        ask(state.link, state.step, question);
      } else if (!wanted(state, question) && current && !answeredJustBefore && current.step !== state.step) {
        current = null;
        asking = null;
        draw();
      }
    },
  };
}
