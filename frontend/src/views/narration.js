// The current transition in plain words, with its step, time and kernel function.
import { narrate } from '../narration.js';
import { formatNs } from '../format.js';
import { key } from '../state.js';

export function narrationView(el) {
  let shown;
  return {
    update(state, last) {
      // Frames come faster than transitions: rewrite the text only when there is a new one.
      const now = last ? `${last.seq}:${last.t}:${last.kind}:${last.req}:${last.bio}:${state.items.get(key('req', last.req))?.place}` : null;
      if (now === shown) return;
      shown = now;
      if (!last) {
        el.innerHTML = '<p class="hint">Press <kbd>→</kbd> to take the first step, or <kbd>space</kbd> to play.</p>';
        return;
      }
      const rq = last.req >= 0 ? state.items.get(key('req', last.req)) : null;
      el.dataset.seq = last.seq;
      el.innerHTML = `<div class="narr-meta">step ${last.seq + 1} · ${formatNs(last.t)} · <code>${last.fn ?? ''}</code>`
        + `${last.action ? ` · <span class="action">${last.action}</span>` : ''}</div>`
        + `<p class="narr-text"></p>`;
      // A replayed trace has no scenario: it is narrated from what the trace recorded.
      el.querySelector('.narr-text').textContent = narrate(last, rq?.place, !state.scenario);
    },
  };
}
