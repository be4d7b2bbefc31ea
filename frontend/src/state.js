// The browser's copy of where every live bio and request is, rebuilt only from the server's messages.
// A port of the server's one tracker (transition/SnapshotTracker.java, behind the model's snapshots
// and a replayed trace's): golden-streams.test.js replays the server's golden streams, a trace replay
// among them, through it and compares it with the server's snapshots, so keep the two rules alike.
// Like the server's it takes trace replays, which may start mid-flight: a move of an id never seen
// starts that item where the move says.
// applyTransition is pure: it returns a new state and never touches the one it was given.
// applyTransitions clones once per batch, so a burst of thousands of transitions costs one copy.
import { emptyHistogram } from './histogram.js';
import { emptyCounters, count, recordLatency, sampleTimeline } from './tallies.js';
import { initialBlkback, blkbackFromSnapshot, cloneBlkback, blkbackEffects } from './blkback.js';
import { hctxTotal, hctxOnDevice, tagSetHctxs } from './devices.js';
import { deadlineEffects, deadlineFromSnapshot, cloneDeadline } from './deadline-batch.js';

export { countCompletion } from './tallies.js';

// Moves of a bio: they may name the request the bio joins, but the bio is what moves.
// 7.0's X (split) shrinks the bio it names to the remainder; the split-off piece first shows at its G.
export const BIO_KINDS = new Set(['queue', 'getrq', 'split', 'sleeprq', 'wake', 'backmerge', 'frontmerge', 'bio_end']);

// Moves of a request (not its allocation, a merge or its end): the first takes its bio inside.
const REQUEST_MOVES = new Set(['plug', 'insert', 'flush_ctx', 'elv_dispatch', 'issue', 'queue_rq', 'requeue',
  'complete', 'ipi', 'rq_merge']);

export const key = (type, id) => `${type}:${id}`;

export function initialState(loaded) {
  // A replayed trace is drawn with only the CPUs it used, under their own numbers.
  const topo = loaded.trace?.cpus?.length ? { ...loaded.topology, shown: loaded.trace.cpus } : loaded.topology;
  return {
    scenario: loaded.scenario,
    topology: topo,
    link: loaded.link,
    step: 0,
    t: 0,
    items: new Map(),
    places: new Map(),
    // Several 7.0 devices: every device's hctxs, numbered across them (devices.js).
    hctxs: Array.from({ length: hctxTotal(topo) }, (_, i) => ({
      hctx: i, stopped: false, tagsUsed: 0, driverTags: 0, depth: topo.queueDepth, dispatched: 0, runs: 0,
      // A shared tag set's part (the snapshot's active, users, share): see tagBusy.
      ...(topo.sharedTags ? { active: false, users: 0, share: 0 } : {}),
    })),
    counters: emptyCounters(),
    q2c: emptyHistogram(),
    d2c: emptyHistogram(),
    throughput: { width: 1000, bins: [] },
    timeline: { every: 1, samples: [] },
    // Each modelled lock, as the stream shows it (LockHolders.java applies the same three rules).
    locks: new Map((loaded.locks || []).map(name => [name, { holder: -1, spinners: [] }])),
    // xen-blkback's threads and dom0's vCPUs (blkback.js); null for other drivers.
    blkback: initialBlkback(loaded.scenario, topo),
    // 7.0 mq-deadline's batch per scheduler lane, by elv:N (deadline-batch.js); none until its first dispatch.
    deadline: {},
  };
}

/** Builds the state a seek or a load lands on from the server's snapshot (counters start afresh). */
export function fromSnapshot(loaded, stateMsg) {
  const s = initialState(loaded);
  s.step = stateMsg.step;
  s.t = stateMsg.t;
  const snap = stateMsg.snapshot || { items: [], hctxs: [] };
  for (const it of snap.items) {
    const item = {
      type: it.type, id: it.id, place: it.place, cpu: it.cpu, sector: it.sector, sectors: it.sectors,
      rwbs: it.rwbs, tag: it.tag ?? -1, req: it.req ?? -1, hctx: -1, ctx: -1, comm: null,
      bios: it.bios ? [...it.bios] : [], times: {}, tagHctx: it.hctx ?? -1, dev: it.dev ?? -1,
    };
    s.items.set(key(it.type, it.id), item);
    listOf(s, it.place).push(key(it.type, it.id));
  }
  for (const h of snap.hctxs || []) Object.assign(s.hctxs[h.hctx], h);
  for (const l of stateMsg.locks || []) s.locks.set(l.lock, { holder: l.holder, spinners: [...l.spinners] });
  if (s.step > 0) s.blkback = blkbackFromSnapshot(loaded.scenario, s.topology, snap.dom0);
  s.deadline = deadlineFromSnapshot(snap.deadline);
  return s;
}

