// The transition log: one line per transition (blkparse's format where blktrace has an action),
// filterable, click to seek. The DOM holds the last MAX_LINES; the log model holds everything.
import { matches } from '../logmodel.js';

const MAX_LINES = 5000;
// Lines redrawn at once after a step back empties the pane: building thousands of lines took most of a
// second on a busy machine, and a back click must land within 200 ms. The window refills as the log grows.
const REFILL_LINES = 120;
const ACTIONS = ['Q', 'G', 'S', 'P', 'M', 'F', 'U', 'I', 'D', 'R', 'C'];

export function logView(el, log, { onSeek, onInspect }) {
  el.innerHTML = `
    <div class="log-filters">
      <label>action <select data-filter="action"><option value="">all</option>
        ${ACTIONS.map(a => `<option>${a}</option>`).join('')}<option value="-">no action</option></select></label>
      <label>CPU <input data-filter="cpu" type="number" min="0" placeholder="any"></label>
      <label>request <input data-filter="req" type="number" min="0" placeholder="any"></label>
      <label>device <input data-filter="device" type="text" size="6" placeholder="any" title="maj,min as the lines print it (8,16: nullb1)"></label>
      <span class="log-count" data-role="log-count"></span>
    </div>
    <div class="log-lines" data-role="log" role="log" aria-live="off"></div>`;
  const pane = el.querySelector('.log-lines');
  const counter = el.querySelector('.log-count');
  const filter = { action: '', cpu: '', req: '', device: '' };
  let done = 0;
  let lastSeq = -1;
  let seen = null;

  el.querySelectorAll('[data-filter]').forEach(input => input.addEventListener('input', () => {
    filter[input.dataset.filter] = input.value;
    rebuild();
  }));
  // A line seeks to just after its transition and inspects the request it names; Enter does the same.
  function open(line) {
    onSeek(Number(line.dataset.seq) + 1);
    if (line.dataset.req) onInspect?.({ type: 'req', id: Number(line.dataset.req) }, line);
  }
  pane.addEventListener('click', ev => {
    const line = ev.target.closest('[data-seq]');
    if (line) open(line);
  });
  pane.addEventListener('keydown', ev => {
    const line = ev.target.closest('[data-seq]');
    if (line && ev.key === 'Enter') { ev.preventDefault(); open(line); }
  });

  function lineFor(e) {
    const div = document.createElement('div');
    div.className = e.line ? 'line' : 'line note';
    div.dataset.seq = e.seq;
    div.tabIndex = 0;
    if (e.t.action) div.dataset.action = e.t.action;
    // The pid column is the task's, but on these lines the brackets hold the error code, not a command.
    if (e.line && (e.t.action === 'C' || e.t.action === 'R')) div.title = 'blkparse prints the error code in brackets on C and R lines (0: none), not the command';
    if (e.t.req >= 0) div.dataset.req = e.t.req;
    div.textContent = e.text;
    return div;
  }

  function appendEntries(entries) {
    const shown = entries.filter(e => matches(e, filter)).slice(-MAX_LINES);
    const frag = document.createDocumentFragment();
    shown.forEach(e => frag.append(lineFor(e)));
    pane.append(frag);
    while (pane.childElementCount > MAX_LINES) pane.firstElementChild.remove();
  }

  function rebuild() {
    pane.textContent = '';
    done = 0;
    lastSeq = -1;
    sync();
  }

  /** The log was cut back to a prefix of what is shown (a step back): drop the lines past it, keep the rest. */
  function cutBack(all) {
    const end = all[all.length - 1].seq;
    // A seek far back leaves none of the lines shown: drop them at once rather than one by one.
    if (pane.firstElementChild && Number(pane.firstElementChild.dataset.seq) > end) pane.textContent = '';
    while (pane.lastElementChild && Number(pane.lastElementChild.dataset.seq) > end) pane.lastElementChild.remove();
    done = all.length;
    lastSeq = end;
    const first = pane.firstElementChild ? Number(pane.firstElementChild.dataset.seq) : end + 1;
    const before = all.slice(0, all.findIndex(e => e.seq >= first) >>> 0).filter(e => matches(e, filter));
    const room = Math.min(REFILL_LINES, MAX_LINES - pane.childElementCount);
    if (room > 0 && before.length) pane.prepend(...before.slice(-room).map(lineFor));
    pane.scrollTop = pane.scrollHeight;
  }

  function sync() {
    const all = log.entries;
    const prefix = all.length > 0 && all.length < done && seen && seen[all.length - 1] === all[all.length - 1];
    seen = all;
    if (prefix) cutBack(all);
    const stale = all.length < done || (done > 0 && all[done - 1].seq !== lastSeq);
    if (stale) { rebuild(); return; }
    if (all.length > done) {
      const atBottom = pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 30;
      appendEntries(all.slice(done));
      done = all.length;
      lastSeq = all[done - 1].seq;
      if (atBottom) pane.scrollTop = pane.scrollHeight;
    }
    pane.querySelector('[data-current]')?.removeAttribute('data-current');
    pane.lastElementChild?.setAttribute('data-current', 'true');
    counter.textContent = `${all.length} transitions · ${pane.childElementCount} shown`;
  }

  return { update: sync, reset: rebuild };
}
