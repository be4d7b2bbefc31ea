// Where blk-mq's Figure 1 boxes go: CPUs (task + plug lists) on top, then software queues (ctx:N),
// hardware queues (hctx:N: tag waiters, dispatch list, tag bar), and the driver and device lanes under
// each hctx; "done" sits at the right. Pure geometry in on-screen pixels, tested without a DOM.
import { MARGIN, checkWidth, metrics, columns, cpuBox, cpuRowHeight, laneHeight, stageRows, contentWidth, under, commonPlaces, textWidth, lockTab } from './layout-parts.js';
import { MODE, KERNEL, SCHEDULER } from './labels.js';
import { schedHeight, schedBoxes } from './layout-sched.js';
import { numaBoxes } from './layout-numa.js';

/**
 * blk-mq's queues at a width and font size. 7.0's poll hctxs (the topology's last pollQueues) get the
 * CPUs of its cpuToPollHctx map.
 * @param topology {cpus, hwQueues, cpuToHctx[, pollQueues, cpuToPollHctx]}, and for a replayed trace
 *        `shown`: the CPUs it used, drawn side by side under their own numbers
 * @param options  `width` (CSS pixels, required) and `font` (px, 12); `tight`: presenting, the tighter
 *        spacing of metrics(), for a projector's height. 7.0 only: `scheduler`, a blk-mq I/O scheduler
 *        (mq-deadline and kyber get a lane, elv:0, between the ctx and hctx rows, laid out by
 *        layout-sched.js, and each hctx a second tag bar, driver tags beside the scheduler tags; 3.16's
 *        blk-mq has none, 7.0's none is none); `numaNodes`, each a list of CPUs (two or more are drawn as
 *        boxes round their CPUs); `requeueList`, q->requeue_list's lane (null_blk's requeue injection).
 *        xen-blkfront: `deviceLocks`, a line under the device row's requests for the ring locks' tabs.
 */
export function layout(topology, { width, font = 12, tight = false, scheduler = null, numaNodes = null, requeueList = false,
  deviceLocks = false } = {}) {
  checkWidth(width);
  const shown = cpusShown(topology);
  const m = metrics(font, tight);
  const contentW = contentWidth(width, m);
  const cpuCols = columns(shown.length, MARGIN, contentW);
  // A NUMA node's name sits over its CPUs: a line more above the CPU row.
  const numa = (numaNodes?.length ?? 0) > 1;
  const cpuY = MARGIN + (numa ? m.line + 2 : 0);
  const rows = queueRows(topology, { x: MARGIN, w: contentW, y: cpuY + cpuRowHeight(m, cpuCols[0].w) + m.gap }, m, shown,
    scheduler, requeueList);
  // Presenting, the ring locks' line takes the device row's second row of requests: a fuller ring piles
  // on its last slot under a count, as any full lane does, and the figure is no taller for its locks.
  const stages = stageRows(width, rows.bottom, m, deviceLocks && tight ? 1 : 2, deviceLocks);
  const out = {
    mode: MODE.MQ, width, height: stages.bottom, font, ...(tight ? { tight } : {}),
    cpus: cpuCols.map((c, i) => cpuBox(shown[i], c, cpuY, m)),
    ctxs: rows.ctxs,
    hctxs: rows.hctxs,
    driver: stages.driver, device: stages.device, done: stages.done,
    edges: rows.edges,
    pollEdges: rows.pollEdges,
  };
  if (rows.elv) {
    out.elv = rows.elv;
    out.sched = rows.sched;
  }
  if (numa) out.numa = numaBoxes(numaNodes, out.cpus, m);
  out.places = commonPlaces(out, m, rows.hctxCols);
  queuePlaces(out.places, rows, m);
  if (rows.requeue) out.requeue = rows.requeue;
  return out;
}

/** The CPUs drawn: all of them, or for a replayed trace the ones it used. */
export const cpusShown = topology => (topology.shown?.length ? topology.shown
  : Array.from({ length: topology.cpus }, (_, i) => i));

/**
 * One request_queue's rows in {@code area} (x, w, and the top y): a ctx per CPU shown, the scheduler's
 * lane, the hctxs, q->requeue_list. {@code base} numbers them as the stream does with several 7.0
 * devices (device d's ctxs from d × cpus, its hctxs from d × hwQueues, its elv:d and requeue:d);
 * {@code bottom} is where the driver row may start.
 */
