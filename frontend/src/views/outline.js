// Figure 1: CPUs → software queues → hardware queues → driver → device → done, with every request
// as one SVG element keyed by its id, so the eye follows it from queue to queue.
import { layoutFor, itemSize, slot, tagPool } from '../layout.js';
import { jobColour, isWrite } from './palette.js';
import { frame } from './outline-frame.js';
import { drawLegacyState } from './outline-legacy.js';
import { requestCanvas } from './request-canvas.js';

const d3 = window.d3;
// Past this many requests they are drawn on a canvas: SVG cannot move a thousand at 60 frames/s.
export const CANVAS_ABOVE = 300;

export function outlineView(svgEl, { onSelect, speed }) {
  const svg = d3.select(svgEl);
  const W = 960, H = 540;
  svg.attr('viewBox', `0 0 ${W} ${H}`).attr('preserveAspectRatio', 'xMidYMid meet');
  let geo = null;
  let topoKey = '';
  let selected = null;
  const layer = requestCanvas(svgEl, W, H);
  let onCanvas = false;

  svg.on('click', ev => {
    const hit = onCanvas ? layer.requestAt(...svgPoint(svgEl, ev)) : -1;
    if (hit >= 0) { onSelect({ type: 'req', id: hit }); return; }
    const target = ev.target.closest('[data-request-id],[data-bio-id],[data-queue]');
    if (!target) return;
    if (target.dataset.requestId) onSelect({ type: 'req', id: Number(target.dataset.requestId) });
    else if (target.dataset.bioId) onSelect({ type: 'bio', id: Number(target.dataset.bioId) });
    else onSelect({ type: target.dataset.queue.split(':')[0], id: Number(target.dataset.queue.split(':')[1]) });
  });

  function update(state, last) {
    const topo = state.topology;
    const sc = state.scenario || {};
    const k = JSON.stringify([topo, sc.mode, sc.kernel, sc.scheduler, sc.device?.driver]);
    if (k !== topoKey) {
      topoKey = k;
      geo = layoutFor(topo, sc.mode, W, H, sc.kernel === '7.0' ? sc.scheduler : null);
      frame(svg, geo, sc);
      layer.attach();
    }
    if (geo.mode === 'mq') drawHctxState(svg, geo, state);
    drawLegacyState(svg, geo, state);
    const size = itemSize(geo);
    const pos = positions(state, geo, size);
    const reqs = [...state.items.values()].filter(i => i.type === 'req' && pos.has(`req:${i.id}`));
    const animate = durationFor(speed());
    onCanvas = reqs.length > CANVAS_ABOVE;
    drawRequests(svg, state, onCanvas ? [] : reqs, pos, size, onCanvas ? 0 : animate, selected);
    if (onCanvas) layer.update(canvasTargets(state, reqs, pos), size, animate, selectedRequest(selected), pos.piles);
    else layer.clear();
    drawBios(svg, state, pos, size, animate);
    drawPiles(svg, onCanvas ? [] : pos.piles);
    if (last && last.kind === 'requeue') flash(svg, last.req);
    svg.select('.done-count').text(`${state.counters.completed} completed`);
  }

  return {
    update,
    select(sel) { selected = sel; },
    /** Requests drawn on the canvas now, in SVG coordinates; empty when they are SVG elements. */
    canvasRequests: () => (onCanvas ? layer.drawn() : []),
  };
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

/** Animation time per move: most of the gap between transitions, none when they come too fast to follow. */
export function durationFor(speed) {
  if (!speed || speed > 25) return 0;
  return Math.min(600, 800 / speed);
}

function positions(state, geo, size) {
  const pos = new Map();
  const piles = [];
  for (const [place, keys] of state.places) {
    const box = geo.places.get(place);
    if (!box) continue;
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

/** Queues longer than their box pile up on the last slot; a count says how many are hidden. */
function drawPiles(svg, piles) {
  svg.select('g.piles').selectAll('text').data(piles, d => d.place).join('text')
    .attr('class', 'pile').attr('data-pile', d => d.place)
    .attr('x', d => d.box.x + d.box.w - 3).attr('y', d => d.box.y + d.box.h - 2)
    .attr('text-anchor', 'end').text(d => `+${d.over}`);
}

function drawRequests(svg, state, reqs, pos, size, ms, selected) {
  svg.select('g.requests').selectAll('rect.rq')
    .data(reqs, d => d.id)
    .join(
      enter => enter.append('rect').attr('class', 'rq')
        .attr('x', d => pos.get(`req:${d.id}`).x).attr('y', d => pos.get(`req:${d.id}`).y)
        .attr('opacity', 0),
      upd => upd,
      exit => (ms ? exit.attr('data-request-id', null).transition().duration(ms).attr('opacity', 0).remove() : exit.remove()),
    )
    .attr('data-request-id', d => d.id)
    .attr('data-place', d => d.place)
    .attr('data-rw', d => (isWrite(d) ? 'write' : 'read'))
    .attr('data-selected', d => (selected && selected.type === 'req' && selected.id === d.id ? 'true' : null))
    .attr('width', size).attr('height', size)
    .attr('rx', d => (isWrite(d) ? 1.5 : size / 2))
    .attr('fill', d => jobColour(state.scenario, d))
    .call(sel => moveTo(sel, pos, 'req', ms));
}

function drawBios(svg, state, pos, size, ms) {
  const bios = [...state.items.values()].filter(i => i.type === 'bio' && i.req < 0 && pos.has(`bio:${i.id}`));
  const r = Math.max(2, size / 3);
  svg.select('g.bios').selectAll('circle.bio')
    .data(bios, d => d.id)
    .join(
      enter => enter.append('circle').attr('class', 'bio').attr('r', r),
      upd => upd,
      exit => exit.each(function (d) { flyIntoRequest(d3.select(this), state, pos, size, ms); }),
    )
    .attr('data-bio-id', d => d.id)
    .attr('data-place', d => d.place)
    .attr('stroke', d => jobColour(state.scenario, d))
    .attr('cx', d => pos.get(`bio:${d.id}`).x + size / 2)
    .attr('cy', d => pos.get(`bio:${d.id}`).y + size / 2);
}

/** A merged bio visibly joins its request before it disappears. */
function flyIntoRequest(sel, state, pos, size, ms) {
  const bio = state.items.get(`bio:${sel.datum().id}`);
  const target = bio && bio.req >= 0 ? pos.get(`req:${bio.req}`) : null;
  sel.attr('data-bio-id', null);
  if (!target || ms === 0) { sel.remove(); return; }
  sel.transition().duration(Math.max(ms, 250))
    .attr('cx', target.x + size / 2).attr('cy', target.y + size / 2).attr('r', 1).remove();
}

function moveTo(sel, pos, type, ms) {
  const tr = ms > 0 ? sel.transition().duration(ms).ease(d3.easeCubicInOut) : sel;
  tr.attr('opacity', 1)
    .attr('x', d => pos.get(`${type}:${d.id}`).x)
    .attr('y', d => pos.get(`${type}:${d.id}`).y);
}

function drawHctxState(svg, geo, state) {
  const pool = tagPool(state.scenario);
  for (const h of state.hctxs) {
    const g = svg.select(`g.hctx[data-hctx="${h.hctx}"]`);
    const bar = geo.hctxs[h.hctx].tagBar;
    const depth = pool.depth(h.depth);
    const used = depth ? Math.min(1, h.tagsUsed / depth) : 0;
    g.attr('data-stopped', h.stopped ? 'true' : 'false');
    g.select('.stopped-badge').attr('display', h.stopped ? null : 'none');
    g.select('.tags-used').attr('width', bar.w * used);
    g.select('.tags-text').text(`${h.tagsUsed}/${depth} ${pool.name}`);
  }
}

function flash(svg, reqId) {
  svg.select(`rect.rq[data-request-id="${reqId}"]`).classed('requeued', true)
    .transition('flash').delay(700).duration(0).on('end', function () { d3.select(this).classed('requeued', false); });
}
