// The still parts of blk-mq's Figure 1: CPUs (in their NUMA nodes), software queues, hardware queues
// with their labelled lanes, the CPU → hctx maps as edges, 7.0's scheduler lane, and the stage lanes;
// plus the live hctx labels (tag bars, STOPPED).
import { box, lane, drawCpus, stoppedBadge, showStopped, drawStages, text, setText } from './outline-parts.js';
import { fitText } from '../layout-parts.js';
import { tagPool } from '../layout.js';
import { tagBarFill, reservedNote } from '../layout-devices.js';
import { schedFrame, schedState } from './outline-sched.js';
import { numaFrame } from './outline-numa.js';

const d3 = window.d3;

export function mqFrame(svg, geo, scenario) {
  if (geo.numa) numaFrame(svg.append('g').attr('class', 'numa'), geo);
  drawEdges(svg.append('g').attr('class', 'edges'), geo);
  drawRowLabels(svg.append('g').attr('class', 'row-labels'), geo, [['CPUs', 'task, plug', geo.cpus[0]], ...queueRowLabels(geo)]);
  drawCpus(svg.append('g').attr('class', 'cpus'), geo);
  drawCtxs(svg.append('g').attr('class', 'ctxs'), geo);
  drawHctxs(svg.append('g').attr('class', 'hctxs'), geo, scenario);
  drawStages(svg.append('g').attr('class', 'lanes'), geo, scenario, []);
  if (geo.elv) schedFrame(svg.append('g').attr('class', 'scheduler'), geo);
  if (geo.requeue) requeueLane(svg.append('g').attr('class', 'requeue-list'), geo.requeue, 0, geo.font);
}

/** A request null_blk handed back (R) waits here until kblockd's blk_mq_requeue_work inserts it at the head. */
export function requeueLane(g, b, queue, font) {
  lane(g, b, `requeue:${queue}`, 'requeue', font,
    'q->requeue_list · kblockd re-inserts at the head (blk_mq_requeue_work)', 'q->requeue_list', 'requeue');
}

/** The row names of one request_queue's rows: software queues, the I/O scheduler, hardware queues. */
export const queueRowLabels = geo => [['software', 'queues', geo.ctxs[0]],
  ...(geo.elv ? [['I/O', 'scheduler', geo.elv]] : []), ['hardware', 'queues', geo.hctxs[0]]];

export function drawCtxs(g, geo) {
  for (const c of geo.ctxs) {
    const cg = g.append('g').attr('class', 'ctx');
    box(cg, c, 'queue-box', geo.font, `ctx ${c.ctx}`, `${c.ctx}`).attr('data-queue', `ctx:${c.ctx}`);
  }
}

export function drawHctxs(g, geo, scenario) {
  const f = geo.font;
  // Reserved tags are driver tags (the model gives scheduler tags none): a segment of the driver tags' bar.
  const reserved = scenario?.reservedTags ?? 0;
  for (const h of geo.hctxs) {
    const poll = h.type === 'POLL';
    const hg = g.append('g').attr('class', 'hctx').attr('data-hctx', h.hctx).attr('data-type', h.type)
      .attr('data-idle', h.idle ? 'true' : 'false').classed('idle', h.idle).classed('poll', poll);
    // The dispatch lane is the place hctx:N; the box around it inspects the hctx through data-hctx.
    // A POLL hctx raises no interrupt: its submitters poll it for their completions (null_poll).
    const labels = poll ? [`hctx ${h.hctx} · POLL · no interrupt`, `hctx ${h.hctx} · POLL`, `POLL ${h.hctx}`, 'POLL']
      : [`hctx ${h.hctx}${h.idle ? ' · idle' : ''}`, `hctx ${h.hctx}`, `${h.hctx}`];
    box(hg, h, 'queue-box hw', f, ...labels);
    lane(hg, h.tagwait, `tagwait:${h.hctx}`, 'tagwait', f, 'tag waiters', 'waiters');
    lane(hg, h.dispatch, `hctx:${h.hctx}`, 'dispatch', f, 'dispatch list', 'dispatch');
    tagBar(hg, h.tags, h.tagBar, f, h.driverTags ? 'sched' : 'tags', h.driverTags ? 0 : reserved, h.hctx);
    if (h.driverTags) tagBar(hg, h.driverTags, h.driverBar, f, 'driver', reserved);
    stoppedBadge(hg, h, f, `${h.hctx}`);
  }
}

/**
 * A tag pool's line: its count in words over a bar. The first is the pool a request takes at G; its bar
 * is the place {@code tags:N}, so a lesson about tags lights the bar, not the dispatch list beside it.
 * Driver tags with some reserved draw those as a segment at the bar's start, as a shared set's bar does.
 */
function tagBar(hg, line, bar, f, pool, reserved, hctx) {
  const g = hg.append('g').attr('class', 'tag-pool').attr('data-pool', pool).attr('data-reserved', reserved);
  const free = g.append('rect').attr('class', 'tags-free').attr('x', bar.x).attr('y', bar.y).attr('width', bar.w).attr('height', bar.h);
  if (hctx !== undefined) free.attr('data-queue', `tags:${hctx}`);
  if (reserved > 0) g.append('rect').attr('class', 'tags-reserved').attr('x', bar.x).attr('y', bar.y).attr('width', 0).attr('height', bar.h);
  g.append('rect').attr('class', 'tags-used').attr('x', bar.x).attr('y', bar.y).attr('width', 0).attr('height', bar.h);
  text(g, line.x + 1, line.y + f, '', 'tags-text');
}

