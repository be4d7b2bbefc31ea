// The share link in the header: the loaded scenario's link plus &step=K, and a copy button.
import { withStep, absolute } from '../link.js';

export function shareView(el) {
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
        if (a.hasAttribute('href')) { a.removeAttribute('href'); a.textContent = 'uploaded trace · no link'; }
        return;
      }
      const href = withStep(state.link, state.step);
      if (a.getAttribute('href') !== href) {
        a.setAttribute('href', href);
        a.textContent = `link · step ${state.step}`;
      }
    },
  };
}
