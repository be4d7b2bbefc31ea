// Where Figure 1's boxes go for the two older interfaces. Mode "sq" (the 3.16 request_fn queue): CPUs,
// then one request_queue holding the get_request sleepers, the elevator (elv:0) and the dispatch list
// (dispatch:0) behind one lock, then the driver and the device. Mode "bio": CPUs hand bios straight to
// the driver's make_request_fn, so there is no queue box at all. Same shape as layout().
import { MARGIN, checkWidth, metrics, columns, cpuBox, cpuRowHeight, laneHeight, stageRows, contentWidth, under, commonPlaces } from './layout-parts.js';
import { MODE } from './labels.js';

/** The elevator's share of the queue's width; q->queue_head takes the rest. */
const ELV_SHARE = 0.58;

/** {@code options}: layout()'s width, font and tight (presenting, the tighter spacing of metrics()). */
export function legacyLayout(topology, mode, { width, font = 12, tight = false } = {}) {
  checkWidth(width);
  const m = metrics(font, tight);
  const contentW = contentWidth(width, m);
  const cpuY = MARGIN;
  const cols = columns(topology.cpus, MARGIN, contentW);
  const below = cpuY + cpuRowHeight(m, cols[0].w) + m.gap;
  const queue = mode === MODE.BIO ? null : queueBox({ x: MARGIN, w: contentW, y: below }, m);
  const stages = stageRows(width, queue ? queue.y + queue.h + m.line : below, m, mode === MODE.BIO ? 4 : 2);
  const out = {
    mode, width, height: stages.bottom, font, ...(tight ? { tight } : {}), ctxs: [], hctxs: [], edges: [],
    cpus: cols.map((c, i) => cpuBox(i, c, cpuY, m)),
    driver: stages.driver, device: stages.device, done: stages.done,
  };
  if (queue) out.queue = queue;
  out.places = commonPlaces(out, m, [{ x: out.driver.x, w: out.driver.w }]);
  if (queue) {
    out.places.set('tagwait:0', under(queue.wait, m));
    out.places.set('elv:0', under(queue.elv, m));
    out.places.set('dispatch:0', under(queue.dispatch, m));
  }
  return out;
}

/** The request_queue: its label and pool line, the get_request sleepers, then elevator | q->queue_head. */
function queueBox(q, m) {
  const wait = { x: q.x + 6, w: q.w - 12, y: q.y + 2 * m.line, h: laneHeight(m, 1) };
  const inner = { y: wait.y + wait.h + 4, h: laneHeight(m, 3) };
  const elvW = q.w * ELV_SHARE;
  return {
    ...q, h: inner.y + inner.h + 6 - q.y, wait,
    // STOPPED goes inside, at the right of the pool's line: on the top edge, centred, it would cover the
    // queue's long title (and presenting, the CPUs are only a lock's tab above).
    badgeInside: m.line,
    elv: { x: q.x + 6, w: elvW - 9, ...inner },
    dispatch: { x: q.x + elvW + 3, w: q.w - elvW - 9, ...inner },
  };
}