export function cloneState(s) {
  const items = new Map();
  for (const [k, v] of s.items) items.set(k, { ...v, bios: v.bios.slice(), times: { ...v.times } });
  const places = new Map();
  for (const [k, v] of s.places) places.set(k, v.slice());
  return {
    ...s, items, places,
    hctxs: s.hctxs.map(h => ({ ...h })),
    counters: { ...s.counters },
    q2c: { ...s.q2c, buckets: s.q2c.buckets.slice() },
    d2c: { ...s.d2c, buckets: s.d2c.buckets.slice() },
    throughput: { width: s.throughput.width, bins: s.throughput.bins.slice() },
    timeline: { every: s.timeline.every, samples: s.timeline.samples.slice() },
    locks: new Map([...s.locks].map(([k, v]) => [k, { holder: v.holder, spinners: v.spinners.slice() }])),
    blkback: cloneBlkback(s.blkback),
    deadline: cloneDeadline(s.deadline),
  };
}

export function applyTransition(state, t) {
  return applyTransitions(state, [t]);
}

export function applyTransitions(state, ts) {
  const s = cloneState(state);
  for (const t of ts) applyInPlace(s, t);
  return s;
}

function applyInPlace(s, t) {
  s.step = t.seq + 1;
  s.t = t.t;
  count(s, t);
  const created = movingItem(s, t);
  const moving = created.item;
  if (moving) {
    moving.cpu = moving.cpu >= 0 ? moving.cpu : t.cpu;
    if (t.dev >= 0) moving.dev = t.dev;
    if (moving.type === 'req') showTag(s, moving, t.tag);
    if (moving.type === 'req' && !created.isNew && moving.firstBio >= 0 && REQUEST_MOVES.has(t.kind)) {
      joinFirstBio(s, moving);
    }
    // A trace's D carries the request's size at issue.
    if (t.kind === 'issue' && moving.type === 'req' && t.sectors > 0) { moving.sector = t.sector; moving.sectors = t.sectors; }
    if (t.kind === 'rq_merge' && moving.type === 'req') absorb(s, moving, t);
    if (isMerge(t)) merge(s, moving, t);
    else if (t.kind === 'split') { moving.sector = t.count; moving.sectors = Math.max(0, moving.sectors - Math.max(0, t.sectors)); }
    else if (t.to && t.to !== moving.place) move(s, moving, t.to, t.kind === 'requeue');
    stamp(s, moving, t);
    if (t.kind === 'free' || t.kind === 'bio_end' || leftTheLayer(t)) forget(s, moving);
  } else if (isMerge(t) && t.req >= 0) {
    merge(s, null, t);
  }
  hctxEffects(s, t);
  if (t.lock) lockEffects(s, t);
  blkbackEffects(s.blkback, t);
  deadlineEffects(s.deadline, t, place => itemsAt(s, place));
  sampleTimeline(s);
}

/**
 * lock_contended names the holder and adds a spinner; lock_acquired is the hand-over to that spinner;
 * lock_release leaves the lock free. Uncontended holds are not in the stream, so they are not drawn.
 */
function lockEffects(s, t) {
  let l = s.locks.get(t.lock);
  if (!l) { l = { holder: -1, spinners: [] }; s.locks.set(t.lock, l); }
  if (t.kind === 'lock_contended') { l.holder = t.count; l.spinners.push(t.cpu); }
  else if (t.kind === 'lock_acquired') {
    const i = l.spinners.indexOf(t.cpu);
    if (i >= 0) l.spinners.splice(i, 1);
    l.holder = t.cpu;
  } else if (t.kind === 'lock_release') l.holder = -1;
}

function leftTheLayer(t) {
  return t.to === 'none' && t.from && t.from !== 'none';
}

/** The item a transition moves, and whether this transition made it. */
function movingItem(s, t) {
  // The legacy queue fires G after get_request allocated, naming the request: it exists from then on.
  if (t.kind === 'getrq' && t.req >= 0) return requestOf(s, t);
  if (t.req >= 0 && !BIO_KINDS.has(t.kind)) return requestOf(s, t);
  if (t.bio >= 0) return { item: bioOf(s, t), isNew: false };
  return { item: null, isNew: false };
}

