// "Why blk-mq?": runs the loaded scenario as a sweep (POST /api/sweeps?stream=1), draws each point as
// its NDJSON line arrives — IOPS against the second varied field, one line per value of the first —
// and lists the most contended lock of every point. "Xen: 1 ring vs 16 rings" runs the published
// xen-blkfront sweep by name (POST /api/sweeps/xen-iometer?stream=1) the same way, with dom0's CPU use
// and, dashed in each line's colour, the IOPS the RFC published at every point.
import { STORY_VARY, XEN_KEYS, sweepBody, parseValues, takeLines, seriesOf, xenPoint } from '../sweep.js';
import { topLock } from '../lockstat.js';
import { OKABE_ITO } from './palette.js';

const d3 = window.d3;
const W = 560, H = 220, M = { l: 52, r: 112, t: 16, b: 30 };
/** What the chart plots, said for a screen reader: the two fields a sweep varies, [lines, x]. */
const chartLabel = ([series, x]) => `IOPS against ${x}, one line per ${series}`;
// The panel's heading names the sweep it shows, so a projected Xen sweep is not titled "Why blk-mq?".
const TITLES = {
  vary: 'Why blk-mq? · the same load on the single queue and on blk-mq, CPU by CPU',
  'xen-iometer': 'Xen: 1 ring vs 16 rings · the published xen-blkfront experiment, IOPS against fio jobs',
};

export function sweepView(el, { scenario, xenSetup }) {
  const [seriesKey, xKey] = Object.keys(STORY_VARY);
  el.innerHTML = `
    <div class="sweep-form">
      <button type="button" class="primary" data-action="sweep">Why blk-mq?</button>
      <span class="vary-only" data-role="vary-form" title="what Why blk-mq? varies; the Xen sweep's axes are the published experiment's">
        <label><input type="checkbox" data-role="story" checked> the canonical story: 16 hardware queues, a greedy randread libaio iodepth 32 job on all CPUs</label>
        <label>lines <input data-role="series-key" value="${seriesKey}" size="8" aria-label="field varied for each line"> = <input data-role="series-values" value="${STORY_VARY[seriesKey].join(', ')}" size="10" aria-label="values of that field, one line each"></label>
        <label>x <input data-role="x-key" value="${xKey}" size="8" aria-label="field varied along x"> = <input data-role="x-values" value="${STORY_VARY[xKey].join(', ')}" size="14" aria-label="values along x"></label>
      </span>
      <button type="button" data-action="xen-sweep" title="the published multi-queue xen-blkfront experiment: 16-vCPU guest, IOmeter job, 1-32 jobs, one ring against 16">Xen: 1 ring vs 16 rings</button>
      <span class="sweep-status" data-role="sweep-status" role="status"></span>
    </div>
    <p class="form-error" data-role="sweep-error" role="alert"></p>
    <p class="sweep-setup" data-role="sweep-setup" hidden></p>
    <svg class="sweep-chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${chartLabel([seriesKey, xKey])}"></svg>
    <table class="sweep-table"></table>`;
  const $ = sel => el.querySelector(sel);
  let running = false;

  $('[data-action="sweep"]').addEventListener('click', () => {
    if (running) return;
    const keys = [$('[data-role="series-key"]').value.trim(), $('[data-role="x-key"]').value.trim()];
    const vary = { [keys[0]]: parseValues($('[data-role="series-values"]').value), [keys[1]]: parseValues($('[data-role="x-values"]').value) };
    run('/api/sweeps?stream=1', sweepBody(scenario(), vary, $('[data-role="story"]').checked), keys, line => line);
  });
  $('[data-action="xen-sweep"]').addEventListener('click', () => { if (!running) run('/api/sweeps/xen-iometer?stream=1', {}, XEN_KEYS, xenPoint); });

  async function run(url, body, keys, pointOf) {
    const points = [];
    running = true;
    el.dataset.state = 'running';
    el.dataset.sweep = url.includes('xen') ? 'xen-iometer' : 'vary';
    const title = el.closest('section')?.querySelector('[data-role="sweep-title"]');
    if (title) title.textContent = TITLES[el.dataset.sweep];
    // The model's setup beside the paper's curve, its assumptions named (the server's words: PageDefaults).
    const setup = $('[data-role="sweep-setup"]');
    setup.textContent = el.dataset.sweep === 'xen-iometer' ? xenSetup ?? '' : '';
    setup.hidden = !setup.textContent;
    // The chart says what it plots: the fields varied, whichever sweep drew it.
    $('svg.sweep-chart').setAttribute('aria-label', chartLabel(keys));
    $('[data-role="sweep-error"]').textContent = '';
    draw(points, keys, 0);
    try {
      await stream(url, body, line => {
        if (line.done) return;
        points.push(pointOf(line));
        if (line.error) $('[data-role="sweep-error"]').textContent = `point ${line.point}: ${line.message}`;
        draw(points, keys, line.of);
      });
      el.dataset.state = 'done';
    } catch (e) {
      $('[data-role="sweep-error"]').textContent = e.message;
      el.dataset.state = 'failed';
    } finally {
      running = false;
    }
  }

  function draw(points, keys, of) {
    $('[data-role="sweep-status"]').textContent = of ? `${points.length}/${of} points` : 'starting…';
    el.dataset.points = points.length;
    const series = seriesOf(points, keys[0], keys[1], topLock);
    chart(d3.select($('svg.sweep-chart')), series, keys);
    table($('.sweep-table'), series, keys);
  }
}

