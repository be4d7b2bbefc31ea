// Where 7.0's I/O scheduler keeps its requests in Figure 1 (the lane elv:0): mq-deadline's two
// directions, each a sector-sorted list with every request's place in its FIFO written over it, and
// kyber's per-CPU queues by domain under a row of token bars. Pure geometry and ordering over a
// layout, tested without a DOM; views/outline-sched.js draws it.
import { laneHeight } from './layout-parts.js';
import { SCHEDULER } from './labels.js';
import { DIRECTIONS, directionOf } from './deadline-batch.js';

/** kyber's domains in kyber_sched_domain()'s order, with kyber_depth[]: each domain's token pool. */
export const DOMAINS = Object.freeze(['read', 'write', 'discard', 'other']);
export const TOKENS = Object.freeze({ read: 256, write: 128, discard: 64, other: 16 });

/** kyber_sched_domain() read off blktrace's rwbs: R read, W write, D discard, anything else other. */
export function domainOf(rwbs) {
  const r = rwbs || '';
  if (r.includes('D')) return 'discard';
  if (r.includes('W')) return 'write';
  if (r.includes('R')) return 'read';
  return 'other';
}

const GAP = 4;

/** The height a deadline list row takes: the request and its FIFO number over it. */
const deadlinePitch = m => m.item.h + m.font + 4;
const kyberRow = m => m.row + 2;
const tokenRowHeight = m => m.line + 6;

/** The scheduler lane's height for a scheduler at these metrics. */
export function schedHeight(m, scheduler) {
  if (scheduler === SCHEDULER.KYBER) return m.line + tokenRowHeight(m) + DOMAINS.length * kyberRow(m) + 2 * m.pad;
  return m.line + laneHeight(m, 0) + 2 * deadlinePitch(m);
}

/**
 * The scheduler's inner boxes inside its lane {@code elv}: for mq-deadline one list per direction side
 * by side; for kyber a token bar per domain and, under each ctx column, one row per domain.
 * @param ctxCols the ctx boxes (their x and w), so a CPU's kyber queues sit under its ctx
 */
export function schedBoxes(elv, m, scheduler, ctxCols) {
  const top = elv.y + m.line;
  if (scheduler === SCHEDULER.KYBER) {
    const bw = (elv.w - 2 * m.pad - GAP * (DOMAINS.length - 1)) / DOMAINS.length;
    const tokens = DOMAINS.map((domain, i) => ({
      domain, x: elv.x + m.pad + i * (bw + GAP), w: bw, y: top, h: tokenRowHeight(m), depth: TOKENS[domain],
    }));
    const rowsY = top + tokenRowHeight(m);
    const letter = Math.ceil(m.font * 0.7) + 4;
    const queues = ctxCols.map(c => ({
      ctx: c.ctx, x: c.x, w: c.w,
      domains: DOMAINS.map((domain, i) => ({
        domain, x: c.x, w: c.w, y: rowsY + i * kyberRow(m), h: kyberRow(m) - 1, letterW: letter,
        items: { x: c.x, w: Math.max(1, c.w - letter), y: rowsY + i * kyberRow(m) - m.pad + 1, h: kyberRow(m) + 2 * m.pad - 3 },
      })),
    }));
    return { scheduler, tokens, queues };
  }
  const w = (elv.w - 2 * m.pad - GAP) / 2;
  const lists = DIRECTIONS.map((dir, i) => {
    const b = { dir, x: elv.x + m.pad + i * (w + GAP), w, y: top, h: elv.y + elv.h - top - m.pad };
    return { ...b, items: { x: b.x, w: b.w, y: b.y + m.line, h: b.h - m.line } };
  });
  return { scheduler, lists, pitch: deadlinePitch(m), badge: m.font + 2 };
}

/**
 * mq-deadline's lists: each direction's requests in sector order (its sort_list), each numbered by
 * its place in the direction's FIFO (1 = the oldest, the next to expire). {@code items} are the
 * requests in elv:0 in the order they were inserted, which is their FIFO order.
 */
export function deadlineLists(items) {
  const out = { read: [], write: [] };
  const fifo = { read: 0, write: 0 };
  for (const it of items) {
    const dir = directionOf(it.rwbs);
    out[dir].push({ ...it, fifo: ++fifo[dir] });
  }
  for (const dir of DIRECTIONS) out[dir].sort((a, b) => a.sector - b.sector || a.fifo - b.fifo);
  return out;
}

/** kyber's per-ctx queues: the requests in elv:0 by their software queue and domain, in insertion order. */
export function kyberQueues(items) {
  const out = new Map();
  for (const it of items) {
    const k = `${it.ctx}/${domainOf(it.rwbs)}`;
    if (!out.has(k)) out.set(k, []);
    out.get(k).push(it);
  }
  return out;
}

/**
 * The tokens each kyber domain has out: a request takes one in kyber_dispatch_request, the only way
 * it leaves elv:0 for the hctx, and gives it back when it is freed (kyber_finish_request); so every
 * live request past the scheduler holds one. Counted from where the stream put the requests.
 */
export function tokensHeld(requests) {
  const held = Object.fromEntries(DOMAINS.map(d => [d, 0]));
  for (const r of requests) if (/^(hctx|driver|device):|^done$/.test(r.place)) held[domainOf(r.rwbs)]++;
  return held;
}

/** Top-left of the k-th item in a list box: rows at {@code pitch}, past its room piled on the last slot. */
export function listSlot(box, k, size, pitch, pad = 3, gap = 2) {
  const cols = Math.max(1, Math.floor((box.w - 2 * pad + gap) / (size.w + gap)));
  const rows = Math.max(1, Math.floor((box.h - 2 * pad + (pitch - size.h)) / pitch));
  const i = Math.min(k, cols * rows - 1);
  return { x: box.x + pad + (i % cols) * (size.w + gap), y: box.y + pad + Math.floor(i / cols) * pitch, overflow: k >= cols * rows };
}

/**
 * Where each request in the scheduler's lane {@code elv} (elv:d of device d) is drawn: {key → {x, y,
 * overflow, list, fifo}} and the piles of lists too long for their box. {@code items} carry key, rwbs,
 * sector and ctx, in the lane's order.
 */
export function schedSlots(sched, items, size, elv = 'elv:0') {
  const pos = new Map();
  const piles = [];
  const add = (list, box, entries, pitch, dy, place) => {
    let over = 0;
    entries.forEach((it, k) => {
      const p = pitch ? listSlot(box, k, size, pitch) : listSlot(box, k, size, size.h + 2);
      if (p.overflow) over++;
      pos.set(it.key, { x: p.x, y: p.y + dy, overflow: p.overflow, list, fifo: it.fifo ?? null });
    });
    if (over) piles.push({ place, box, over });
  };
  if (sched.lists) {
    const lists = deadlineLists(items);
    for (const l of sched.lists) add(l.dir, l.items, lists[l.dir], sched.pitch, sched.badge, `${elv}/${l.dir}`);
  } else {
    const queues = kyberQueues(items);
    for (const q of sched.queues) {
      for (const d of q.domains) {
        const entries = queues.get(`${q.ctx}/${d.domain}`) || [];
        add(`ctx:${q.ctx}/${d.domain}`, d.items, entries, 0, 0, `${elv}/ctx:${q.ctx}/${d.domain}`);
      }
    }
  }
  return { pos, piles };
}
