// Where Figure 1 draws each modelled spinlock: on the structure it guards, as a tab on that box's top
// edge (the legacy queue's queue_lock or io_lock on the request_queue, ctx[N]->lock on ctx N,
// hctx[N]->lock on hctx N, 7.0's scheduler locks on the scheduler's lane and q->requeue_lock on
// q->requeue_list's lane) or, for xen-blkfront's
// locks on blk-mq, inside the ring it guards (the device row); dom0's xen-blkback locks in dom0's row
// (layout-dom0.js), each blk_ring_lock on its ring's thread, Xen's flush_lock and the grant table's lock in
// the row's header.
// Pure geometry over a layout; a lock with no place here stays in the strip above the figure.
import { edgeBadge, lockTab } from './layout-parts.js';
import { ctxNumber } from './devices.js';

const ON_QUEUE = /^(queue_lock|io_lock)$/;
const XEN_MQ = /^io_lock( \((requests|responses)\))?$/;
const RING = /^ring\[(\d+)\]->ring_lock$/;
const CTX = /^ctx\[(\d+)\]->lock$/;
const HCTX = /^hctx\[(\d+)\]->lock$/;
const KHD = /^khd\[(\d+)\]->lock$/;
const KCQ = /^kcq\[(\d+)\.(\d+)\]->lock$/;
const BLKIF = /^blkif\[(\d+)\]->blk_ring_lock$/;
const GRANT_TABLE = 'domU grant_table->lock';
const XEN_FLUSH = 'Xen flush_lock';
/**
 * What dom0's header tabs say when their full names do not fit: at narrow widths both would read "free",
 * and on a projector the title naming them is out of reach.
 */
const SHORT = new Map([[GRANT_TABLE, 'grant'], [XEN_FLUSH, 'flush']]);
const DEVICE = /^nullb\d+ /;

/**
 * @param geo a layout of Figure 1 (layout.js or layout-legacy.js)
 * @returns Map name → { x, y, w, h, side: 'above' | 'inside', align: 'start' | 'end', brief, short? }: the
 *          tab's room, where it sits against its box, whether it may show only an icon when free, and the
 *          short name it keeps when its full name does not fit (dom0's header tabs)
 */
export function lockPlaces(geo, names) {
  if (geo.devices) return deviceLockPlaces(geo, names);
  const tab = lockTab(geo.font, geo.tight);
  const out = new Map();
  const above = (b, align = 'end', brief = true, x = b.x, w = b.w) =>
    ({ x, w, y: b.y - tab, h: tab, side: 'above', align, brief });
  // Inside the device row: on the line its layout keeps under the requests (laneRows' lockY), if it has one.
  const inside = (b, align = 'end', x = b.x, w = b.w) =>
    ({ x, w, y: geo.device?.lockY ?? b.y + b.h - tab - 3, h: tab, side: 'inside', align, brief: false });
  for (const name of names) {
    let m;
    if (geo.queue && ON_QUEUE.test(name)) out.set(name, badged(above(geo.queue, 'end', false), geo.queue, geo.font));
    else if (!geo.queue && geo.hctxs?.length && XEN_MQ.test(name)) {
      // split-lock: requests on the ring's left half, responses on its right.
      const half = geo.device.w / 2;
      const x = name.endsWith('(requests)') ? geo.device.x : name.endsWith('(responses)') ? geo.device.x + half : geo.device.x;
      out.set(name, inside(geo.device, 'end', x, name.includes('(') ? half : geo.device.w));
    } else if ((m = RING.exec(name)) && geo.places?.has(`device:${m[1]}`)) out.set(name, inside(geo.places.get(`device:${m[1]}`)));
    else if ((m = CTX.exec(name)) && ctxOf(geo, +m[1])) out.set(name, { ...above(ctxOf(geo, +m[1])), share: `ctx:${m[1]}` });
    else if ((m = HCTX.exec(name)) && geo.hctxs?.[+m[1]]) out.set(name, badged(above(geo.hctxs[+m[1]]), geo.hctxs[+m[1]], geo.font));
    else if (name === 'dd->lock' && geo.elv) out.set(name, above(geo.elv, 'end', false));
    else if (name === 'q->requeue_lock' && geo.requeue) out.set(name, above(geo.requeue, 'end', false));
    // kyber: each hctx's lock over its column of the scheduler's lane, each ctx's domain queues over its ctx.
    else if ((m = KHD.exec(name)) && geo.elv && hctxNumbered(geo, +m[1])) {
      const h = hctxNumbered(geo, +m[1]);
      out.set(name, above(geo.elv, 'end', true, h.x, h.w));
    } else if ((m = KCQ.exec(name)) && ctxOf(geo, hctxNumbered(geo, +m[1])?.cpus?.[+m[2]])) {
      const cpu = hctxNumbered(geo, +m[1]).cpus[+m[2]];
      out.set(name, { ...above(ctxOf(geo, cpu), 'start'), share: `ctx:${cpu}` });
    } else if (name === GRANT_TABLE && geo.dom0) out.set(name, { ...room(geo.dom0.lock, 'end'), short: SHORT.get(name) });
    else if (name === XEN_FLUSH && geo.dom0) out.set(name, { ...room(geo.dom0.flushLock, 'end'), short: SHORT.get(name) });
    else if ((m = BLKIF.exec(name)) && threadOf(geo, +m[1])) out.set(name, room(threadOf(geo, +m[1]).lock, 'start'));
  }
  return shareEdges(out);
}

