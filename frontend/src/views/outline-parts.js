// The pieces of Figure 1 every mode draws the same way: boxes with labels that fit or are left out,
// labelled lanes, the CPUs, the STOPPED badge, the driver/device/done lanes with the ring and done
// counts. Each mode's frame (outline-frame.js, outline-legacy.js) puts them together.
import { badgeLabel, edgeBadge, fitText } from '../layout-parts.js';
import { driverLabel, ringUse } from '../ring.js';

/** Text at its font size (set in CSS px through the layout's font), anchored start, middle or end. */
export function text(g, x, y, str, cls, anchor = 'start') {
  return g.append('text').attr('class', cls).attr('x', x).attr('y', y).attr('text-anchor', anchor).text(str);
}

/** A box and, if one of its labels fits its width, that label on its first line. */
export function box(g, b, cls, font, ...labels) {
  const r = g.append('rect').attr('class', cls).attr('x', b.x).attr('y', b.y).attr('width', b.w).attr('height', b.h).attr('rx', 4);
  const label = fitText(b.w - 8, font, ...labels);
  if (label) text(g, b.x + 4, b.y + font, label, 'box-label');
  return r;
}

/** A lane items wait in: its place as data-queue (clicks inspect it) and, if it fits, what it is. */
export function lane(g, b, place, cls, font, ...labels) {
  g.append('rect').attr('class', `lane ${cls}`).attr('data-queue', place)
    .attr('x', b.x).attr('y', b.y).attr('width', b.w).attr('height', b.h).attr('rx', 3);
  const label = fitText(b.w - 8, font, ...labels);
  if (label) text(g, b.x + 4, b.y + font, label, 'lane-label').attr('data-lane-label', place);
}

/**
 * The arrowhead every edge's url(#arrow) points at, defined once for the document: the comparison
 * page draws two Figure 1s, and an id defined in each would be a duplicate id (axe's duplicate-id).
 * It sits in a hidden SVG of its own so that redrawing a figure (which empties its SVG) keeps it.
 */
export function arrowMarker(svg) {
  const doc = svg.node().ownerDocument;
  if (doc.getElementById('arrow')) return;
  const holder = window.d3.select(doc.body).append('svg').attr('id', 'figure-defs').attr('aria-hidden', 'true')
    .attr('width', 0).attr('height', 0).style('position', 'absolute');
  holder.append('defs').append('marker').attr('id', 'arrow').attr('viewBox', '0 0 8 8').attr('refX', 7).attr('refY', 4)
    .attr('markerWidth', 6).attr('markerHeight', 6).attr('orient', 'auto')
    .append('path').attr('d', 'M0,0 L8,4 L0,8 z').attr('class', 'arrowhead');
}

export function drawCpus(g, geo) {
  const f = geo.font;
  for (const c of geo.cpus) {
    const cg = g.append('g').attr('class', 'cpu').attr('data-cpu', c.cpu);
    // Presenting, the label has the room left of the task's lane (layout-parts.js cpuBox).
    box(cg, { ...c, w: c.labelW ?? c.w }, 'cpu-box', f, `CPU ${c.cpu}`, `${c.cpu}`).attr('width', c.w);
    cg.append('rect').attr('class', 'lane task').attr('data-queue', `task:${c.cpu}`)
      .attr('x', c.task.x + 2).attr('y', c.task.y).attr('width', c.task.w - 4).attr('height', c.task.h);
    lane(cg, { ...c.plug, x: c.plug.x + 2, w: c.plug.w - 4 }, `plug:${c.cpu}`, 'plug', f, 'plug list', 'plug');
  }
}

/**
 * The badge a stopped queue shows over its top edge (layout-parts.js edgeBadge), hidden until the
 * stream stops the queue. Where the title ({@code g}'s text.box-label, drawn first) would run under it,
 * the title gives way to {@code shortTitle}, or to none, while the queue is stopped (showStopped).
 */
