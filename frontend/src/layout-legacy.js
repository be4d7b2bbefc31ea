// Where Figure 1's boxes go for the two older interfaces. Mode "sq" (the 3.16 request_fn queue): CPUs,
// then one request_queue holding the elevator (elv:0) and the dispatch list (dispatch:0) behind one
// lock, then the driver and the device. Mode "bio": CPUs hand bios straight to the driver's
// make_request_fn, so there is no queue box at all. Same shape as layout(): places keyed like the stream.
const MARGIN = 8;
const DONE_W = 90;
const SQ_ROWS = { cpu: [0.04, 0.2], queue: [0.33, 0.34], driver: [0.76, 0.08], device: [0.87, 0.1] };
const BIO_ROWS = { cpu: [0.04, 0.2], driver: [0.42, 0.1], device: [0.62, 0.28] };

export function legacyLayout(topology, mode, width, height) {
  const rows = mode === 'bio' ? BIO_ROWS : SQ_ROWS;
  const row = name => ({ y: rows[name][0] * height, h: rows[name][1] * height });
  const contentW = width - DONE_W - 3 * MARGIN;
  const out = {
    mode, width, height, ctxs: [], hctxs: [], edges: [],
    cpus: columns(topology.cpus, MARGIN, contentW).map((c, i) => cpuBox(i, c, row('cpu'))),
    driver: { x: MARGIN, w: contentW, ...row('driver') },
    device: { x: MARGIN, w: contentW, ...row('device') },
  };
  out.done = { x: width - DONE_W - MARGIN, w: DONE_W, y: out.driver.y, h: out.device.y + out.device.h - out.driver.y };
  if (mode !== 'bio') out.queue = queueBox({ x: MARGIN, w: contentW, ...row('queue') });
  out.places = places(out);
  return out;
}

function columns(n, x0, w) {
  const gap = Math.min(12, (w / n) * 0.15);
  const cw = (w - gap * (n - 1)) / n;
  return Array.from({ length: n }, (_, i) => ({ x: x0 + i * (cw + gap), w: cw }));
}

function cpuBox(cpu, col, row) {
  const lane = (row.h - 16) / 2;
  return {
    cpu, ...col, ...row,
    task: { x: col.x, w: col.w, y: row.y + 14, h: lane },
    plug: { x: col.x, w: col.w, y: row.y + 14 + lane + 2, h: lane - 2 },
  };
}

/** The request_queue: get_request sleepers on top, then the elevator (left) and q->queue_head (right). */
function queueBox(q) {
  const top = q.y + 26;
  const wait = q.h * 0.18;
  const inner = q.h - (top - q.y) - wait - 8;
  const elvW = q.w * 0.58;
  return {
    ...q,
    wait: { x: q.x + 6, w: q.w - 12, y: top, h: wait },
    elv: { x: q.x + 6, w: elvW - 9, y: top + wait + 4, h: inner },
    dispatch: { x: q.x + elvW + 3, w: q.w - elvW - 9, y: top + wait + 4, h: inner },
  };
}

function places(l) {
  const p = new Map();
  l.cpus.forEach(c => { p.set(`task:${c.cpu}`, c.task); p.set(`plug:${c.cpu}`, c.plug); });
  if (l.queue) {
    p.set('tagwait:0', l.queue.wait);
    p.set('elv:0', { ...l.queue.elv, y: l.queue.elv.y + 12, h: l.queue.elv.h - 12 });
    p.set('dispatch:0', { ...l.queue.dispatch, y: l.queue.dispatch.y + 12, h: l.queue.dispatch.h - 12 });
  }
  p.set('driver:0', { x: l.driver.x, w: l.driver.w, y: l.driver.y + 12, h: l.driver.h - 12 });
  p.set('device:0', { x: l.device.x, w: l.device.w, y: l.device.y + 12, h: l.device.h - 12 });
  p.set('done', { x: l.done.x, w: l.done.w, y: l.done.y + 14, h: l.done.h - 14 });
  return p;
}
