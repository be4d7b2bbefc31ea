// Run charts: IOPS over simulated time, hctx tag occupancy over time, Q2C and D2C log2 histograms
// (as biolatency prints them) and the counters. Redrawn a few times a second at most.
import { rows } from '../histogram.js';
import { formatNs } from '../format.js';
import { OKABE_ITO } from './palette.js';

const d3 = window.d3;
const W = 280, H = 130, M = { l: 34, r: 8, t: 18, b: 20 };
const REDRAW_MS = 250;

export function chartsView(el) {
  el.innerHTML = ['iops', 'occupancy', 'q2c', 'd2c'].map(id =>
    `<figure class="chart" data-chart="${id}"><svg viewBox="0 0 ${W} ${H}"></svg></figure>`).join('')
    + '<figure class="chart counters" data-chart="counters"><table></table></figure>';
  let lastDraw = 0;
  let timer = null;

  function draw(state) {
    lastDraw = performance.now();
    iops(svgOf(el, 'iops'), state);
    occupancy(svgOf(el, 'occupancy'), state);
    histogram(svgOf(el, 'q2c'), state.q2c, 'Q2C latency (µs, log2)');
    histogram(svgOf(el, 'd2c'), state.d2c, 'D2C latency (µs, log2)');
    counters(el.querySelector('[data-chart="counters"] table'), state);
  }

  return {
    update(state) {
      clearTimeout(timer);
      const wait = REDRAW_MS - (performance.now() - lastDraw);
      if (wait <= 0) draw(state); else timer = setTimeout(() => draw(state), wait);
    },
  };
}

const svgOf = (el, id) => d3.select(el.querySelector(`[data-chart="${id}"] svg`));

function frame(svg, title) {
  svg.selectAll('*').remove();
  svg.append('text').attr('class', 'chart-title').attr('x', M.l).attr('y', 12).text(title);
  return svg.append('g');
}

function axes(g, x, y, xFormat) {
  g.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - M.b})`)
    .call(d3.axisBottom(x).ticks(4).tickFormat(xFormat).tickSizeOuter(0));
  g.append('g').attr('class', 'axis').attr('transform', `translate(${M.l},0)`)
    .call(d3.axisLeft(y).ticks(4, 's').tickSizeOuter(0));
}

function iops(svg, state) {
  const g = frame(svg, 'IOPS (completions / simulated s)');
  const { width, bins } = state.throughput;
  const end = Math.max(state.t, width);
  const rate = bins.map((n, i) => ({ x: (i + 0.5) * width, v: n / (width / 1e9) }));
  const x = d3.scaleLinear([0, end], [M.l, W - M.r]);
  const y = d3.scaleLinear([0, d3.max(rate, d => d.v) || 1], [H - M.b, M.t]).nice();
  axes(g, x, y, formatNs);
  g.append('path').attr('class', 'series').attr('stroke', OKABE_ITO[3])
    .attr('d', d3.line(d => x(d.x), d => y(d.v))(rate));
}

function occupancy(svg, state) {
  const g = frame(svg, 'tags in use per hctx');
  const samples = state.timeline.samples;
  const x = d3.scaleLinear([0, Math.max(1, state.t)], [M.l, W - M.r]);
  const y = d3.scaleLinear([0, state.topology.queueDepth], [H - M.b, M.t]);
  axes(g, x, y, formatNs);
  state.hctxs.forEach((h, i) => {
    g.append('path').attr('class', 'series').attr('data-hctx', i).attr('stroke', OKABE_ITO[i % OKABE_ITO.length])
      .attr('d', d3.line(s => x(s.t), s => y(s.used[i] ?? 0)).curve(d3.curveStepAfter)(samples));
  });
}

function histogram(svg, h, title) {
  const g = frame(svg, `${title} · ${h.count} samples`);
  const data = rows(h);
  const x = d3.scaleBand(data.map(d => d.bucket), [M.l, W - M.r]).padding(0.15);
  const y = d3.scaleLinear([0, d3.max(data, d => d.count) || 1], [H - M.b, M.t]).nice();
  const label = b => { const r = data.find(d => d.bucket === b); return r ? `${r.lo}` : ''; };
  axes(g, x, y, label);
  g.selectAll('rect.bar').data(data).join('rect').attr('class', 'bar')
    .attr('x', d => x(d.bucket)).attr('width', x.bandwidth())
    .attr('y', d => y(d.count)).attr('height', d => y(0) - y(d.count))
    .append('title').text(d => `${d.lo}–${d.hi} µs: ${d.count}`);
}

const COUNTER_NAMES = [
  ['queued', 'bios queued (Q)'], ['backMerges', 'back merges (M)'], ['frontMerges', 'front merges (F)'],
  ['plugs', 'plugs (P)'], ['unplugs', 'unplugs (U)'], ['inserts', 'inserts (I)'], ['issues', 'issues (D)'],
  ['requeues', 'requeues (R)'], ['tagSleeps', 'tag sleeps (S)'], ['completed', 'completed (C)'],
  ['runs', 'hctx runs'], ['ipis', 'completion IPIs'],
];

function counters(table, state) {
  table.innerHTML = COUNTER_NAMES.map(([k, label]) =>
    `<tr><th>${label}</th><td data-counter="${k}">${state.counters[k]}</td></tr>`).join('');
}
