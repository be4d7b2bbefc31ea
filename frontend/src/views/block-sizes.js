// Block sizes queued: one bar per bio size, reads below writes, from the session's stats message
// (the server counts them once, in stats/BlockSizes). Hidden until a bio has been queued.
import { sizeRows } from '../block-sizes.js';
import { OKABE_ITO } from './palette.js';

const d3 = window.d3;
const READ = OKABE_ITO[3], WRITE = OKABE_ITO[4];
const W = 280, H = 130, M = { l: 34, r: 8, t: 18, b: 20 };

export function blockSizesView(el) {
  el.innerHTML = `<figure class="chart" data-chart="block-sizes"><svg viewBox="0 0 ${W} ${H}"></svg></figure>`;
  const svg = d3.select(el.querySelector('svg'));
  let lastKey = '';
  return {
    update(stats) {
      const rows = sizeRows(stats);
      el.hidden = !rows;
      const key = JSON.stringify(rows);
      if (!rows || key === lastKey) return;
      lastKey = key;
      draw(svg, rows);
    },
  };
}

function draw(svg, rows) {
  svg.selectAll('*').remove();
  const bios = d3.sum(rows, r => r.total);
  const title = svg.append('text').attr('class', 'chart-title').attr('x', M.l).attr('y', 12);
  title.append('tspan').text(`bio sizes queued (Q) · ${bios} bios · `);
  title.append('tspan').attr('fill', READ).text('■ reads ');
  title.append('tspan').attr('fill', WRITE).text('■ writes');
  const x = d3.scaleBand(rows.map(r => r.label), [M.l, W - M.r]).padding(0.15);
  const y = d3.scaleLinear([0, d3.max(rows, r => r.total) || 1], [H - M.b, M.t]).nice();
  const g = svg.append('g');
  g.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - M.b})`).call(d3.axisBottom(x).tickSizeOuter(0));
  g.append('g').attr('class', 'axis').attr('transform', `translate(${M.l},0)`).call(d3.axisLeft(y).ticks(4, 's').tickSizeOuter(0));
  const bar = g.selectAll('g.size').data(rows, r => r.bs).join('g').attr('class', 'size')
    .attr('data-bs', r => r.bs).attr('data-read', r => r.read).attr('data-write', r => r.write);
  bar.append('rect').attr('class', 'bar read').attr('fill', READ)
    .attr('x', r => x(r.label)).attr('width', x.bandwidth())
    .attr('y', r => y(r.read)).attr('height', r => y(0) - y(r.read));
  bar.append('rect').attr('class', 'bar write').attr('fill', WRITE)
    .attr('x', r => x(r.label)).attr('width', x.bandwidth())
    .attr('y', r => y(r.total)).attr('height', r => y(r.read) - y(r.total));
  bar.append('title').text(r => `${r.label} (${r.bs} bytes): ${r.read} reads, ${r.write} writes, ${r.percent.toFixed(1)}% of bios`);
}
