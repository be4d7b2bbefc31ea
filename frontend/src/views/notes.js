// "Where this model departs from the kernel": the notes for the loaded scenario's mode, always one
// click away in the page's footer.
import { notesFor } from '../model-notes.js';
import { MODE, KERNEL, DRIVER } from '../labels.js';

export function notesView(el) {
  let key = '';
  return {
    update(state) {
      const s = state.scenario || {};
      const k = `${s.mode}/${s.device?.driver}/${s.kernel}`;
      if (k === key) return;
      key = k;
      el.dataset.mode = s.mode ?? MODE.MQ;
      el.innerHTML = `<p class="muted">For mode <code>${s.mode ?? MODE.MQ}</code>${s.kernel === KERNEL.V7_0 ? ' on Linux 7.0' : ''}${s.device?.driver === DRIVER.XEN_BLKFRONT ? ' with xen-blkfront' : ''}:</p><ul>`
        + notesFor(s).map(n => `<li></li>`).join('') + '</ul>';
      el.querySelectorAll('li').forEach((li, i) => { li.textContent = notesFor(s)[i]; });
    },
  };
}
