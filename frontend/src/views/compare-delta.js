// The delta panel: A, B and B − A of each figure the two runs' statistics give (compare.js deltaRows).
import { deltaRows } from '../compare.js';
import { formatNs, esc } from '../format.js';

export function drawDelta(table, a, b) {
  const show = (v, unit) => (v == null ? '—' : unit === 'ns' ? formatNs(v) : Math.round(v).toLocaleString('en'));
  const signed = (v, unit) => (v == null ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${show(Math.abs(v), unit)}`);
  table.innerHTML = '<tr><th scope="col">measure</th><th scope="col">A</th><th scope="col">B</th><th scope="col">B − A</th></tr>'
    + deltaRows(a, b).map(r => `<tr data-row="${esc(r.name)}"><th scope="row">${esc(r.name)}</th><td>${show(r.a, r.unit)}</td>`
      + `<td>${show(r.b, r.unit)}</td><td data-delta>${signed(r.delta, r.unit)}</td></tr>`).join('');
}
