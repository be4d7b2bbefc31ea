// Lessons, predict mode and presentation mode as the address carries them. The scenario link codec (the
// server's) knows nothing of lesson, stop, quiz or present: the page keeps them beside the link and takes
// them off before a link is sent to the server, which refuses parameters it does not know.

/**
 * The page's own keys: ?lesson=<id>&stop=N (from 1) opens a lesson at a stop; quiz=1 turns on predict
 * mode; present=1 opens the page presenting (a slide's link to a step, on the projector at once).
 */
export const PAGE_KEYS = ['lesson', 'stop', 'quiz', 'present'];

/** What the address asks of the page besides the scenario. */
export function pageParams(search) {
  const q = new URLSearchParams(search);
  const id = q.get('lesson');
  const stop = Number.parseInt(q.get('stop') ?? '', 10);
  return {
    lesson: id && /^[a-z0-9][a-z0-9-]{0,63}$/.test(id) ? id : null,
    stop: Number.isFinite(stop) && stop >= 1 ? stop : 1,
    quiz: q.get('quiz') === '1',
    present: q.get('present') === '1',
  };
}

/** A link with the page's keys taken off: what the server reads. */
export function withoutPageKeys(link) {
  const [path, query = ''] = link.split('?');
  const params = query.split('&').filter(p => p && !PAGE_KEYS.some(k => p === k || p.startsWith(`${k}=`)));
  return params.length ? `${path}?${params.join('&')}` : path;
}

/** A link with the page's keys put back on (before any step, which link.js keeps last). */
export function withPageKeys(link, { lesson = null, stop = 1, quiz = false, present = false } = {}) {
  const base = withoutPageKeys(link);
  // present first: a lesson's keys and quiz stay together just before the step, as they were.
  const keys = present ? ['present=1'] : [];
  if (lesson) keys.push(`lesson=${lesson}`, `stop=${stop}`);
  if (quiz) keys.push('quiz=1');
  if (!keys.length) return base;
  return `${base}${base.includes('?') ? '&' : '?'}${keys.join('&')}`;
}

/** "stop 3 of 9": stops are counted from 1, as the address counts them. */
export function progressText(index, count) {
  return `stop ${index + 1} of ${count}`;
}

/** The index of the stop to open for ?stop=N, kept within the lesson. */
export function stopIndex(lesson, stop) {
  return Math.min(Math.max(stop, 1), lesson.stops.length) - 1;
}

/** The stop the step is at, if any: a question is asked only there. */
export function stopAt(lesson, step) {
  const i = lesson.stops.findIndex(s => s.step === step);
  return i < 0 ? null : i;
}
