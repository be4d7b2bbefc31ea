// A comparison's charts: runs A and B in one chart each — IOPS over simulated time, and the Q2C and D2C
// log2 histograms — with a legend naming both. Each side is drawn from its own pane's state, counted by
// tallies.js exactly as the one-run page counts it, so a figure here is the figure that pane's page shows.
// Drawn larger than the one-run page's charts and told apart by colour and by dash: they are shown to rooms.
import { rows } from '../histogram.js';
import { formatNs, esc } from '../format.js';
import { OKABE_ITO } from './palette.js';

const d3 = window.d3;
const W = 520, H = 250, M = { l: 52, r: 12, t: 30, b: 30 };
const REDRAW_MS = 250;
// Blue and vermillion: apart for every common colour blindness, and B is dashed as well.
export const SIDE_STYLE = { A: { colour: OKABE_ITO[3], dash: null }, B: { colour: OKABE_ITO[4], dash: '7 4' } };
const CHARTS = [
  ['iops', 'IOPS (completions per simulated second)'],
  ['q2c', 'Q2C latency, µs (log2) · share of each run\'s bios'],
  ['d2c', 'D2C latency, µs (log2) · share of each run\'s bios'],
];

export function compareChartsView(el) {
  el.innerHTML = `<p class="compare-legend" data-role="chart-legend"></p><div class="compare-charts">${
    CHARTS.map(([id]) => `<figure class="chart" data-chart="${id}"><svg viewBox="0 0 ${W} ${H}"></svg></figure>`).join('')}</div>`;
  let lastDraw = 0;
  let timer = null;

  /** @param sides [{ name: 'A'|'B', label, state }], a side's state null until its pane has loaded */
  function draw(sides) {
    lastDraw = performance.now();
    const live = sides.filter(s => s.state);
    legend(el.querySelector('[data-role="chart-legend"]'), sides);
    iops(svgOf(el, 'iops'), live);
    histogram(svgOf(el, 'q2c'), live, 'q2c');
    histogram(svgOf(el, 'd2c'), live, 'd2c');
  }

  return {
    update(sides) {
      clearTimeout(timer);
      const wait = REDRAW_MS - (performance.now() - lastDraw);
      if (wait <= 0) draw(sides); else timer = setTimeout(() => draw(sides), wait);
    },
  };
}

const svgOf = (el, id) => d3.select(el.querySelector(`[data-chart="${id}"] svg`));

function legend(p, sides) {
  const html = sides.map(s => `<span data-series="${s.name}"><svg width="34" height="14" aria-hidden="true"><line x1="2" y1="7" x2="32" y2="7" `
    + `stroke="${SIDE_STYLE[s.name].colour}" stroke-width="4"${SIDE_STYLE[s.name].dash ? ` stroke-dasharray="${SIDE_STYLE[s.name].dash}"` : ''}/></svg>`
    + `${s.name} · ${esc(s.label)}${s.state ? ` · ${s.state.q2c.count.toLocaleString('en')} bios completed` : ''}</span>`).join('');
  if (p.innerHTML !== html) p.innerHTML = html;
}

function frame(svg, id) {
  svg.selectAll('*').remove();
  svg.append('text').attr('class', 'chart-title').attr('x', M.l).attr('y', 16).text(CHARTS.find(c => c[0] === id)[1]);
  return svg.append('g');
}

function axes(g, x, y, xFormat, yFormat) {
  g.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - M.b})`)
    .call(d3.axisBottom(x).ticks(5).tickFormat(xFormat).tickSizeOuter(0));
  g.append('g').attr('class', 'axis').attr('transform', `translate(${M.l},0)`)
    .call(d3.axisLeft(y).ticks(5, yFormat).tickSizeOuter(0));
}

/** Each side's completions per bin of its own run (tallies.js countCompletion), as a rate. */
function iops(svg, sides) {
  const g = frame(svg, 'iops');
  const series = sides.map(s => {
    const { width, bins } = s.state.throughput;
    return { s, points: bins.map((n, i) => ({ x: (i + 0.5) * width, v: n / (width / 1e9) })), end: Math.max(s.state.t, width) };
  });
  const x = d3.scaleLinear([0, d3.max(series, d => d.end) || 1], [M.l, W - M.r]);
  const y = d3.scaleLinear([0, d3.max(series.flatMap(d => d.points), d => d.v) || 1], [H - M.b, M.t]).nice();
  axes(g, x, y, formatNs, 's');
  for (const { s, points } of series) {
    g.append('path').attr('class', 'series').attr('data-series', s.name)
      .attr('stroke', SIDE_STYLE[s.name].colour).attr('stroke-dasharray', SIDE_STYLE[s.name].dash)
      .attr('d', d3.line(d => x(d.x), d => y(d.v))(points));
  }
}

/**
 * Both runs' histograms over the buckets either has, two bars a bucket: the height is the share of that
 * run's samples, so a trace of 50 bios and a model run of 5,000 show their shapes on one axis; the
 * counts are in each bar's tooltip and data-count.
 */
function histogram(svg, sides, key) {
  const g = frame(svg, key);
  const bySide = sides.map(s => ({ s, total: s.state[key].count, rows: rows(s.state[key]) }));
  const buckets = [...new Set(bySide.flatMap(d => d.rows.map(r => r.bucket)))].sort((a, b) => a - b);
  const lo = new Map(bySide.flatMap(d => d.rows.map(r => [r.bucket, r.lo])));
  const x = d3.scaleBand(buckets, [M.l, W - M.r]).padding(0.2);
  const inner = d3.scaleBand(['A', 'B'], [0, x.bandwidth()]).padding(0.05);
  const share = (d, r) => (d.total ? r.count / d.total : 0);
  const y = d3.scaleLinear([0, d3.max(bySide.flatMap(d => d.rows.map(r => share(d, r)))) || 1], [H - M.b, M.t]).nice();
  axes(g, x, y, b => `${lo.get(b)}`, '%');
  for (const d of bySide) {
    g.selectAll(`rect.bar[data-series="${d.s.name}"]`).data(d.rows.filter(r => r.count > 0)).join('rect')
      .attr('class', 'bar').attr('data-series', d.s.name).attr('data-bucket', r => r.bucket).attr('data-count', r => r.count)
      .style('fill', SIDE_STYLE[d.s.name].colour).style('fill-opacity', d.s.name === 'B' ? 0.75 : 1)
      .attr('x', r => x(r.bucket) + inner(d.s.name)).attr('width', inner.bandwidth())
      .attr('y', r => y(share(d, r))).attr('height', r => y(0) - y(share(d, r)))
      .append('title').text(r => `${d.s.name}: ${r.lo}–${r.hi} µs: ${r.count} of ${d.total} bios`);
  }
}
