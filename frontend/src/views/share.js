// The share link in the header: the loaded scenario's link plus &step=K, and a copy button.
import { withStep, absolute } from '../link.js';

/** @param trace () => the loaded trace ({id, lines, …}) or null, to name an uploaded trace that has no link */
export function shareView(el, { trace } = {}) {
  el.innerHTML = `<a data-role="share-link" href="/">share link</a>
    <button type="button" data-action="copy-link" title="copy the link to this step">copy</button>`;
  const a = el.querySelector('a');
  el.querySelector('button').addEventListener('click', async ev => {
    if (!a.hasAttribute('href')) return;
    try {
      await navigator.clipboard.writeText(absolute(a.getAttribute('href'), location.origin));
      ev.target.textContent = 'copied';
    } catch {
      ev.target.textContent = 'select & copy';
    }
    setTimeout(() => { ev.target.textContent = 'copy'; }, 1500);
  });
  return {
    update(state) {
      if (!state) return;
      // An uploaded trace lives only in this server's memory: say so rather than keep an old link.
      if (!state.link) {
        const t = trace?.();
        const text = `trace ${t ? `${t.id.slice(0, 8)}… ` : ''}· cannot be shared`;
        if (a.hasAttribute('href') || a.textContent !== text) {
          a.removeAttribute('href');
          a.textContent = text;
          a.title = 'An uploaded trace lives only in this server\'s memory (for a while, until newer traces push it out) '
            + 'and no link can bring it back: share the blkparse file itself, and upload it again.';
        }
        return;
      }
      a.removeAttribute('title');
      const href = withStep(state.link, state.step);
      if (a.getAttribute('href') !== href) {
        a.setAttribute('href', href);
        a.textContent = `link · step ${state.step}`;
      }
    },
  };
}
