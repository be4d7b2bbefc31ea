// Figure 1: CPUs → software queues → hardware queues → driver → device → done, with every request
// as one SVG element keyed by its id, so the eye follows it from queue to queue. The drawing is laid
// out for the width it is shown at (1 unit = 1 CSS pixel), so its text keeps its size on any screen.
import { slot, itemSize } from '../layout.js';
import { schedSlots } from '../layout-sched.js';
import { drawFifo } from './outline-sched.js';
import { fitText, fontFor } from '../layout-parts.js';
import { fitToHeight } from '../fit-font.js';
import { jobColour, isWrite, inkOn } from './palette.js';
import { figureFor } from './figures.js';
import { arrowMarker, drawStageState } from './outline-parts.js';
import { requestCanvas } from './request-canvas.js';
import { lastMove } from '../moves.js';
import { lockFigure } from './lock-figure.js';
import { drawPlugCache } from './plug-cache.js';

const d3 = window.d3;
// Past this many requests they are drawn on a canvas: SVG cannot move a thousand at 60 frames/s.
export const CANVAS_ABOVE = 300;
// Moves are animated only while a viewer can follow them one by one.
const ANIMATE_UP_TO_PER_S = 25;
// Most of the gap between two transitions (800 ms of every 1000/speed), and never longer than this.
const MOVE_SHARE_MS = 800;
const MAX_MOVE_MS = 600;
// A merged bio is seen flying into its request even when moves are quick.
const MIN_MERGE_FLIGHT_MS = 250;
// How long a requeued request keeps its warning outline.
const REQUEUE_FLASH_MS = 700;

/** Animation time per move: most of the gap between transitions, none when they come too fast to follow. */
export function durationFor(speed) {
  if (!speed || speed > ANIMATE_UP_TO_PER_S) return 0;
  return Math.min(MAX_MOVE_MS, MOVE_SHARE_MS / speed);
}

