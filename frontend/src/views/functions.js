// Figure 3: the kernel function path, the current transition's function lit, each explained on hover.
import { MQ_PATH, highlight, explain } from '../functions.js';

export function functionsView(el) {
  el.innerHTML = '';
  const list = document.createElement('ol');
  list.className = 'fn-path';
  const caption = document.createElement('p');
  caption.className = 'fn-explain';
  for (const p of MQ_PATH) {
    const li = document.createElement('li');
    li.dataset.fn = p.fn;
    li.title = p.explain;
    li.innerHTML = `<code>${p.fn}</code>${p.alt ? `<span class="alt"> / ${p.alt.join(' / ')}</span>` : ''}`;
    li.addEventListener('mouseenter', () => { caption.textContent = `${p.fn}: ${p.explain}`; });
    list.append(li);
  }
  el.append(list, caption);
  let lit = null;

  function update(state, last) {
    const fn = last ? highlight(last.fn) : null;
    if (fn === lit) return;
    list.querySelector('[data-active]')?.removeAttribute('data-active');
    lit = fn;
    if (!fn) { caption.textContent = last?.fn ? `${last.fn} (off the main path)` : ''; return; }
    const li = list.querySelector(`[data-fn="${fn}"]`);
    li.dataset.active = 'true';
    caption.textContent = `${last.fn}: ${explain(last.fn)}`;
  }

  return { update };
}
