// mq-deadline's batch on each 7.0 scheduler lane (elv:N), as block/mq-deadline.c keeps it: dd->last_dir,
// dd->batching (the place of the last request in its one-direction batch, 1 to fifo_batch), dd->starved
// (read batches started while writes waited, at most writes_starved) and per_prio->latest_pos[], plus
// dd->dispatch (requeued requests, served before any batch). A seek takes it from the server's snapshot,
// which has it from the model; stepping moves it on from the stream: a dispatch's count is its batching,
// and a batch that starts (count 1) as a read while writes wait is one more starvation, as a write none.
// golden-streams.test.js holds the two to each other at every state of the mq-deadline fixtures.
// Pure: state.js calls it on its own copy.

export const FIFO_BATCH = 16;
export const WRITES_STARVED = 2;
export const DIRECTIONS = Object.freeze(['read', 'write']);

/** mq-deadline's data direction: a write is DD_WRITE, every other request DD_READ. */
export const directionOf = rwbs => ((rwbs || '').includes('W') ? 'write' : 'read');

/** dd_init_sched(): last_dir DD_WRITE, no batch, nothing starved, both latest_pos at sector 0. */
const fresh = () => ({ lastDir: 'write', batching: 0, starved: 0, latestPos: [0, 0], dispatch: [] });

function lane(lanes, elv) {
  if (!lanes[elv]) lanes[elv] = fresh();
  return lanes[elv];
}

export function cloneDeadline(lanes = {}) {
  const out = {};
  for (const [elv, l] of Object.entries(lanes)) out[elv] = { ...l, latestPos: l.latestPos.slice(), dispatch: l.dispatch.slice() };
  return out;
}

/** The snapshot's lanes (absent before mq-deadline's first dispatch): the model's own batch. */
export function deadlineFromSnapshot(entries) {
  const out = {};
  for (const e of entries || []) {
    out[e.elv] = { lastDir: e.lastDir, batching: e.batching, starved: e.starved, latestPos: e.latestPos.slice(), dispatch: e.dispatch.slice() };
  }
  return out;
}

/**
 * One transition's effect: the requeue work's I into elv:N puts the request at the head of dd->dispatch;
 * dd_dispatch_request() sets latest_pos of the request's direction and, for a batch's request, the batch.
 * {@code queued(place)} gives the requests at a place (the lane, after this move).
 */
export function deadlineEffects(lanes, t, queued) {
  if (t.fn === 'dd_insert_request' && t.from?.startsWith('requeue:')) { lane(lanes, t.to).dispatch.unshift(t.req); return; }
  if (t.fn !== 'dd_dispatch_request') return;
  const l = lane(lanes, t.from);
  l.dispatch = l.dispatch.filter(id => id !== t.req);
  const dir = directionOf(t.rwbs);
  l.latestPos[DIRECTIONS.indexOf(dir)] = t.sector;
  if (!(t.count >= 1)) return;
  if (t.count === 1) {
    // __dd_dispatch_request() chose a direction: writes are starved once more, or served and starved no more.
    if (dir === 'write') l.starved = 0;
    else if (waiting(l, queued(t.from)).write.length) l.starved++;
  }
  l.lastDir = dir;
  l.batching = t.count;
}

/** The requests in each direction's FIFO: the lane's requests but those on dd->dispatch. */
function waiting(l, items) {
  const out = { read: [], write: [] };
  for (const it of items) if (it.type === 'req' && !l.dispatch.includes(it.id)) out[directionOf(it.rwbs)].push(it);
  return out;
}

/**
 * The direction __dd_dispatch_request() serves next, as it would decide now: dd->dispatch's head first
 * ({@code fromDispatch}), else the batch goes on while it is under fifo_batch and its direction has a
 * request at or after latest_pos, else reads unless writes wait and have been starved writes_starved
 * times, else writes; 'none' with nothing queued. The page marks it on that direction's list.
 */
export function nextDirection(l, items) {
  const reqs = items.filter(it => it.type === 'req');
  if (!l) l = fresh();
  const head = l.dispatch.map(id => reqs.find(r => r.id === id)).find(Boolean);
  if (head) return { dir: directionOf(head.rwbs), fromDispatch: true };
  const q = waiting(l, reqs);
  const pos = l.latestPos[DIRECTIONS.indexOf(l.lastDir)];
  if (l.batching < FIFO_BATCH && q[l.lastDir].some(r => r.sector >= pos)) return { dir: l.lastDir, fromDispatch: false };
  if (q.read.length) return { dir: q.write.length && l.starved >= WRITES_STARVED ? 'write' : 'read', fromDispatch: false };
  return { dir: q.write.length ? 'write' : 'none', fromDispatch: false };
}

/**
 * What the lane shows: the batch ('none' before the first dispatch), how far it is, the starvation
 * count, and the hooks' values (data-batch-dir, data-batch-count, data-writes-starved).
 */
export function batchView(l) {
  const dir = l && l.batching > 0 ? l.lastDir : 'none';
  const count = dir === 'none' ? 0 : l.batching;
  const starved = l ? l.starved : 0;
  return {
    dir, count, starved,
    batch: dir === 'none' ? '' : `${dir} batch ${count} / ${FIFO_BATCH}`,
    starvedText: starved > 0 ? `writes starved ${starved} / ${WRITES_STARVED}` : '',
  };
}

/**
 * The lane's line for a view, longest first, for fitText: "read batch 3 / 16 · writes starved 1 / 2",
 * then "R 3/16 · W starved 1/2", then its first part; empty before the first dispatch.
 */
export function batchLines(v) {
  const long = [v.batch, v.starvedText].filter(Boolean);
  const short = [v.dir === 'none' ? '' : `${v.dir[0].toUpperCase()} ${v.count}/${FIFO_BATCH}`,
    v.starved ? `W starved ${v.starved}/${WRITES_STARVED}` : ''].filter(Boolean);
  return [long.join(' · '), short.join(' · '), short[0] ?? ''];
}

/** The longest line a lane can show (a write batch's last request, writes starved to the limit): the room kept for it. */
export const BATCH_WIDEST = batchLines(batchView({ lastDir: 'write', batching: FIFO_BATCH, starved: WRITES_STARVED }))[0];
