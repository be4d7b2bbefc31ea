// Where blk-mq's Figure 1 boxes go: CPUs (task + plug lists) on top, then software queues (ctx:N),
// hardware queues (hctx:N: tag waiters, dispatch list, tag bar), and the driver and device lanes under
// each hctx; "done" sits at the right. Pure geometry in on-screen pixels, tested without a DOM.
import { MARGIN, metrics, columns, cpuBox, cpuRowHeight, laneHeight, stageRows, contentWidth, under, commonPlaces } from './layout-parts.js';
import { MODE, KERNEL, SCHEDULER } from './labels.js';

/** Room between rows for the edges (CPU → ctx, the ctx → hctx map) to be seen as arrows. */
const EDGE_GAP = 2;

/**
 * blk-mq's queues at a width and font size. {@code scheduler} is a 7.0 blk-mq I/O scheduler: mq-deadline
 * gets a lane (elv:0) between the ctx and hctx rows (3.16's blk-mq has no scheduler, and 7.0's none is none).
 * @param topology {cpus, hwQueues, cpuToHctx}, and for a replayed trace `shown`: the CPUs it used,
 *        drawn side by side under their own numbers (a trace on CPUs 29 and 43 gets two columns)
 */
export function layout(topology, width, font = 12, scheduler = null) {
  const { cpus, hwQueues, cpuToHctx } = topology;
  const shown = topology.shown?.length ? topology.shown : Array.from({ length: cpus }, (_, i) => i);
  const m = metrics(font);
  const contentW = contentWidth(width, m);
  const cpuCols = columns(shown.length, MARGIN, contentW);
  const hctxCols = columns(hwQueues, MARGIN, contentW);
  const users = hctxUsers(cpuToHctx, hwQueues, shown);
  const cpuY = MARGIN;
  const ctxY = cpuY + cpuRowHeight(m) + EDGE_GAP * m.line;
  const ctxH = laneHeight(m, 2);
  // 7.0's mq-deadline is one scheduler for the whole queue: one lane across, between ctx and hctx.
  const elv = scheduler === SCHEDULER.MQ_DEADLINE || scheduler === SCHEDULER.KYBER
    ? { x: MARGIN, w: contentW, y: ctxY + ctxH + EDGE_GAP * m.line, h: laneHeight(m, 2), scheduler } : null;
  const hctxY = (elv ? elv.y + elv.h : ctxY + ctxH) + EDGE_GAP * m.line;
  const hctxs = hctxCols.map((c, i) => hctxBox(i, c, hctxY, users[i], m));
  const stages = stageRows(width, hctxY + hctxs[0].h + m.line, m, 2);
  const out = {
    mode: MODE.MQ, width, height: stages.bottom, font,
    cpus: cpuCols.map((c, i) => cpuBox(shown[i], c, cpuY, m)),
    ctxs: cpuCols.map((c, i) => ({ ctx: shown[i], hctx: cpuToHctx[shown[i]], ...c, y: ctxY, h: ctxH })),
    hctxs,
    driver: stages.driver, device: stages.device, done: stages.done,
    // i: the column the CPU and its ctx are drawn in; ctx: the CPU's (and ctx's) own number.
    edges: shown.map((cpu, i) => ({ i, ctx: cpu, hctx: cpuToHctx[cpu], kind: users[cpuToHctx[cpu]].length > 1 ? 'many:1' : '1:1' })),
  };
  if (elv) out.elv = elv;
  out.places = commonPlaces(out, m, hctxCols);
  out.ctxs.forEach(c => out.places.set(`ctx:${c.ctx}`, under(c, m)));
  out.hctxs.forEach(h => { out.places.set(`hctx:${h.hctx}`, under(h.dispatch, m)); out.places.set(`tagwait:${h.hctx}`, under(h.tagwait, m)); });
  if (elv) out.places.set('elv:0', under(elv, m));
  return out;
}

function hctxUsers(cpuToHctx, hwQueues, shown) {
  const users = Array.from({ length: hwQueues }, () => []);
  shown.forEach(cpu => { const h = cpuToHctx[cpu]; if (users[h]) users[h].push(cpu); });
  return users;
}

/** An hctx box, top to bottom: its label, the tag waiters, the dispatch list, the tag bar. */
function hctxBox(hctx, col, y, cpus, m) {
  const inner = { x: col.x + 3, w: col.w - 6 };
  const tagwait = { ...inner, y: y + m.line, h: laneHeight(m, 1) };
  const dispatch = { ...inner, y: tagwait.y + tagwait.h + 2, h: laneHeight(m, 2) };
  const tags = { ...inner, y: dispatch.y + dispatch.h + 2, h: m.line + 8 };
  const tagBar = { ...inner, y: tags.y + m.line, h: 5 };
  return { hctx, ...col, y, h: tags.y + tags.h - y + 2, cpus, idle: cpus.length === 0, tagwait, dispatch, tags, tagBar };
}

/** The size of one item: labelled when the narrowest queue holds two, else small plain squares. */
export function itemSize(l, dense = false) {
  const m = metrics(l.font ?? 12);
  const boxes = l.ctxs.length ? [...l.ctxs, ...l.hctxs] : l.cpus;
  const narrowest = Math.min(...boxes.map(b => b.w));
  if (!dense && narrowest >= 2 * m.item.w + 8) return { ...m.item, labelled: true };
  const s = Math.max(4, Math.min(11, Math.floor(narrowest / 4)));
  return { w: s, h: s, labelled: false };
}

/** Top-left of the k-th item (head first) in a box; past the box's capacity items pile on the last slot. */
export function slot(box, k, size, gap = 2, pad = 3) {
  const sw = (size.w ?? size) + gap, sh = (size.h ?? size) + gap;
  const cols = Math.max(1, Math.floor((box.w - 2 * pad + gap) / sw));
  const rows = Math.max(1, Math.floor((box.h - 2 * pad + gap) / sh));
  const i = Math.min(k, cols * rows - 1);
  return {
    x: box.x + pad + (i % cols) * sw,
    y: box.y + pad + Math.floor(i / cols) * sh,
    overflow: k >= cols * rows,
  };
}


/**
 * What a request takes at G: a tag, or under 7.0's mq-deadline or kyber one of nr_requests = 2 × min(depth,
 * 128) scheduler tags (its driver tag comes only at dispatch and is not drawn).
 */
export function tagPool(scenario) {
  const sched = scenario?.scheduler === SCHEDULER.MQ_DEADLINE || scenario?.scheduler === SCHEDULER.KYBER;
  if (scenario?.kernel === KERNEL.V7_0 && sched) {
    return { name: 'sched tags', depth: d => 2 * Math.min(d, 128) };
  }
  return { name: 'tags', depth: d => d };
}
