// The current transition in plain words, with its step, time and kernel function.
import { narrate } from '../narration.js';
import { formatNs } from '../format.js';
import { key } from '../state.js';

export function narrationView(el) {
  return {
    update(state, last) {
      if (!last) {
        el.innerHTML = '<p class="hint">Press <kbd>→</kbd> to take the first step, or <kbd>space</kbd> to play.</p>';
        return;
      }
      const rq = last.req >= 0 ? state.items.get(key('req', last.req)) : null;
      el.dataset.seq = last.seq;
      el.innerHTML = `<div class="narr-meta">step ${last.seq + 1} · ${formatNs(last.t)} · <code>${last.fn ?? ''}</code>`
        + `${last.action ? ` · <span class="action">${last.action}</span>` : ''}</div>`
        + `<p class="narr-text"></p>`;
      el.querySelector('.narr-text').textContent = narrate(last, rq?.place);
    },
  };
}
