// Lesson mode: the lesson's stops one by one, "stop 3 of 9", the stop's explanation above the
// narration, and the place of Figure 1 it is about lit up. A stop's step is the one just after the
// transition it is about, so seeking there shows that transition as what just happened.
import { progressText } from '../lesson.js';

const PANELS = { locks: '#locks-panel', sweep: '.sweep-panel' };

export function lessonView(el, { outline, seek, mayLeave, onStop }) {
  el.innerHTML = `
    <div class="lesson-head">
      <strong class="lesson-title" data-role="lesson-title"></strong>
      <span class="lesson-progress" data-role="lesson-progress"></span>
      <span class="lesson-nav">
        <button data-action="lesson-prev" title="the previous stop">◀ previous stop</button>
        <button data-action="lesson-next" title="the next stop">next stop ▶</button>
        <button data-action="lesson-leave" title="leave the lesson; the run stays">leave</button>
      </span>
    </div>
    <p class="lesson-text" data-role="lesson-text"></p>
    <p class="lesson-away muted" data-role="lesson-away" hidden></p>`;
  const $ = sel => el.querySelector(sel);
  let lesson = null;
  let index = 0;

  el.addEventListener('click', ev => {
    const a = ev.target.closest('[data-action]')?.dataset.action;
    if (a === 'lesson-next' && lesson && index + 1 < lesson.stops.length && mayLeave()) go(index + 1);
    if (a === 'lesson-prev' && lesson && index > 0) go(index - 1);
    if (a === 'lesson-leave') close();
  });

  function close() {
    lesson = null;
    draw();
    onStop(null);
  }

  function go(i) {
    index = i;
    draw();
    seek(lesson.stops[i].step);
    onStop(i);
    const panel = PANELS[lesson.stops[i].panel];
    if (panel) document.querySelector(panel)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  function draw() {
    el.hidden = !lesson;
    if (!lesson) { highlight(null); panels(null); return; }
    const stop = lesson.stops[index];
    $('[data-role="lesson-title"]').textContent = lesson.title;
    $('[data-role="lesson-progress"]').textContent = progressText(index, lesson.stops.length);
    $('[data-role="lesson-text"]').textContent = stop.text;
    $('[data-action="lesson-prev"]').disabled = index === 0;
    $('[data-action="lesson-next"]').disabled = index + 1 === lesson.stops.length;
    el.dataset.stop = String(index + 1);
    panels(stop.panel);
  }

  /** Figure 1 is redrawn on resize and load: the lit place is set again every frame, cheaply. */
  function highlight(place) {
    for (const n of outline.querySelectorAll('[data-highlight]')) {
      if (n.dataset.queue !== place) delete n.dataset.highlight;
    }
    if (place) for (const n of outline.querySelectorAll(`[data-queue="${CSS.escape(place)}"]`)) n.dataset.highlight = 'true';
  }

  function panels(which) {
    for (const [name, sel] of Object.entries(PANELS)) {
      document.querySelector(sel)?.toggleAttribute('data-lesson-panel', name === which);
    }
  }

  return {
    /** Opens a lesson (GET /api/lessons/{id}) at stop i; seek is left to the caller the first time. */
    open(l, i) { lesson = l; index = i; draw(); },
    close,
    lesson: () => lesson,
    index: () => index,
    /** The question of the stop the student is at, when the step drawn is that stop's. */
    questionAt(step) {
      const stop = lesson?.stops[index];
      return stop && stop.question && stop.step === step ? stop.question : null;
    },
    update(state) {
      if (!lesson) return;
      const stop = lesson.stops[index];
      highlight(stop.highlight);
      const away = $('[data-role="lesson-away"]');
      // Just past a question stop is where answering it leads: not worth a remark.
      const off = state.step !== stop.step && !(stop.question && state.step === stop.step + 1);
      away.hidden = !off;
      if (off) away.textContent = `You are at step ${state.step}; this stop is step ${stop.step}.`;
    },
  };
}