export function outlineView(svgEl, { onSelect, speed, font, room = () => 0, defaults, onResize }) {
  const svg = d3.select(svgEl);
  let geo = null;
  let frameKey = '';
  let selected = null;
  let onCanvas = false;
  let shownWidth = 0;
  let lastAsked = 0;
  let lastRoom = 0;
  let previous = new Map();
  let moved = null;
  let movedSeq = -1;
  const layer = requestCanvas(svgEl);
  const locks = lockFigure();
  // Lay the figure out again when its column changes width (window resized, presentation mode, phone turned).
  new ResizeObserver(() => {
    const w = columnWidth(svgEl);
    if (w && w !== shownWidth) { shownWidth = w; onResize?.(); }
  }).observe(svgEl.parentElement);

  svg.on('click', ev => {
    const hit = onCanvas ? layer.requestAt(...svgPoint(svgEl, ev)) : -1;
    if (hit >= 0) { onSelect({ type: 'req', id: hit }, svgEl); return; }
    const target = ev.target.closest('[data-item],[data-request-id],[data-bio-id],[data-queue],[data-hctx]');
    if (target) onSelect(selectionOf(target), target);
  });
  // Requests and queues are focusable: Enter inspects what has the focus.
  svg.on('keydown', ev => {
    if (ev.key !== 'Enter') return;
    const target = ev.target.closest('[data-item],[data-queue]');
    if (target) { ev.preventDefault(); onSelect(selectionOf(target), target); }
  });

  function update(state, last) {
    const topo = state.topology;
    const sc = state.scenario || {};
    const figure = figureFor(state.scenario);
    const asked = font();
    const height = room();
    // Entering or leaving presentation changes the column's width before the ResizeObserver says so:
    // measured now, the figure is laid out once, for the width it will have (not redrawn a frame later).
    if (asked !== lastAsked || height !== lastRoom) {
      shownWidth = columnWidth(svgEl) || shownWidth;
      lastAsked = asked;
      lastRoom = height;
    }
    const width = shownWidth || columnWidth(svgEl) || 960;
    const k = JSON.stringify([topo, sc.mode, sc.kernel, sc.scheduler, sc.numaNodes, sc.device?.driver, sc.device?.rings, sc.device?.backend, sc.device?.count, sc.device?.requeueEvery > 0, sc.reservedTags, width, asked, height]);
    if (k !== frameKey) {
      frameKey = k;
      // Presenting, the figure is laid out tighter and fits the screen's height if the page's own font
      // allows (fit-font.js).
      const tight = height > 0;
      const fitted = fitToHeight(size => figure.layout(topo, sc, { width, font: size, tight }), asked, height, fontFor(false));
      geo = fitted.geo;
      const f = fitted.font;
      svg.attr('viewBox', `0 0 ${geo.width} ${geo.height}`).attr('data-font', f).attr('data-room', height).style('--fig-font', `${f}px`);
      svg.selectAll('*').remove();
      arrowMarker(svg);
      figure.frame(svg, geo, sc);
      for (const layerName of ['moves', 'bios', 'requests', 'fifo', 'piles']) svg.append('g').attr('class', layerName);
      layer.attach(geo.width, geo.height);
      previous = new Map();
    }
    figure.live(svg, geo, state);
    locks.update(svg, geo, state);
    drawStageState(svg, geo, state, defaults);
    drawPlugCache(svg, geo, state);
    const reqCount = countRequests(state);
    onCanvas = reqCount > CANVAS_ABOVE;
    const size = itemSize(geo, onCanvas);
    const pos = positions(state, geo, size);
    const reqs = [...state.items.values()].filter(i => i.type === 'req' && pos.has(`req:${i.id}`));
    const animate = durationFor(speed());
    // What the last transition moved stays highlighted until the next one, whatever else redraws.
    const fresh = (last?.seq ?? -1) !== movedSeq;
    if (fresh) { moved = last ? lastMove(last) : null; movedSeq = last?.seq ?? -1; }
    drawRequests(svg, state, onCanvas ? [] : reqs, pos, size, onCanvas ? 0 : animate, selected, moved, geo.font);
    if (onCanvas) layer.update(canvasTargets(state, reqs, pos), size.h, animate, selectedRequest(selected), pos.piles, geo.font);
    else layer.clear();
    drawBios(svg, state, pos, size, animate);
    drawFifo(svg, geo, onCanvas ? new Map() : pos, size);
    drawPiles(svg, onCanvas ? [] : pos.piles);
    if (fresh) drawMove(svg, geo, moved, previous, pos, size);
    if (fresh && last?.kind === 'requeue') flash(svg, last.req);
    previous = pos;
  }

  return {
    update,
    select(sel) { selected = sel; },
    /** Requests drawn on the canvas now, in SVG coordinates; empty when they are SVG elements. */
    canvasRequests: () => (onCanvas ? layer.drawn() : []),
    /** The locks drawn in the figure itself; the strip shows the rest. */
    locksDrawn: () => locks.drawn(),
  };
}

/** Whole pixels, rounded down: a drawing one pixel wider than its column would be scaled below 1:1. */
const columnWidth = svgEl => Math.floor(svgEl.parentElement.getBoundingClientRect().width);

function selectionOf(target) {
  const [type, id] = (target.dataset.item ?? '').split(':');
  if (type) return { type, id: Number(id) };
  if (target.dataset.requestId) return { type: 'req', id: Number(target.dataset.requestId) };
  if (target.dataset.bioId) return { type: 'bio', id: Number(target.dataset.bioId) };
  if (!target.dataset.queue) return { type: 'hctx', id: Number(target.dataset.hctx) };
  const [q, n] = target.dataset.queue.split(':');
  // A tag bar inspects its hardware queue, whose tags it counts.
  return { type: q === 'tags' ? 'hctx' : q, id: Number(n) };
}

function countRequests(state) {
  let n = 0;
  for (const k of state.items.keys()) if (k.startsWith('req:')) n++;
  return n;
}

function svgPoint(svgEl, ev) {
  const p = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(svgEl.getScreenCTM().inverse());
  return [p.x, p.y];
}

const selectedRequest = sel => (sel && sel.type === 'req' ? sel.id : -1);

function canvasTargets(state, reqs, pos) {
  const targets = new Map();
  for (const d of reqs) {
    const p = pos.get(`req:${d.id}`);
    targets.set(d.id, { x: p.x, y: p.y, fill: jobColour(state.scenario, d), write: isWrite(d) });
  }
  return targets;
}