export function queueRows(topology, area, m, shown, scheduler = null, requeueList = false, base = { ctx: 0, hctx: 0, queue: 0 }) {
  const { hwQueues, cpuToHctx } = topology;
  const cols = columns(shown.length, area.x, area.w);
  const hctxCols = columns(hwQueues, area.x, area.w);
  const pollFrom = hwQueues - (topology.pollQueues ?? 0);
  const users = hctxUsers(cpuToHctx, hwQueues, shown);
  const pollUsers = topology.cpuToPollHctx ? hctxUsers(topology.cpuToPollHctx, hwQueues, shown) : null;
  const ctxY = area.y;
  const sched = scheduler === SCHEDULER.MQ_DEADLINE || scheduler === SCHEDULER.KYBER;
  // Under 7.0's mq-deadline or kyber a request is inserted into the scheduler, never a ctx's list
  // (blk_mq_insert_request): presenting, its ctx is a row of items high, not two.
  const ctxH = laneHeight(m, m.tight && sched ? 1 : 2);
  const elv = sched ? { x: area.x, w: area.w, y: ctxY + ctxH + m.gap, h: schedHeight(m, scheduler), scheduler } : null;
  const hctxY = (elv ? elv.y + elv.h : ctxY + ctxH) + m.gap;
  const hctxs = hctxCols.map((c, i) => {
    const poll = i >= pollFrom;
    return hctxBox(base.hctx + i, c, hctxY, poll ? pollUsers?.[i] ?? [] : users[i], m, sched, poll);
  });
  // 7.0 with null_blk's requeue injection: q->requeue_list, where a request the driver handed back waits
  // for kblockd's requeue work, one lane across under the hardware queues, with room above it for
  // q->requeue_lock's tab.
  const hctxBottom = hctxY + Math.max(...hctxs.map(h => h.h));
  const requeueGap = m.tight ? m.gap : m.line + lockTab(m.font);
  const requeue = requeueList ? { x: area.x, w: area.w, y: hctxBottom + requeueGap, h: laneHeight(m, 1) } : null;
  const ctxs = cols.map((c, i) => ({ ctx: base.ctx + shown[i], hctx: base.hctx + cpuToHctx[shown[i]], ...c, y: ctxY, h: ctxH }));
  const out = {
    ctxs, hctxs, hctxCols, requeue, queueNo: base.queue,
    bottom: (requeue ? requeue.y + requeue.h : hctxY + hctxs[0].h) + m.line,
    // i: the column the CPU and its ctx are drawn in; ctx: the ctx's own number.
    edges: shown.map((cpu, i) => ({ i, ctx: base.ctx + cpu, hctx: base.hctx + cpuToHctx[cpu], kind: users[cpuToHctx[cpu]].length > 1 ? 'many:1' : '1:1' })),
    // The POLL map: each CPU's polled bios go to this hctx (HCTX_TYPE_POLL).
    pollEdges: topology.cpuToPollHctx ? shown.map((cpu, i) => ({ i, ctx: base.ctx + cpu, hctx: base.hctx + topology.cpuToPollHctx[cpu] })) : [],
  };
  if (elv) {
    out.elv = elv;
    out.sched = schedBoxes(elv, m, scheduler, ctxs);
  }
  return out;
}

/** The places of one request_queue's rows (queueRows), named as the stream names them. */
export function queuePlaces(places, rows, m) {
  rows.ctxs.forEach(c => places.set(`ctx:${c.ctx}`, under(c, m)));
  rows.hctxs.forEach(h => { places.set(`hctx:${h.hctx}`, under(h.dispatch, m)); places.set(`tagwait:${h.hctx}`, under(h.tagwait, m)); });
  if (rows.elv) places.set(`elv:${rows.queueNo}`, under(rows.elv, m));
  if (rows.requeue) places.set(`requeue:${rows.queueNo}`, under(rows.requeue, m));
  return places;
}

function hctxUsers(cpuToHctx, hwQueues, shown) {
  const users = Array.from({ length: hwQueues }, () => []);
  shown.forEach(cpu => { const h = cpuToHctx[cpu]; if (users[h]) users[h].push(cpu); });
  return users;
}

/**
 * An hctx box, top to bottom: its label, the tag waiters, the dispatch list, the tag bar and, under a
 * 7.0 scheduler, the driver tags' bar under the scheduler tags' one. Presenting (m.tight), where the box
 * is wide enough, the tag waiters stand beside the dispatch list and the two tag bars side by side.
 */
function hctxBox(hctx, col, y, cpus, m, twoBars, poll) {
  const inner = { x: col.x + 3, w: col.w - 6 };
  const { tagwait, dispatch } = hctxLanes(inner, y + m.line, m);
  const tagsY = dispatch.y + dispatch.h + 2;
  const half = (inner.w - 6) / 2;
  const beside = m.tight && twoBars && half >= textWidth(TAG_LINE, m.font) + 2;
  const tags = { ...inner, ...(beside ? { w: half } : {}), y: tagsY, h: m.line + 8 };
  const tagBar = { ...tags, y: tags.y + m.line, h: 5 };
  const driverTags = !twoBars ? null
    : beside ? { x: inner.x + half + 6, w: half, y: tagsY, h: tags.h } : { ...inner, y: tags.y + tags.h, h: m.line + 8 };
  const driverBar = twoBars ? { ...driverTags, y: driverTags.y + m.line, h: 5 } : null;
  const bottom = (driverTags ?? tags).y + (driverTags ?? tags).h;
  return {
    hctx, ...col, y, h: bottom - y + 2, cpus, idle: cpus.length === 0, type: poll ? 'POLL' : 'DEFAULT',
    // Presenting, rows are only a lock's tab apart: STOPPED goes inside the box, on its label's line.
    ...(m.tight ? { badgeInside: 0 } : {}),
    tagwait, dispatch, tags, tagBar, ...(twoBars ? { driverTags, driverBar } : {}),
  };
}

/** The longest brief tag line (outline-frame.js): two bars side by side only when each can say this much. */
const TAG_LINE = '128/256 sched tags';

/**
 * The tag waiters over the dispatch list (a row, then two); presenting in a box where a third holds an
 * item beside the lane's name, side by side, both two rows high, the dispatch list on the wider part.
 */
function hctxLanes(inner, y, m) {
  const third = Math.floor(inner.w / 3);
  if (m.tight && third - 8 >= Math.max(m.item.w, textWidth('waiters', m.font))) {
    const h = laneHeight(m, 2);
    return {
      tagwait: { x: inner.x, w: third - 1, y, h },
      dispatch: { x: inner.x + third + 1, w: inner.w - third - 1, y, h },
    };
  }
  const tagwait = { ...inner, y, h: laneHeight(m, 1) };
  return { tagwait, dispatch: { ...inner, y: tagwait.y + tagwait.h + 2, h: laneHeight(m, 2) } };
}

/** The size of one item: labelled when the narrowest queue holds two, else small plain squares. */
export function itemSize(l, dense = false) {
  const m = metrics(l.font ?? 12, l.tight);
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