function bioOf(s, t) {
  const k = key('bio', t.bio);
  let bio = s.items.get(k);
  if (!bio && t.kind !== 'bio_end') {
    bio = newItem('bio', t, 'none');
    bio.times.Q = t.t;
    s.items.set(k, bio);
  }
  return bio || null;
}

/**
 * A request is counted against its hctx's tags from allocation to free; in the legacy queue, which
 * has no tags, that is the request pool's use (the server's snapshots count the same).
 */
function requestOf(s, t) {
  const k = key('req', t.req);
  let rq = s.items.get(k);
  if (rq) {
    // 7.0: a cached request (its `cache` move held only a tag) takes its bio at G.
    if (t.kind === 'getrq') takeBio(s, rq, t);
    return { item: rq, isNew: false };
  }
  if (t.kind === 'free') return { item: null, isNew: false };
  rq = newItem('req', t, 'none');
  rq.tagHctx = t.hctx >= 0 ? t.hctx : 0;
  s.items.set(k, rq);
  listOf(s, 'none').push(k);
  if (s.hctxs[rq.tagHctx]) s.hctxs[rq.tagHctx].tagsUsed++;
  takeBio(s, rq, t);
  return { item: rq, isNew: true };
}

/** rq->tag as the move shows it: 7.0 sets it at dispatch under a scheduler and clears it at a requeue. */
function showTag(s, rq, tag) {
  const had = rq.tag >= 0, has = tag >= 0;
  rq.tag = has ? tag : -1;
  if (had !== has && s.hctxs[rq.tagHctx]) s.hctxs[rq.tagHctx].driverTags += has ? 1 : -1;
}

/**
 * The bio a request is made for joins it with the request's next move (blk_mq_bio_to_request);
 * until then it may still merge elsewhere, and its request be freed unused. A split-off piece is first
 * named by its G, which starts it where G puts it.
 */
function takeBio(s, rq, t) {
  if (t.bio < 0) return;
  let bio = s.items.get(key('bio', t.bio));
  if (!bio && t.kind === 'getrq') {
    bio = newItem('bio', t, t.to);
    s.items.set(key('bio', t.bio), bio);
    listOf(s, t.to).push(key('bio', t.bio));
  }
  if (!bio) return;
  rq.firstBio = bio.id;
  if (t.to && t.to !== bio.place) move(s, bio, t.to, false);
  if (t.kind === 'getrq' && t.sectors > 0) { rq.sector = t.sector; rq.sectors = t.sectors; rq.rwbs = t.rwbs; }
  for (const l of ['Q', 'G']) if (bio.times[l] !== undefined) rq.times[l] = bio.times[l];
}

function joinFirstBio(s, rq) {
  const bio = s.items.get(key('bio', rq.firstBio));
  rq.firstBio = -1;
  if (!bio) return;
  removeFrom(s, bio.place, key('bio', bio.id));
  bio.place = 'merged';
  bio.req = rq.id;
  rq.bios.push(bio.id);
}

function newItem(type, t, place) {
  return {
    type, id: type === 'bio' ? t.bio : t.req, place, cpu: t.cpu, sector: t.sector, sectors: t.sectors,
    rwbs: t.rwbs, tag: -1, req: type === 'bio' ? -1 : t.req, hctx: t.hctx, ctx: t.ctx, comm: t.comm,
    pid: t.pid, bios: [], times: {}, firstBio: -1, dev: t.dev ?? -1,
  };
}

/** Queues are FIFO; a requeued request goes back to the head of hctx->dispatch, as the kernel does. */
function move(s, item, to, toHead) {
  const k = key(item.type, item.id);
  removeFrom(s, item.place, k);
  item.place = to;
  if (to.startsWith('hctx:')) item.hctx = Number(to.slice(5));
  if (to.startsWith('ctx:')) item.ctx = Number(to.slice(4));
  const list = listOf(s, to);
  if (toHead) list.unshift(k); else list.push(k);
}

const isMerge = t => t.kind === 'backmerge' || t.kind === 'frontmerge';

/**
 * The request the bio merges into has taken its own first bio by now. A trace's merge of a bio queued
 * before the trace began names no bio (bio null): the request grows all the same.
 */