async function stream(url, body, onLine) {
  const res = await fetch(url, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!res.ok) {
    const err = await res.json().catch(() => ({ message: `HTTP ${res.status}` }));
    throw new Error(err.message || err.error);
  }
  const reader = res.body.getReader();
  const text = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffer += text.decode(value || new Uint8Array(), { stream: !done });
    const { lines, rest } = takeLines(done ? `${buffer}\n` : buffer);
    buffer = rest;
    lines.forEach(onLine);
    if (done) return;
  }
}

function chart(svg, series, keys) {
  svg.selectAll('*').remove();
  const all = series.flatMap(s => s.points);
  const numeric = all.every(p => typeof p.x === 'number');
  const xs = [...new Set(all.map(p => p.x))];
  const x = numeric
    ? d3.scaleLog([Math.max(1, d3.min(xs) ?? 1), Math.max(2, d3.max(xs) ?? 2)], [M.l, W - M.r]).base(2)
    : d3.scalePoint(xs, [M.l, W - M.r]).padding(0.3);
  const y = d3.scaleLinear([0, d3.max(all, p => Math.max(p.iops, p.published ?? 0)) || 1], [H - M.b, M.t]).nice();
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - M.b})`)
    .call(numeric ? d3.axisBottom(x).tickValues(xs).tickFormat(d3.format('d')) : d3.axisBottom(x));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${M.l},0)`).call(d3.axisLeft(y).ticks(5, 's'));
  svg.append('text').attr('class', 'axis-title').attr('x', (M.l + W - M.r) / 2).attr('y', H - 2).attr('text-anchor', 'middle').text(keys[1]);
  svg.append('text').attr('class', 'axis-title').attr('x', 4).attr('y', 10).text('IOPS');
  series.forEach((s, i) => {
    const colour = OKABE_ITO[(i + 3) % OKABE_ITO.length];
    const g = svg.append('g').attr('class', 'sweep-series').attr('data-series', s.name);
    g.append('path').attr('class', 'series').attr('stroke', colour).attr('d', d3.line(p => x(p.x), p => y(p.iops))(s.points));
    g.selectAll('circle').data(s.points).join('circle').attr('class', 'sweep-point').attr('data-point', p => p.point)
      .attr(hook(keys[1]), p => p.x).attr(hook(keys[0]), s.name).attr('data-iops', p => p.iops)
      .attr('cx', p => x(p.x)).attr('cy', p => y(p.iops)).attr('r', 3.5).attr('fill', colour)
      .append('title').text(p => `${keys[0]} ${s.name}, ${keys[1]} ${p.x}: ${d3.format('.3s')(p.iops)} IOPS`
        + (p.backendCpuUse == null ? '' : `, dom0 CPU ${d3.format('.0%')(p.backendCpuUse)}`)
        + (p.lock ? `, most contended ${p.lock} (${p.contentions})` : ''));
    const end = s.points.at(-1);
    if (end) g.append('text').attr('class', 'series-label').attr('fill', colour).attr('x', x(end.x) + 6).attr('y', y(end.iops) + 4)
      .text(`${keys[0]} ${s.name}`);
    published(svg, s, colour, x, y, keys);
  });
}

/** The published figures of a series, dashed with hollow points in its colour, so model and paper sit side by side. */
function published(svg, s, colour, x, y, keys) {
  const pts = s.points.filter(p => p.published != null);
  if (!pts.length) return;
  const g = svg.append('g').attr('class', 'sweep-published').attr('data-series', s.name);
  g.append('path').attr('class', 'series published').attr('stroke', colour).attr('stroke-dasharray', '5 4')
    .attr('d', d3.line(p => x(p.x), p => y(p.published))(pts));
  g.selectAll('circle').data(pts).join('circle').attr('class', 'published-point').attr('data-point', p => p.point)
    .attr(hook(keys[1]), p => p.x).attr(hook(keys[0]), s.name).attr('data-iops', p => p.published)
    .attr('cx', p => x(p.x)).attr('cy', p => y(p.published)).attr('r', 3.5).attr('fill', 'white').attr('stroke', colour)
    .append('title').text(p => `published: ${keys[0]} ${s.name}, ${keys[1]} ${p.x}: ${d3.format('.3s')(p.published)} IOPS`);
  const end = pts.at(-1);
  g.append('text').attr('class', 'series-label').attr('fill', colour).attr('x', x(end.x) + 6).attr('y', y(end.published) + 4)
    .text('published');
}

function table(el, series, keys) {
  const rows = series.flatMap(s => s.points.map(p => ({ ...p, series: s.name })));
  const dom0 = rows.some(r => r.backendCpuUse != null);
  const paper = rows.some(r => r.published != null);
  el.innerHTML = rows.length ? `<thead><tr><th>${keys[0]}</th><th>${keys[1]}</th><th>IOPS</th>${paper ? '<th>published</th>' : ''}${dom0 ? '<th>dom0 CPU</th>' : ''}<th class="lock">most contended lock</th><th>contentions</th></tr></thead><tbody>`
    + rows.map(r => `<tr data-point="${r.point}"><td>${r.series}</td><td>${r.x}</td><td>${d3.format('.3s')(r.iops)}</td>`
      + (paper ? `<td data-role="published">${r.published == null ? '—' : d3.format('.3s')(r.published)}</td>` : '')
      + (dom0 ? `<td data-role="dom0-cpu">${r.backendCpuUse == null ? '—' : d3.format('.0%')(r.backendCpuUse)}</td>` : '')
      + `<td class="lock"><code>${r.lock ?? '—'}</code></td><td>${r.contentions}</td></tr>`).join('') + '</tbody>' : '';
}

/** data-<key> for a key that makes an attribute name (rings, jobs, cpus); a path such as jobs[0].iodepth gets none. */
function hook(key) {
  return /^[a-z][a-z0-9-]*$/.test(key) ? `data-${key}` : 'data-x-unnamed';
}
