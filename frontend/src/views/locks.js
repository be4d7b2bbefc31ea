// The lock statistics table, as /proc/lock_stat prints it, from the session's stats.locks; the
// panel stays hidden until some lock has been acquired.
import { COLUMNS, lockRows } from '../lockstat.js';
import { esc } from '../format.js';

export function locksView(el, panel) {
  let lastKey = '';
  return {
    update(stats) {
      const rows = lockRows(stats?.locks);
      panel.hidden = !rows;
      if (!rows) { lastKey = ''; el.innerHTML = ''; return; }
      const k = JSON.stringify(rows);
      if (k === lastKey) return;
      lastKey = k;
      el.innerHTML = `<table class="lockstat"><thead><tr>${COLUMNS.map(([, label]) => `<th>${label}</th>`).join('')}</tr></thead>`
        + `<tbody>${rows.map(row).join('')}</tbody></table>`
        + '<p class="muted">times in µs; contentions = con-bounces here (every CPU is its own cache domain); the call sites under a lock found it held.</p>';
    },
  };
}


function row(r) {
  const head = `<tr class="lock" data-lock="${esc(r.name)}" data-contentions="${r.contentions}"${r.hottest ? ' data-hottest="true"' : ''}>`
    + r.cells.map((c, i) => (i === 0 ? `<th>${esc(c)}${r.hottest ? ' <span class="badge bad">most contended</span>' : ''}</th>` : `<td>${c}</td>`)).join('')
    + '</tr>';
  const sites = r.sites.map(s => `<tr class="site"><td colspan="2"><code>${esc(s.fn)}</code></td><td>${s.count}</td><td colspan="${COLUMNS.length - 3}"></td></tr>`).join('');
  return head + sites;
}
