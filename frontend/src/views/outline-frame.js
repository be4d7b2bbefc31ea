// The still parts of Figure 1: boxes, labels, mapping edges and the layers requests move across.
// Modes "sq" and "bio" draw their own middle (outline-legacy.js) around the same CPUs and lanes.
import { legacyFrame } from './outline-legacy.js';
import { driverLabel } from '../ring.js';

const d3 = window.d3;

export function frame(svg, geo, scenario) {
  svg.selectAll('*').remove();
  const defs = svg.append('defs');
  defs.append('marker').attr('id', 'arrow').attr('viewBox', '0 0 8 8').attr('refX', 7).attr('refY', 4)
    .attr('markerWidth', 6).attr('markerHeight', 6).attr('orient', 'auto')
    .append('path').attr('d', 'M0,0 L8,4 L0,8 z').attr('class', 'arrowhead');
  if (geo.mode !== 'mq') legacyFrame(svg, geo, scenario); else mqFrame(svg, geo, scenario);
  svg.append('g').attr('class', 'bios');
  svg.append('g').attr('class', 'requests');
  svg.append('g').attr('class', 'piles');
}

function mqFrame(svg, geo, scenario) {
  drawEdges(svg.append('g').attr('class', 'edges'), geo);
  drawRowLabels(svg.append('g').attr('class', 'row-labels'), geo);
  drawCpus(svg.append('g').attr('class', 'cpus'), geo);
  drawCtxs(svg.append('g').attr('class', 'ctxs'), geo);
  drawHctxs(svg.append('g').attr('class', 'hctxs'), geo);
  drawLanes(svg.append('g').attr('class', 'lanes'), geo, scenario);
  if (geo.elv) drawScheduler(svg.append('g').attr('class', 'scheduler'), geo);
}

/** 7.0's mq-deadline: requests wait here between the plug and the hardware queues (elv:0). */
function drawScheduler(g, geo) {
  box(g, geo.elv, 'stage-box', `${geo.elv.scheduler} (elv:0) · sorted lists and FIFOs per direction`);
  const b = geo.places.get('elv:0');
  g.append('rect').attr('class', 'lane elv').attr('data-queue', 'elv:0')
    .attr('x', b.x + 1).attr('y', b.y).attr('width', b.w - 2).attr('height', b.h - 2);
}

export function box(g, b, cls, label) {
  g.append('rect').attr('class', cls).attr('x', b.x).attr('y', b.y).attr('width', b.w).attr('height', b.h).attr('rx', 4);
  if (label) g.append('text').attr('class', 'box-label').attr('x', b.x + 4).attr('y', b.y + 10).text(label);
}

const short = (b, long, brief) => (b.w > 70 ? long : brief);

export function drawCpus(g, geo) {
  for (const c of geo.cpus) {
    const cg = g.append('g').attr('class', 'cpu').attr('data-cpu', c.cpu);
    box(cg, c, 'cpu-box', short(c, `CPU ${c.cpu}`, `${c.cpu}`));
    cg.append('rect').attr('class', 'lane task').attr('data-queue', `task:${c.cpu}`)
      .attr('x', c.task.x + 2).attr('y', c.task.y).attr('width', c.task.w - 4).attr('height', c.task.h);
    cg.append('rect').attr('class', 'lane plug').attr('data-queue', `plug:${c.cpu}`)
      .attr('x', c.plug.x + 2).attr('y', c.plug.y).attr('width', c.plug.w - 4).attr('height', c.plug.h);
    if (c.w > 70) cg.append('text').attr('class', 'lane-label').attr('x', c.x + c.w - 4).attr('y', c.plug.y + c.plug.h - 3)
      .attr('text-anchor', 'end').text('plug');
  }
}

function drawCtxs(g, geo) {
  for (const c of geo.ctxs) {
    const cg = g.append('g').attr('class', 'ctx');
    box(cg, c, 'queue-box', short(c, `ctx ${c.ctx}`, `${c.ctx}`));
    cg.select('rect').attr('data-queue', `ctx:${c.ctx}`);
  }
}

function drawHctxs(g, geo) {
  for (const h of geo.hctxs) {
    const hg = g.append('g').attr('class', 'hctx').attr('data-hctx', h.hctx)
      .attr('data-idle', h.idle ? 'true' : 'false').classed('idle', h.idle);
    box(hg, h, 'queue-box hw', `hctx ${h.hctx}${h.idle ? ' · idle' : ''}`);
    hg.select('rect').attr('data-queue', `hctx:${h.hctx}`);
    hg.append('rect').attr('class', 'lane tagwait').attr('data-queue', `tagwait:${h.hctx}`)
      .attr('x', h.tagwait.x + 2).attr('y', h.tagwait.y).attr('width', h.tagwait.w - 4).attr('height', h.tagwait.h);
    hg.append('rect').attr('class', 'tags-free').attr('x', h.tagBar.x).attr('y', h.tagBar.y)
      .attr('width', h.tagBar.w).attr('height', h.tagBar.h);
    hg.append('rect').attr('class', 'tags-used').attr('x', h.tagBar.x).attr('y', h.tagBar.y)
      .attr('width', 0).attr('height', h.tagBar.h);
    hg.append('text').attr('class', 'tags-text').attr('x', h.x + h.w - 4).attr('y', h.y + 10).attr('text-anchor', 'end');
    const badge = hg.append('g').attr('class', 'stopped-badge').attr('display', 'none');
    badge.append('rect').attr('x', h.x + h.w / 2 - 28).attr('y', h.y - 7).attr('width', 56).attr('height', 13).attr('rx', 3);
    badge.append('text').attr('x', h.x + h.w / 2).attr('y', h.y + 3).attr('text-anchor', 'middle').text('STOPPED');
  }
}

function drawLanes(g, geo, scenario) {
  box(g, geo.driver, 'stage-box', driverLabel(scenario));
  box(g, geo.device, 'stage-box', 'device');
  geo.hctxs.forEach(h => {
    for (const stage of ['driver', 'device']) {
      const b = geo.places.get(`${stage}:${h.hctx}`);
      g.append('rect').attr('class', 'lane stage').attr('data-queue', `${stage}:${h.hctx}`)
        .attr('x', b.x + 1).attr('y', b.y).attr('width', b.w - 2).attr('height', b.h - 2);
    }
  });
  g.append('text').attr('class', 'ring-text').attr('x', geo.device.x + geo.device.w - 4).attr('y', geo.device.y + 10)
    .attr('text-anchor', 'end');
  drawDone(g, geo);
}

export function drawDone(g, geo) {
  box(g, geo.done, 'done-box', 'done');
  g.select('.done-box').attr('data-queue', 'done');
  g.append('text').attr('class', 'done-count').attr('x', geo.done.x + 4).attr('y', geo.done.y + geo.done.h - 4);
}

function drawEdges(g, geo) {
  const line = d3.line();
  for (const e of geo.edges) {
    const c = geo.ctxs[e.ctx], h = geo.hctxs[e.hctx];
    const cpu = geo.cpus[e.ctx];
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

function drawRowLabels(g, geo) {
  const rows = [['CPUs', 'task · plug list', geo.cpus[0]], ['software', 'queues · ctx', geo.ctxs[0]],
    ['hardware', 'queues · hctx', geo.hctxs[0]]];
  for (const [first, second, b] of rows) {
    const t = g.append('text').attr('class', 'row-label').attr('x', geo.width - 8).attr('y', b.y + 12)
      .attr('text-anchor', 'end');
    t.append('tspan').attr('class', 'row-label-main').text(first);
    t.append('tspan').attr('x', geo.width - 8).attr('dy', 12).text(second);
  }
}