export function stoppedBadge(g, b, font, shortTitle = null) {
  if (b.badgeInside !== undefined) { stoppedInside(g, b, font); return; }
  const titleEl = g.select('text.box-label');
  const title = titleEl.empty() ? '' : titleEl.text();
  const { x, w, label, title: stoppedTitle } = edgeBadge(b, font, title, shortTitle);
  if (stoppedTitle !== null) titleEl.attr('data-title', title).attr('data-short', stoppedTitle);
  const badge = g.append('g').attr('class', 'stopped-badge').attr('display', 'none');
  badge.append('rect').attr('x', x).attr('y', b.y - font / 2 - 3).attr('width', w).attr('height', font + 4).attr('rx', 3);
  text(badge, x + w / 2, b.y + font / 2 - 1, label, '', 'middle');
}

/**
 * A box that asks for it (badgeInside: presenting's rows, only a lock's tab apart, and the legacy
 * request_queue, whose title is long): the badge sits inside the box, at the right of the line
 * badgeInside px down, no taller than that line, so the tab above covers nothing.
 */
function stoppedInside(g, b, font) {
  const { label, width } = badgeLabel(b.w / 2 - 12, font);
  const w = width + 8;
  const x = b.x + b.w - w - 4, y = b.y + b.badgeInside + 1;
  const badge = g.append('g').attr('class', 'stopped-badge').attr('display', 'none');
  badge.append('rect').attr('x', x).attr('y', y).attr('width', w).attr('height', font + 2).attr('rx', 3);
  text(badge, x + w / 2, y + font - 1, label, '', 'middle');
}

/** The width a badge inside {@code b} takes at the right of its line: what that line's text must leave free. */
export function stoppedInsideWidth(b, font) {
  return badgeLabel(b.w / 2 - 12, font).width + 8;
}

export function showStopped(g, stopped) {
  g.attr('data-stopped', stopped ? 'true' : 'false');
  g.select('.stopped-badge').attr('display', stopped ? null : 'none');
  const title = g.select('text.box-label[data-short]');
  if (!title.empty()) title.text(title.attr(stopped ? 'data-short' : 'data-title'));
}

/** Driver and device rows with one lane per column under them (an hctx each, or the one queue), and done. */
export function drawStages(g, geo, scenario, deviceLabels) {
  drawLanes(g, geo, scenario, deviceLabels);
  drawDone(g, geo);
}

/** The driver and device rows and their lanes: the whole figure's, or one device's of several. */
export function drawLanes(g, geo, scenario, deviceLabels) {
  const f = geo.font;
  box(g, geo.driver, 'stage-box', f, driverLabel(scenario), 'driver');
  box(g, geo.device, 'stage-box', f, ...deviceLabels, 'device');
  for (const [place, b] of geo.places) {
    if (!/^(driver|device):/.test(place)) continue;
    g.append('rect').attr('class', 'lane stage').attr('data-queue', place)
      .attr('x', b.x + 1).attr('y', b.y).attr('width', b.w - 2).attr('height', b.h - 2);
  }
  text(g, geo.device.x + geo.device.w - 4, geo.device.y + f, '', 'ring-text', 'end');
}

export function drawDone(g, geo) {
  box(g, geo.done, 'done-box', geo.font, 'done').attr('data-queue', 'done');
  text(g, geo.done.x + 4, geo.done.y + geo.done.h - 5, '', 'done-count');
}

/** Live labels every mode has: xen-blkfront's ring slots (in mq and sq alike) and completions. */
export function drawStageState(svg, geo, state, defaults) {
  const rings = ringUse(state, defaults.xenRingSlots);
  const long = rings.map(r => `ring${r.ring ? ` ${r.ring}` : ''}: ${r.used} used · ${r.free} free of ${r.slots} slots`).join('   ');
  const brief = rings.map(r => `${r.used}/${r.slots}`).join(' ');
  setText(svg.select('.ring-text'), fitText(geo.device.w / 2, geo.font, long, `ring ${brief}`, brief));
  setText(svg.select('.done-count'), fitText(geo.done.w - 8, geo.font, `${state.counters.completed} completed`, `${state.counters.completed}`));
}

/** A label rewritten only when it changes: frames come faster than transitions. */
export function setText(sel, str) {
  if (sel.text() !== str) sel.text(str);
}
