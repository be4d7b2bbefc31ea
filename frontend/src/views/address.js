// The address bar is the state: location always equals the share link at the step drawn, so a reload
// or a copied URL reopens it. A new scenario is a new history entry; stepping only replaces the entry.
import { withStep } from '../link.js';

// Chromium refuses to replace history entries too often (about 100 per 10 s): while playing, the
// address follows at most this often, and catches up as soon as the page stops.
const REPLACE_EVERY_MS = 250;

// decorate(link) adds what the page keeps beside the scenario (a lesson and its stop, predict mode).
export function addressView({ onNavigate, decorate = link => link }) {
  let timer = null;
  let lastWrite = 0;
  let fromHistory = false;
  const here = () => location.pathname + location.search;

  window.addEventListener('popstate', () => { fromHistory = true; onNavigate(here()); });

  function write(href) {
    clearTimeout(timer);
    timer = null;
    lastWrite = performance.now();
    if (href !== here()) history.replaceState(null, '', href);
  }

  return {
    /** A scenario was loaded: a new entry when the address named another scenario, else the same one. */
    loaded(link) {
      const before = new URLSearchParams(location.search).has('v') ? withStep(here(), 0) : null;
      const push = link && before && before !== withStep(decorate(link), 0) && !fromHistory;
      fromHistory = false;
      // An uploaded trace has no link: the address must not go on naming the scenario before it.
      const href = link ? decorate(link) : location.pathname;
      if (push) history.pushState(null, '', href); else if (href !== here()) history.replaceState(null, '', href);
      lastWrite = performance.now();
    },
    /** The step drawn: written now, or within REPLACE_EVERY_MS while steps come quickly. */
    update(state, title) {
      if (title && document.title !== title) document.title = title;
      if (!state.link) return;
      const href = withStep(decorate(state.link), state.step);
      if (href === here()) { clearTimeout(timer); timer = null; return; }
      const wait = REPLACE_EVERY_MS - (performance.now() - lastWrite);
      if (wait <= 0) write(href);
      else { clearTimeout(timer); timer = setTimeout(() => write(href), wait); }
    },
  };
}