function positions(state, geo, size) {
  const pos = new Map();
  const piles = [];
  for (const [place, keys] of state.places) {
    const box = geo.places.get(place);
    if (!box) continue;
    const sched = schedOf(geo, place);
    if (sched) { schedPlaces(state, keys, sched, size, pos, piles, place); continue; }
    let k = 0, over = 0;
    for (const key of keys) {
      const it = state.items.get(key);
      if (!it || (it.type === 'bio' && it.req >= 0)) continue;
      const p = slot(box, k++, size);
      if (p.overflow) over++;
      pos.set(key, p);
    }
    if (over) piles.push({ place, box, over });
  }
  pos.piles = piles;
  return pos;
}

/** The scheduler lane a place is: elv:0, or with several 7.0 devices device d's elv:d. */
function schedOf(geo, place) {
  if (!place.startsWith('elv:')) return null;
  return geo.devices ? geo.devices[Number(place.slice(4))]?.sched ?? null : place === 'elv:0' ? geo.sched ?? null : null;
}

/**
 * 7.0's scheduler lane: each request in its direction's sorted list, or its CPU's queue of its domain.
 * A request the snapshot gave no ctx is in its CPU's ctx of this lane's device (d × cpus + cpu).
 */
function schedPlaces(state, keys, sched, size, pos, piles, elv) {
  const base = Number(elv.slice(4)) * state.topology.cpus;
  const items = keys.map(k => state.items.get(k)).filter(it => it && it.type === 'req')
    .map(it => ({ key: `req:${it.id}`, rwbs: it.rwbs, sector: it.sector, ctx: it.ctx >= 0 ? it.ctx : base + it.cpu }));
  const out = schedSlots(sched, items, size, elv);
  for (const [k, p] of out.pos) pos.set(k, p);
  piles.push(...out.piles);
}

/** Queues longer than their box pile up on the last slot; a count says how many are hidden. */
function drawPiles(svg, piles) {
  svg.select('g.piles').selectAll('text').data(piles, d => d.place).join('text')
    .attr('class', 'pile').attr('data-pile', d => d.place)
    .attr('x', d => d.box.x + d.box.w - 3).attr('y', d => d.box.y + d.box.h - 3)
    .attr('text-anchor', 'end').text(d => `+${d.over}`);
}

const describe = d => `request ${d.id}, ${isWrite(d) ? 'write' : 'read'}, ${d.sectors} sectors`
  + `${d.bios.length > 1 ? `, ${d.bios.length} merged bios` : ''}, in ${d.place}`;

/** Its id, and "×N" once N bios are merged into it, if that fits; the bar under it is its size. */
function requestLabel(d, size, font) {
  return fitText(size.w - 4, font, ...(d.bios.length > 1 ? [`${d.id}×${d.bios.length}`] : []), `${d.id}`);
}

function drawRequests(svg, state, reqs, pos, size, ms, selected, moved, font) {
  const maxSectors = state.scenario?.device?.maxSectors || 0;
  const at = d => `translate(${pos.get(`req:${d.id}`).x},${pos.get(`req:${d.id}`).y})`;
  const groups = svg.select('g.requests').selectAll('g.rq')
    .data(reqs, d => d.id)
    .join(
      enter => {
        const g = enter.append('g').attr('class', 'rq').attr('tabindex', 0).attr('role', 'button')
          .attr('transform', at).attr('opacity', 0);
        g.append('rect').attr('class', 'rq');
        g.append('rect').attr('class', 'rq-size');
        g.append('text').attr('class', 'rq-label').attr('text-anchor', 'middle');
        g.append('title');
        return g;
      },
      upd => upd,
      exit => {
        exit.attr('data-item', null).select('rect.rq').attr('data-request-id', null);
        return ms ? exit.transition().duration(ms).attr('opacity', 0).remove() : exit.remove();
      },
    )
    .attr('data-item', d => `req:${d.id}`)
    .attr('aria-label', describe);
  groups.select('rect.rq')
    .attr('data-request-id', d => d.id)
    .attr('data-place', d => d.place)
    .attr('data-sched-list', d => pos.get(`req:${d.id}`).list ?? null)
    .attr('data-fifo', d => pos.get(`req:${d.id}`).fifo ?? null)
    .attr('data-rw', d => (isWrite(d) ? 'write' : 'read'))
    .attr('data-bios', d => d.bios.length)
    .attr('data-sectors', d => d.sectors)
    .attr('data-selected', d => (selected && selected.type === 'req' && selected.id === d.id ? 'true' : null))
    .attr('data-just-moved', d => (moved && moved.target === `req:${d.id}` ? 'true' : null))
    .attr('width', size.w).attr('height', size.h)
    .attr('rx', d => (isWrite(d) ? 1.5 : size.h / 2))
    .attr('fill', d => jobColour(state.scenario, d));
  // The size bar: sectors against the device's max_sectors, so a merged request is visibly longer.
  groups.select('rect.rq-size')
    .attr('x', 2).attr('y', size.h - 3).attr('height', size.labelled ? 2 : 0)
    .attr('width', d => (maxSectors ? Math.max(1, (size.w - 4) * Math.min(1, d.sectors / maxSectors)) : 0));
  groups.select('text.rq-label')
    .attr('x', size.w / 2).attr('y', size.h / 2 + font * 0.35)
    .attr('fill', d => inkOn(jobColour(state.scenario, d)))
    .text(d => (size.labelled ? requestLabel(d, size, font) : ''));
  groups.select('title').text(describe);
  const tr = ms > 0 ? groups.transition().duration(ms).ease(d3.easeCubicInOut) : groups;
  tr.attr('opacity', 1).attr('transform', at);
}

