// The lock statistics table, as /proc/lock_stat prints it, from the session's stats.locks; the
// panel stays hidden until some lock has been acquired, except beside Figure 1, where it says so.
// Beside Figure 1 (the legacy and xen views) it shows lockstat's columns that tell contention apart.
import { COLUMNS, lockRows } from '../lockstat.js';
import { esc } from '../format.js';

// Short headers there (lockstat's own names in the tooltip), so the table fits a narrow column.
const BESIDE = { 'class name': 'lock', contentions: 'con', 'waittime-max': 'wait max', 'holdtime-avg': 'hold avg', acquisitions: 'acq' };

export const NO_LOCK_YET = 'No lock taken yet: the table fills in as the run takes its locks.';

export function locksView(el, panel) {
  let lastKey = '';
  return {
    update(stats, beside = false) {
      const rows = lockRows(stats?.locks);
      // Beside Figure 1 the panel keeps its column from the first step, saying why it is empty, so the
      // figure's neighbour is not a blank gap that fills in later.
      panel.hidden = !rows && !beside;
      if (!rows) {
        lastKey = '';
        el.innerHTML = beside ? `<p class="muted" data-empty="true">${NO_LOCK_YET}</p>` : '';
        return;
      }
      const k = JSON.stringify(rows) + beside;
      if (k === lastKey) return;
      lastKey = k;
      const keep = COLUMNS.map(([, label], i) => (!beside || BESIDE[label] ? i : -1)).filter(i => i >= 0);
      const head = i => (beside ? `<th title="${COLUMNS[i][1]}">${BESIDE[COLUMNS[i][1]]}</th>` : `<th>${COLUMNS[i][1]}</th>`);
      el.innerHTML = `<table class="lockstat"><thead><tr>${keep.map(head).join('')}</tr></thead>`
        + `<tbody>${rows.map(r => row(r, keep, beside)).join('')}</tbody></table>`
        + '<p class="muted">times in µs; contentions = con-bounces here (every CPU is its own cache domain); the call sites under a lock found it held.</p>';
    },
  };
}


function row(r, keep, beside) {
  const head = `<tr class="lock" data-lock="${esc(r.name)}" data-contentions="${r.contentions}"${r.hottest ? ' data-hottest="true"' : ''}>`
    + keep.map(i => (i === 0 ? `<th>${esc(r.cells[0])}${r.hottest ? ' <span class="badge bad">most contended</span>' : ''}</th>` : `<td>${r.cells[i]}</td>`)).join('')
    + '</tr>';
  // A call site spans the row beside the figure, so a long function name does not widen the lock column.
  const sites = r.sites.map(s => (beside
    ? `<tr class="site"><td colspan="${keep.length}"><code>${esc(s.fn)}</code>: ${s.count}</td></tr>`
    : `<tr class="site"><td colspan="2"><code>${esc(s.fn)}</code></td><td>${s.count}</td><td colspan="${COLUMNS.length - 3}"></td></tr>`)).join('');
  return head + sites;
}
