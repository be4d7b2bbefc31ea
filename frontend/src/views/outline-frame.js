// The still parts of blk-mq's Figure 1: CPUs, software queues, hardware queues with their labelled
// lanes, the CPU → hctx map as edges, and the stage lanes; plus the live hctx labels (tags, STOPPED).
import { box, lane, drawCpus, stoppedBadge, showStopped, drawStages, text, setText } from './outline-parts.js';
import { fitText } from '../layout-parts.js';
import { tagPool } from '../layout.js';

const d3 = window.d3;

export function mqFrame(svg, geo, scenario) {
  drawEdges(svg.append('g').attr('class', 'edges'), geo);
  drawRowLabels(svg.append('g').attr('class', 'row-labels'), geo);
  drawCpus(svg.append('g').attr('class', 'cpus'), geo);
  drawCtxs(svg.append('g').attr('class', 'ctxs'), geo);
  drawHctxs(svg.append('g').attr('class', 'hctxs'), geo);
  drawStages(svg.append('g').attr('class', 'lanes'), geo, scenario, []);
  if (geo.elv) drawScheduler(svg.append('g').attr('class', 'scheduler'), geo);
}

// What each 7.0 scheduler keeps in its lane, for the lane's label.
const SCHEDULER_LISTS = {
  'mq-deadline': 'sorted lists and FIFOs per direction',
  kyber: 'per-CPU queues by domain (read, write, discard, other), a token each to leave',
};

/** 7.0's I/O scheduler: requests wait here between the plug and the hardware queues (elv:0). */
function drawScheduler(g, geo) {
  const s = geo.elv.scheduler;
  box(g, geo.elv, 'stage-box', geo.font, `${s} (elv:0) · ${SCHEDULER_LISTS[s]}`, `${s} (elv:0)`, s);
  const b = geo.places.get('elv:0');
  g.append('rect').attr('class', 'lane elv').attr('data-queue', 'elv:0')
    .attr('x', b.x + 1).attr('y', b.y).attr('width', b.w - 2).attr('height', b.h - 2);
}

function drawCtxs(g, geo) {
  for (const c of geo.ctxs) {
    const cg = g.append('g').attr('class', 'ctx');
    box(cg, c, 'queue-box', geo.font, `ctx ${c.ctx}`, `${c.ctx}`).attr('data-queue', `ctx:${c.ctx}`);
  }
}

function drawHctxs(g, geo) {
  const f = geo.font;
  for (const h of geo.hctxs) {
    const hg = g.append('g').attr('class', 'hctx').attr('data-hctx', h.hctx)
      .attr('data-idle', h.idle ? 'true' : 'false').classed('idle', h.idle);
    // The dispatch lane is the place hctx:N; the box around it inspects the hctx through data-hctx.
    box(hg, h, 'queue-box hw', f, `hctx ${h.hctx}${h.idle ? ' · idle' : ''}`, `hctx ${h.hctx}`, `${h.hctx}`);
    lane(hg, h.tagwait, `tagwait:${h.hctx}`, 'tagwait', f, 'tag waiters', 'waiters');
    lane(hg, h.dispatch, `hctx:${h.hctx}`, 'dispatch', f, 'dispatch list', 'dispatch');
    hg.append('rect').attr('class', 'tags-free').attr('x', h.tagBar.x).attr('y', h.tagBar.y)
      .attr('width', h.tagBar.w).attr('height', h.tagBar.h);
    hg.append('rect').attr('class', 'tags-used').attr('x', h.tagBar.x).attr('y', h.tagBar.y)
      .attr('width', 0).attr('height', h.tagBar.h);
    text(hg, h.tags.x + 1, h.tags.y + f, '', 'tags-text');
    stoppedBadge(hg, h, f);
  }
}

function drawEdges(g, geo) {
  const line = d3.line();
  for (const e of geo.edges) {
    const c = geo.ctxs[e.i], h = geo.hctxs[e.hctx];
    const cpu = geo.cpus[e.i];
    g.append('path').attr('class', 'edge cpu-edge')
      .attr('d', line([[cpu.x + cpu.w / 2, cpu.y + cpu.h], [c.x + c.w / 2, c.y]]));
    g.append('path').attr('class', `edge map-edge ${e.kind === 'many:1' ? 'many' : 'one'}`)
      .attr('data-edge', `ctx:${e.ctx}->hctx:${e.hctx}`)
      .attr('marker-end', 'url(#arrow)')
      .attr('d', line([[c.x + c.w / 2, c.y + c.h], [h.x + h.w / 2, h.y - 1]]));
  }
  for (const h of geo.hctxs) {
    if (h.idle) continue;
    g.append('path').attr('class', 'edge')
      .attr('d', line([[h.x + h.w / 2, h.y + h.h], [h.x + h.w / 2, geo.driver.y]]));
  }
}

/** Row names in the margin beside the CPUs and queues, where "done" leaves room on a wide screen. */
function drawRowLabels(g, geo) {
  const room = geo.width - (geo.cpus.at(-1).x + geo.cpus.at(-1).w) - 12;
  const rows = [['CPUs', 'task, plug', geo.cpus[0]], ['software', 'queues', geo.ctxs[0]],
    ...(geo.elv ? [['I/O', 'scheduler', geo.elv]] : []), ['hardware', 'queues', geo.hctxs[0]]];
  for (const [first, second, b] of rows) {
    const one = fitText(room, geo.font, first), two = fitText(room, geo.font, second);
    if (!one) continue;
    const t = g.append('text').attr('class', 'row-label').attr('x', geo.width - 8).attr('y', b.y + geo.font)
      .attr('text-anchor', 'end');
    t.append('tspan').attr('class', 'row-label-main').text(one);
    if (two) t.append('tspan').attr('x', geo.width - 8).attr('dy', geo.font + 3).text(two);
  }
}

/** Tags in use and STOPPED, per hctx, as the stream changes them. */
export function mqState(svg, geo, state) {
  for (const h of state.hctxs) {
    const g = svg.select(`g.hctx[data-hctx="${h.hctx}"]`);
    const b = geo.hctxs[h.hctx];
    // 7.0 under mq-deadline: the bar counts scheduler tags, of which there are 2 × min(depth, 128).
    const pool = tagPool(state.scenario);
    const depth = pool.depth(h.depth);
    const used = depth ? Math.min(1, h.tagsUsed / depth) : 0;
    showStopped(g, h.stopped);
    g.select('.tags-used').attr('width', b.tagBar.w * used);
    setText(g.select('.tags-text'), fitText(b.tags.w - 2, geo.font,
      pool.name === 'tags' ? `tags ${h.tagsUsed}/${depth} in use` : `${h.tagsUsed}/${depth} ${pool.name} in use`,
      `${h.tagsUsed}/${depth} ${pool.name}`, `${h.tagsUsed}/${depth}`));
  }
}