/**
 * CPU → ctx, the ctx → hctx map, hctx → driver. With several devices {@code geo} is one device's part:
 * its hctxs are found by their number, and a device stacked under another draws no CPU edge (it would
 * cross the device above; its ctxs stand under their CPUs).
 */
export function drawEdges(g, geo) {
  const line = d3.line();
  const hctxOf = n => geo.hctxs.find(h => h.hctx === n);
  for (const e of geo.edges) {
    const c = geo.ctxs[e.i], h = hctxOf(e.hctx);
    const cpu = geo.cpus[e.i];
    if (cpu) {
      g.append('path').attr('class', 'edge cpu-edge')
        .attr('d', line([[cpu.x + cpu.w / 2, cpu.y + cpu.h], [c.x + c.w / 2, c.y]]));
    }
    g.append('path').attr('class', `edge map-edge ${e.kind === 'many:1' ? 'many' : 'one'}`)
      .attr('data-edge', `ctx:${e.ctx}->hctx:${e.hctx}`)
      .attr('marker-end', 'url(#arrow)')
      .attr('d', line([[c.x + c.w / 2, c.y + c.h], [h.x + h.w / 2, h.y - 1]]));
  }
  // The POLL map, dashed: the hctx each CPU's polled bios go to.
  for (const e of geo.pollEdges ?? []) {
    const c = geo.ctxs[e.i], h = hctxOf(e.hctx);
    g.append('path').attr('class', 'edge map-edge poll-edge').attr('data-map', 'poll')
      .attr('data-edge', `ctx:${e.ctx}->hctx:${e.hctx}`).attr('marker-end', 'url(#arrow)')
      .attr('d', line([[c.x + c.w / 2 + 4, c.y + c.h], [h.x + h.w / 2, h.y - 1]]));
  }
  for (const h of geo.hctxs) {
    if (h.idle) continue;
    g.append('path').attr('class', 'edge')
      .attr('d', line([[h.x + h.w / 2, h.y + h.h], [h.x + h.w / 2, geo.driver.y]]));
  }
}

/** Row names in the margin beside the CPUs and queues, where "done" leaves room on a wide screen. */
export function drawRowLabels(g, geo, rows) {
  const room = geo.width - (geo.cpus.at(-1).x + geo.cpus.at(-1).w) - 12;
  for (const [first, second, b] of rows) {
    const one = fitText(room, geo.font, first), two = fitText(room, geo.font, second);
    if (!one) continue;
    const t = g.append('text').attr('class', 'row-label').attr('x', geo.width - 8).attr('y', b.y + geo.font)
      .attr('text-anchor', 'end');
    t.append('tspan').attr('class', 'row-label-main').text(one);
    if (two) t.append('tspan').attr('x', geo.width - 8).attr('dy', geo.font + 3).text(two);
  }
}

/**
 * Tags in use and STOPPED, per hctx, as the stream changes them. Under a 7.0 scheduler the first bar
 * counts scheduler tags (nr_requests = 2 × min(depth, 128), taken at G) and the second driver tags
 * (taken at dispatch, given back at a requeue or the free); both counts are state.js's.
 */
export function mqState(svg, geo, state) {
  hctxState(svg, geo, state);
  schedState(svg, geo, state);
}

/**
 * Each hctx's STOPPED badge and tag lines. {@code shared}: its driver tags are a shared set's (several
 * devices with shared_tags), whose one bar is drawn under the devices; its line says what it holds of it.
 * Driver tags are counted, and their bar scaled, of the normal tags alone, as the shared set's bar is
 * (tagBarFill); the scheduler tags have none reserved.
 */
export function hctxState(svg, geo, state, shared = false) {
  const pool = tagPool(state.scenario);
  const reserved = state.scenario?.reservedTags ?? 0;
  const first = pool.name === 'tags' ? reserved : 0;
  for (const h of state.hctxs) {
    const g = svg.select(`g.hctx[data-hctx="${h.hctx}"]`);
    const b = geo.hctxs[h.hctx];
    showStopped(g, h.stopped);
    const long = shared ? n => `holds ${h.tagsUsed} of the ${n} shared tags`
      : pool.name === 'tags' ? n => `tags ${h.tagsUsed}/${n} in use` : n => `${h.tagsUsed}/${n} ${pool.name} in use`;
    showPool(g.select('g.tag-pool'), b.tags, b.tagBar, geo.font, h.tagsUsed, pool.depth(h.depth), first, long, pool.name);
    if (b.driverTags) {
      const used = h.driverTags ?? 0;
      showPool(g.select('g.tag-pool[data-pool="driver"]'), b.driverTags, b.driverBar, geo.font, used, h.depth, reserved,
        n => `${used}/${n} driver tags in use`, 'driver tags');
    }
  }
}

/** One pool's bar and line: {@code long(n)} its longest line, given n, the tags it counts (the normal ones). */
function showPool(g, line, bar, f, used, depth, reserved, long, name) {
  const { reserved: kept, tags, segments: [held] } = tagBarFill(bar, depth, reserved, [used]);
  g.attr('data-used', used).attr('data-depth', depth);
  g.select('.tags-reserved').attr('x', kept.x).attr('width', kept.w);
  g.select('.tags-used').attr('x', held.x).attr('width', held.w);
  setText(g.select('.tags-text'), fitText(line.w - 2, f, long(tags) + reservedNote(reserved), `${used}/${tags} ${name}`, `${used}/${tags}`));
}