/**
 * Several 7.0 devices: device d's locks are the one-device names with its disk's in front ("nullb1
 * dd->lock"; nullb0's have none), each placed on its own device's part of the layout.
 */
function deviceLockPlaces(geo, names) {
  const out = new Map();
  geo.devices.forEach((dev, d) => {
    const prefix = d === 0 ? '' : `${dev.name} `;
    const own = names.filter(n => (d === 0 ? !DEVICE.test(n) : n.startsWith(prefix)));
    for (const [name, p] of lockPlaces({ ...dev, devices: undefined }, own.map(n => n.slice(prefix.length)))) out.set(prefix + name, p);
  });
  return out;
}

/**
 * Tabs over one ctx (its ctx[N]->lock and kyber's kcq locks of it) split its top edge between them,
 * kcq tabs from the left, the ctx's own lock at the right: on 16 narrow ctx boxes they would overlap.
 */
function shareEdges(out) {
  const groups = new Map();
  for (const [name, p] of out) {
    if (!p.share) continue;
    if (!groups.has(p.share)) groups.set(p.share, []);
    groups.get(p.share).push(name);
  }
  for (const names of groups.values()) {
    if (names.length < 2) continue;
    names.sort((a, b) => (out.get(a).align === 'end') - (out.get(b).align === 'end') || a.localeCompare(b));
    const { x, w } = out.get(names[0]);
    const share = w / names.length;
    names.forEach((name, i) => out.set(name, { ...out.get(name), x: x + i * share, w: share - (i < names.length - 1 ? 2 : 0) }));
  }
  return out;
}

/**
 * A box with a STOPPED badge on its top edge (the request_queue, an hctx): a tab reaching left of
 * clearX would cover the badge, so it is lifted above it by lift (not for a badge inside its box).
 */
const badged = (p, b, font) => {
  if (b.badgeInside !== undefined) return p;
  const badge = edgeBadge(b, font);
  return { ...p, clearX: badge.x + badge.w + 4, lift: font / 2 + 4 };
};

/** A room the layout kept for a lock inside a box (dom0's row), never the brief icon: the room is its own. */
const room = (r, align) => ({ ...r, side: 'inside', align, brief: false });

const threadOf = (geo, ring) => geo.dom0?.cpus.flatMap(c => c.threads).find(t => t.ring === ring) ?? null;

/** kyber's khd[N] and kcq[N.i] name an hctx by its number, which several devices number across them. */
const hctxNumbered = (geo, n) => geo.hctxs?.find(h => h.hctx === n) ?? null;

/** A CPU's ctx; a ctx[N] lock names its CPU, and several devices number each one's ctxs (devices.js). */
const ctxOf = (geo, cpu) => (cpu === undefined ? null : geo.ctxs?.find(c => c.ctx === ctxNumber(geo.topology, geo.disk ?? 0, cpu)) ?? null);
