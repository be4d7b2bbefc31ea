// Where Figure 1's boxes go: CPUs (task + plug lists) on top, then software queues (ctx:N), hardware
// queues (hctx:N, with their tag-wait lane), and the driver and device lanes under each hctx; "done"
// sits at the right. Pure geometry, so it can be tested without a DOM. Modes "sq" and "bio" have no
// software or hardware queues and are laid out by layout-legacy.js.
import { legacyLayout } from './layout-legacy.js';

const MARGIN = 8;
const DONE_W = 90;
const ROWS = { cpu: [0.04, 0.2], ctx: [0.33, 0.09], hctx: [0.51, 0.17], driver: [0.76, 0.08], device: [0.87, 0.1] };

/**
 * The layout for a scenario's mode: blk-mq's queues, or the legacy request queue, or none (bio).
 * {@code scheduler} is a 7.0 blk-mq I/O scheduler, which gets a lane (elv:0) between ctx and hctx.
 */
export function layoutFor(topology, mode, width, height, scheduler = null) {
  return mode === 'sq' || mode === 'bio' ? legacyLayout(topology, mode, width, height)
    : layout(topology, width, height, scheduler);
}

export function layout(topology, width, height, scheduler = null) {
  const { cpus, hwQueues, cpuToHctx } = topology;
  const contentW = width - DONE_W - 3 * MARGIN;
  const row = name => ({ y: ROWS[name][0] * height, h: ROWS[name][1] * height });
  const cpuCols = columns(cpus, MARGIN, contentW);
  const hctxCols = columns(hwQueues, MARGIN, contentW);
  const users = hctxUsers(cpuToHctx, hwQueues);
  const out = {
    mode: 'mq', width, height,
    cpus: cpuCols.map((c, i) => cpuBox(i, c, row('cpu'))),
    ctxs: cpuCols.map((c, i) => ({ ctx: i, hctx: cpuToHctx[i], ...c, ...row('ctx') })),
    hctxs: hctxCols.map((c, i) => hctxBox(i, c, row('hctx'), users[i])),
    driver: { x: MARGIN, w: contentW, ...row('driver') },
    device: { x: MARGIN, w: contentW, ...row('device') },
    done: { x: width - DONE_W - MARGIN, w: DONE_W, y: row('driver').y, h: row('device').y + row('device').h - row('driver').y },
    edges: cpuToHctx.map((h, i) => ({ ctx: i, hctx: h, kind: users[h].length > 1 ? 'many:1' : '1:1' })),
  };
  // 7.0's mq-deadline is one scheduler for the whole queue: one lane across, between ctx and hctx.
  if (scheduler === 'mq-deadline') out.elv = { x: MARGIN, w: contentW, y: 0.425 * height, h: 0.075 * height, scheduler };
  out.places = placeBoxes(out, hctxCols);
  return out;
}

function columns(n, x0, w) {
  const gap = Math.min(12, (w / n) * 0.15);
  const cw = (w - gap * (n - 1)) / n;
  return Array.from({ length: n }, (_, i) => ({ x: x0 + i * (cw + gap), w: cw }));
}

function hctxUsers(cpuToHctx, hwQueues) {
  const users = Array.from({ length: hwQueues }, () => []);
  cpuToHctx.forEach((h, cpu) => { if (users[h]) users[h].push(cpu); });
  return users;
}

/** A CPU box: its submitting task's lane above, its plug list (current->plug->mq_list) below. */
function cpuBox(cpu, col, row) {
  const lane = (row.h - 16) / 2;
  return {
    cpu, ...col, ...row,
    task: { x: col.x, w: col.w, y: row.y + 14, h: lane },
    plug: { x: col.x, w: col.w, y: row.y + 14 + lane + 2, h: lane - 2 },
  };
}

/** An hctx box: tag waiters on top, dispatch list in the middle, the tag bar drawn at the bottom. */
function hctxBox(hctx, col, row, cpus) {
  const wait = row.h * 0.28;
  return {
    hctx, ...col, ...row, cpus, idle: cpus.length === 0,
    tagwait: { x: col.x, w: col.w, y: row.y + 12, h: wait },
    dispatch: { x: col.x, w: col.w, y: row.y + 12 + wait, h: row.h - 12 - wait - 10 },
    tagBar: { x: col.x + 3, w: col.w - 6, y: row.y + row.h - 8, h: 5 },
  };
}

function placeBoxes(l, hctxCols) {
  const places = new Map();
  l.cpus.forEach(c => { places.set(`task:${c.cpu}`, c.task); places.set(`plug:${c.cpu}`, c.plug); });
  l.ctxs.forEach(c => places.set(`ctx:${c.ctx}`, { x: c.x, w: c.w, y: c.y + 12, h: c.h - 12 }));
  l.hctxs.forEach(h => { places.set(`hctx:${h.hctx}`, h.dispatch); places.set(`tagwait:${h.hctx}`, h.tagwait); });
  hctxCols.forEach((c, i) => {
    places.set(`driver:${i}`, { x: c.x, w: c.w, y: l.driver.y + 12, h: l.driver.h - 12 });
    places.set(`device:${i}`, { x: c.x, w: c.w, y: l.device.y + 12, h: l.device.h - 12 });
  });
  if (l.elv) places.set('elv:0', { x: l.elv.x, w: l.elv.w, y: l.elv.y + 12, h: l.elv.h - 12 });
  places.set('done', { x: l.done.x, w: l.done.w, y: l.done.y + 14, h: l.done.h - 14 });
  return places;
}

/** The size of one request square, so 64 CPUs still fit a few per box. */
export function itemSize(l) {
  const boxes = l.ctxs.length ? [...l.ctxs, ...l.hctxs] : l.cpus;
  const narrowest = Math.min(...boxes.map(b => b.w));
  return Math.max(4, Math.min(11, Math.floor(narrowest / 4)));
}

/** Top-left of the k-th item (head first) in a box; past the box's capacity items pile on the last slot. */
export function slot(box, k, size, gap = 2, pad = 3) {
  const step = size + gap;
  const cols = Math.max(1, Math.floor((box.w - 2 * pad + gap) / step));
  const rows = Math.max(1, Math.floor((box.h - 2 * pad + gap) / step));
  const i = Math.min(k, cols * rows - 1);
  return {
    x: box.x + pad + (i % cols) * step,
    y: box.y + pad + Math.floor(i / cols) * step,
    overflow: k >= cols * rows,
  };
}


/**
 * What a request takes at G: a tag, or under 7.0's mq-deadline one of nr_requests = 2 × min(depth,
 * 128) scheduler tags (its driver tag comes only at dispatch and is not drawn).
 */
export function tagPool(scenario) {
  if (scenario?.kernel === '7.0' && scenario?.scheduler === 'mq-deadline') {
    return { name: 'sched tags', depth: d => 2 * Math.min(d, 128) };
  }
  return { name: 'tags', depth: d => d };
}