function merge(s, bio, t) {
  const rq = s.items.get(key('req', t.req));
  if (bio) {
    removeFrom(s, bio.place, key('bio', bio.id));
    bio.place = 'merged';
    bio.req = t.req;
  }
  if (!rq) return;
  if (rq.firstBio >= 0) joinFirstBio(s, rq);
  if (t.kind === 'frontmerge') rq.sector = t.sector;
  if (bio) { if (t.kind === 'backmerge') rq.bios.push(bio.id); else rq.bios.unshift(bio.id); }
  rq.sectors += Math.max(0, t.sectors);
}

/**
 * 7.0's attempt_merge: the absorbed request's bios join the request named by count (after its own),
 * which grows by the absorbed range; the absorbed one goes to 'merged' until its free.
 */
function absorb(s, next, t) {
  const req = s.items.get(key('req', t.count));
  if (!req) return;
  if (req.firstBio >= 0) joinFirstBio(s, req);
  for (const id of next.bios) {
    const bio = s.items.get(key('bio', id));
    if (bio) bio.req = req.id;
    req.bios.push(id);
  }
  next.bios = [];
  req.sectors += Math.max(0, t.sectors);
}

function forget(s, item) {
  const k = key(item.type, item.id);
  removeFrom(s, item.place, k);
  s.items.delete(k);
  if (item.type !== 'req') return;
  if (s.hctxs[item.tagHctx]) s.hctxs[item.tagHctx].tagsUsed--;
  showTag(s, item, -1);
  // A freed request takes any bios not yet ended with it, so nothing lingers in the picture.
  for (const id of item.bios) {
    const bio = s.items.get(key('bio', id));
    if (bio && bio.req === item.id) { removeFrom(s, bio.place, key('bio', id)); s.items.delete(key('bio', id)); }
  }
}

const STAMPS = { getrq: 'G', insert: 'I', issue: 'D', complete: 'C' };

/** G fires on the bio before its request exists (3.16); the request inherits it with Q. */
function stamp(s, item, t) {
  const letter = STAMPS[t.kind];
  if (!letter) return;
  if (item.type === 'bio') { if (letter === 'G') item.times.G = t.t; return; }
  item.times[letter] = t.t;
  if (letter === 'C') recordLatency(s, item, t.t, id => s.items.get(key('bio', id)));
}

function hctxEffects(s, t) {
  const h = s.hctxs[t.hctx];
  if (t.kind === 'stop' && h) h.stopped = true;
  if (t.kind === 'start') {
    if (h) h.stopped = false; else s.hctxs.forEach(x => { x.stopped = false; });
  }
  if (t.kind === 'run_queue' && h) h.runs++;
  if (t.kind === 'tag_busy' && h) tagBusy(s, h, t.count);
  for (const x of s.hctxs) x.dispatched = (s.places.get(`hctx:${x.hctx}`) || []).length;
}

/** hctx_may_queue(): each of a shared set's active queues may hold max(ceil(depth / users), 4) driver tags. */
const fairShare = (depth, users) => Math.max(Math.ceil(depth / users), 4);

/**
 * blk_mq_tag_busy() made hctx h one of its shared set's active queues, `users` of them now: every hctx
 * of the set (each device's hctx of its index) shares among that many. The set's depth is its normal tags.
 */
function tagBusy(s, h, users) {
  h.active = true;
  const depth = s.topology.queueDepth - (s.scenario?.reservedTags ?? 0);
  for (const n of tagSetHctxs(s.topology, hctxOnDevice(s.topology, h.hctx).n)) {
    Object.assign(s.hctxs[n], { users, share: fairShare(depth, users) });
  }
}

export function listOf(s, place) {
  let list = s.places.get(place);
  if (!list) { list = []; s.places.set(place, list); }
  return list;
}

function removeFrom(s, place, k) {
  const list = s.places.get(place);
  if (!list) return;
  const i = list.indexOf(k);
  if (i >= 0) list.splice(i, 1);
}

/** The items at a place in queue order (head first). */
export function itemsAt(s, place) {
  return (s.places.get(place) || []).map(k => s.items.get(k)).filter(Boolean);
}

/**
 * Several 7.0 devices: the device a bio or request is on, as the stream's `dev` last said it (a seek's
 * snapshot carries it too); 0 for one device, whose stream carries none.
 */
export function deviceOf(s, item) {
  return item.dev >= 0 ? item.dev : 0;
}

export function requests(s) {
  return [...s.items.values()].filter(i => i.type === 'req');
}
