// The still parts of Figure 1 for the legacy request queue (mode "sq") and the bio-based interface
// (mode "bio"), and the few live labels they carry: STOPPED, the request pool, xen-blkfront's ring.
import { box, drawCpus, drawDone } from './outline-frame.js';
import { driverLabel, ringUse, poolUse } from '../ring.js';

const d3 = window.d3;

export function legacyFrame(svg, geo, scenario) {
  const line = d3.line();
  const edges = svg.append('g').attr('class', 'edges');
  const below = geo.queue ?? geo.driver;
  for (const c of geo.cpus) {
    edges.append('path').attr('class', 'edge cpu-edge').attr('marker-end', 'url(#arrow)')
      .attr('d', line([[c.x + c.w / 2, c.y + c.h], [c.x + c.w / 2, below.y - 1]]));
  }
  if (geo.queue) edges.append('path').attr('class', 'edge')
    .attr('d', line([[geo.queue.x + geo.queue.w / 2, geo.queue.y + geo.queue.h], [geo.queue.x + geo.queue.w / 2, geo.driver.y]]));
  drawCpus(svg.append('g').attr('class', 'cpus'), geo);
  if (geo.queue) drawQueue(svg.append('g').attr('class', 'request-queue'), geo.queue, scenario);
  const lanes = svg.append('g').attr('class', 'lanes');
  box(lanes, geo.driver, 'stage-box', driverLabel(scenario));
  box(lanes, geo.device, 'stage-box', geo.mode === 'bio' ? 'device (bios in flight; no requests, no tags)' : 'device');
  for (const stage of ['driver', 'device']) {
    const b = geo.places.get(`${stage}:0`);
    lanes.append('rect').attr('class', 'lane stage').attr('data-queue', `${stage}:0`)
      .attr('x', b.x + 1).attr('y', b.y).attr('width', b.w - 2).attr('height', b.h - 2);
  }
  lanes.append('text').attr('class', 'ring-text').attr('x', geo.device.x + geo.device.w - 4).attr('y', geo.device.y + 10)
    .attr('text-anchor', 'end');
  drawDone(lanes, geo);
}

/** One request_queue: its lock, the get_request sleepers, the elevator and q->queue_head. */
function drawQueue(g, q, scenario) {
  const xen = scenario?.device?.driver === 'xen-blkfront';
  const elevator = scenario?.scheduler ?? 'noop';
  box(g, q, 'queue-box hw', `request_queue · ${elevator} elevator · all of it under ${xen ? 'io_lock (xen-blkfront\'s lock is the queue lock)' : 'q->queue_lock'}`);
  g.append('text').attr('class', 'pool-text').attr('x', q.x + q.w - 4).attr('y', q.y + 10).attr('text-anchor', 'end');
  lane(g, q.wait, 'tagwait:0', 'lane tagwait', 'sleeping in get_request (pool empty)');
  lane(g, q.elv, 'elv:0', 'lane elv', `elevator (${elevator}) · sorted, mergeable`);
  lane(g, q.dispatch, 'dispatch:0', 'lane dispatch', 'dispatch list · q->queue_head');
  const badge = g.append('g').attr('class', 'stopped-badge').attr('display', 'none');
  badge.append('rect').attr('x', q.x + q.w / 2 - 28).attr('y', q.y - 7).attr('width', 56).attr('height', 13).attr('rx', 3);
  badge.append('text').attr('x', q.x + q.w / 2).attr('y', q.y + 3).attr('text-anchor', 'middle').text('STOPPED');
}

function lane(g, b, place, cls, label) {
  g.append('rect').attr('class', cls).attr('data-queue', place)
    .attr('x', b.x).attr('y', b.y).attr('width', b.w).attr('height', b.h).attr('rx', 3);
  g.append('text').attr('class', 'lane-label').attr('x', b.x + 4).attr('y', b.y + 10).text(label);
}

/** The labels that follow the stream: stopped queue, requests allocated, ring slots. */
export function drawLegacyState(svg, geo, state) {
  const stopped = state.hctxs.some(h => h.stopped);
  const q = svg.select('g.request-queue').attr('data-stopped', stopped ? 'true' : 'false');
  q.select('.stopped-badge').attr('display', stopped ? null : 'none');
  const pool = poolUse(state);
  q.select('.pool-text').text(`${pool.used}/${pool.of} requests allocated (nr_requests)`);
  svg.select('.ring-text').text(ringUse(state).map(r => `ring${r.ring ? ` ${r.ring}` : ''}: ${r.used} used · ${r.free} free of ${r.slots} slots`).join('   '));
}