function drawBios(svg, state, pos, size, ms) {
  const bios = [...state.items.values()].filter(i => i.type === 'bio' && i.req < 0 && pos.has(`bio:${i.id}`));
  const r = Math.max(2, size.h / 3);
  svg.select('g.bios').selectAll('circle.bio')
    .data(bios, d => d.id)
    .join(
      enter => enter.append('circle').attr('class', 'bio').attr('r', r).attr('tabindex', 0).attr('role', 'button'),
      upd => upd,
      exit => exit.each(function (d) { flyIntoRequest(d3.select(this), state, pos, size, ms); }),
    )
    .attr('data-bio-id', d => d.id)
    .attr('data-item', d => `bio:${d.id}`)
    .attr('aria-label', d => `bio ${d.id}, ${d.sectors} sectors, in ${d.place}`)
    .attr('data-place', d => d.place)
    .attr('stroke', d => jobColour(state.scenario, d))
    .attr('cx', d => pos.get(`bio:${d.id}`).x + size.h / 2)
    .attr('cy', d => pos.get(`bio:${d.id}`).y + size.h / 2);
}

/** A merged bio visibly joins its request before it disappears. */
function flyIntoRequest(sel, state, pos, size, ms) {
  const bio = state.items.get(`bio:${sel.datum().id}`);
  const target = bio && bio.req >= 0 ? pos.get(`req:${bio.req}`) : null;
  sel.attr('data-bio-id', null).attr('data-item', null);
  if (!target || ms === 0) { sel.remove(); return; }
  sel.transition().duration(Math.max(ms, MIN_MERGE_FLIGHT_MS))
    .attr('cx', target.x + size.w / 2).attr('cy', target.y + size.h / 2).attr('r', 1).remove();
}

/** The path the item that just moved took: from where it was drawn (or its old place) to where it is. */
function drawMove(svg, geo, moved, previous, pos, size) {
  const centre = p => [p.x + size.w / 2, p.y + size.h / 2];
  const boxCentre = b => (b ? [b.x + b.w / 2, b.y + Math.min(b.h / 2, size.h)] : null);
  const from = moved && (previous.has(moved.key) ? centre(previous.get(moved.key)) : boxCentre(geo.places.get(moved.from)));
  const to = moved && (pos.has(moved.target) ? centre(pos.get(moved.target)) : boxCentre(geo.places.get(moved.to)));
  const data = from && to && (from[0] !== to[0] || from[1] !== to[1])
    ? [{ key: moved.key, fromPlace: moved.from, toPlace: moved.to, from, to }] : [];
  svg.select('g.moves').selectAll('path.moved-path').data(data).join('path')
    .attr('class', 'moved-path').attr('marker-end', 'url(#arrow)')
    .attr('data-moved', d => d.key).attr('data-from', d => d.fromPlace).attr('data-to', d => d.toPlace)
    .attr('d', d => d3.line()([d.from, d.to]));
}

function flash(svg, reqId) {
  svg.select(`rect.rq[data-request-id="${reqId}"]`).classed('requeued', true)
    .transition('flash').delay(REQUEUE_FLASH_MS).duration(0).on('end', function () { d3.select(this).classed('requeued', false); });
}
