// Figure 3: the kernel function path of the loaded scenario's mode and driver, the current
// transition's function lit, each explained on hover.
import { pathFor, highlight, explain } from '../functions.js';

export function functionsView(el, { onTitle } = {}) {
  el.innerHTML = '';
  const list = document.createElement('ol');
  list.className = 'fn-path';
  const caption = document.createElement('p');
  caption.className = 'fn-explain';
  el.append(list, caption);
  let path = null;
  let lit = null;

  function build(p) {
    path = p;
    lit = null;
    list.innerHTML = '';
    for (const step of p) {
      const li = document.createElement('li');
      li.dataset.fn = step.fn;
      li.title = step.explain;
      li.innerHTML = `<code>${step.fn}</code>${step.alt ? `<span class="alt"> / ${step.alt.join(' / ')}</span>` : ''}`;
      li.addEventListener('mouseenter', () => { caption.textContent = `${step.fn}: ${step.explain}`; });
      list.append(li);
    }
  }

  function update(state, last) {
    const p = pathFor(state.scenario);
    if (p !== path) { build(p); onTitle?.(state.scenario); }
    const fn = last ? highlight(last.fn, path) : null;
    if (fn === lit) return;
    list.querySelector('[data-active]')?.removeAttribute('data-active');
    lit = fn;
    if (!fn) { caption.textContent = last?.fn ? `${last.fn} (off the main path)` : ''; return; }
    list.querySelector(`[data-fn="${fn}"]`).dataset.active = 'true';
    caption.textContent = `${last.fn}: ${explain(last.fn, path)}`;
  }

  return { update };
}
