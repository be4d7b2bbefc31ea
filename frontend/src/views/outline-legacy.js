// The still parts of Figure 1 for the legacy request queue (mode "sq") and the bio-based interface
// (mode "bio"), and the live labels the request queue carries: STOPPED and the request pool.
import { box, lane, drawCpus, stoppedBadge, stoppedInsideWidth, showStopped, drawStages, text, setText } from './outline-parts.js';
import { fitText } from '../layout-parts.js';
import { poolUse } from '../ring.js';
import { MODE, DRIVER } from '../labels.js';

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
  if (geo.queue) drawQueue(svg.append('g').attr('class', 'request-queue'), geo, scenario);
  const device = geo.mode === MODE.BIO ? ['device (bios in flight; no requests, no tags)', 'device (bios in flight)'] : [];
  drawStages(svg.append('g').attr('class', 'lanes'), geo, scenario, device);
}

/** One request_queue: its lock, the get_request sleepers, the elevator and q->queue_head. */
function drawQueue(g, geo, scenario) {
  const q = geo.queue, f = geo.font;
  const xen = scenario.device.driver === DRIVER.XEN_BLKFRONT;
  const elevator = scenario.scheduler;
  const lock = xen ? 'io_lock' : 'q->queue_lock';
  box(g, q, 'queue-box hw', f,
    `request_queue · ${elevator} elevator · all of it under ${xen ? 'io_lock (xen-blkfront\'s lock is the queue lock)' : lock}`,
    `request_queue · ${elevator} · under ${lock}`, `request_queue · ${lock}`, 'request_queue');
  // The second of the box's two label lines (layout-legacy.js).
  text(g, q.x + 4, q.y + (q.wait.y - q.y) / 2 + f, '', 'pool-text');
  lane(g, q.wait, 'tagwait:0', 'tagwait', f, 'sleeping in get_request (pool empty)', 'get_request sleepers', 'sleepers');
  lane(g, q.elv, 'elv:0', 'elv', f, `elevator (${elevator}) · sorted, mergeable`, `elevator (${elevator})`, 'elevator');
  lane(g, q.dispatch, 'dispatch:0', 'dispatch', f, 'dispatch list · q->queue_head', 'dispatch list', 'dispatch');
  stoppedBadge(g, q, f);
}

/** The request queue's live labels: stopped, and requests allocated against nr_requests. */
export function legacyState(svg, geo, state) {
  const q = svg.select('g.request-queue');
  if (q.empty()) return;
  const stopped = state.hctxs.some(h => h.stopped);
  showStopped(q, stopped);
  const pool = poolUse(state);
  // The pool's line leaves the badge its room at the right while the queue is stopped.
  const room = geo.queue.w - 8 - (stopped ? stoppedInsideWidth(geo.queue, geo.font) + 8 : 0);
  setText(q.select('.pool-text'), fitText(room, geo.font,
    `${pool.used}/${pool.of} requests allocated (nr_requests)`, `${pool.used}/${pool.of} requests`));
}
