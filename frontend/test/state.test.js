import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialState, applyTransition, applyTransitions, fromSnapshot, itemsAt, key } from '../src/state.js';
import { loaded, stream } from './stream.js';

const run = ts => applyTransitions(initialState(loaded()), ts);

test('two sync reads end where the stream left them, queues in FIFO order', () => {
  const s = stream().syncRead(0, 0, 0, 0, 0).syncRead(1, 1, 1, 800, 1).add('flush_ctx', null,
    { req: 0, tag: 0, from: 'ctx:0', to: 'hctx:0' }).add('flush_ctx', null,
    { req: 1, tag: 1, cpu: 1, from: 'ctx:1', to: 'hctx:0' }).out;
  const st = run(s);
  assert.deepEqual(itemsAt(st, 'hctx:0').map(r => r.id), [0, 1]);
  assert.equal(st.items.get(key('req', 1)).place, 'hctx:0');
  assert.equal(st.hctxs[0].tagsUsed, 2);
  assert.equal(st.step, s.length);
});

test('applyTransition leaves the state it was given untouched', () => {
  const s = stream().syncRead(0, 0).out;
  const before = run(s.slice(0, 3));
  const after = applyTransition(before, s[3]);
  assert.equal(before.items.get(key('req', 0)).place, 'task:0');
  assert.equal(after.items.get(key('req', 0)).place, 'ctx:0');
});

test('a requeued request goes back to the head of hctx:N, and the counter says so', () => {
  const b = stream().syncRead(0, 0).syncRead(1, 1, 0, 8, 1);
  b.add('flush_ctx', null, { req: 0, tag: 0, from: 'ctx:0', to: 'hctx:0' });
  b.add('flush_ctx', null, { req: 1, tag: 1, from: 'ctx:0', to: 'hctx:0' });
  b.add('issue', 'D', { req: 0, tag: 0, from: 'hctx:0', to: 'driver:0' });
  b.add('requeue', 'R', { req: 0, tag: 0, from: 'driver:0', to: 'hctx:0' });
  const st = run(b.out);
  assert.deepEqual(itemsAt(st, 'hctx:0').map(r => r.id), [0, 1]);
  assert.equal(st.counters.requeues, 1);
  assert.equal(itemsAt(st, 'driver:0').length, 0);
});

test('a back-merged bio disappears into its request, which grows', () => {
  const b = stream().syncRead(0, 0, 0, 0);
  b.add('queue', 'Q', { bio: 1, sector: 8, to: 'task:0' });
  b.add('backmerge', 'M', { bio: 1, req: 0, sector: 8, from: 'task:0', to: 'merged' });
  const st = run(b.out);
  const rq = st.items.get(key('req', 0));
  assert.deepEqual(rq.bios, [0, 1]);
  assert.equal(rq.sectors, 16);
  assert.equal(st.items.get(key('bio', 1)).place, 'merged');
  assert.equal(itemsAt(st, 'task:0').filter(i => i.type === 'bio').length, 0, 'both bios travel inside request 0');
  assert.equal(st.items.get(key('bio', 0)).place, 'merged');
  assert.equal(st.counters.backMerges, 1);
});

test('a front merge moves the request start back to the bio', () => {
  const b = stream().syncRead(0, 0, 0, 16);
  b.add('queue', 'Q', { bio: 1, sector: 8, to: 'task:0' });
  b.add('frontmerge', 'F', { bio: 1, req: 0, sector: 8, from: 'task:0', to: 'merged' });
  const rq = run(b.out).items.get(key('req', 0));
  assert.equal(rq.sector, 8);
  assert.deepEqual(rq.bios, [1, 0]);
});

test('complete then free removes the request, returns its tag, and records Q/G/I/D/C', () => {
  const b = stream().syncRead(0, 0).dispatch(0);
  const beforeFinish = run(b.out);
  const times = { ...beforeFinish.items.get(key('req', 0)).times };
  b.finish(0, [0]);
  const st = run(b.out);
  assert.equal(st.items.size, 0);
  assert.equal(st.hctxs[0].tagsUsed, 0);
  assert.equal(st.counters.completed, 1);
  assert.equal(st.q2c.count, 1);
  assert.deepEqual(Object.keys(times).sort(), ['D', 'G', 'I', 'Q']);
  for (const list of st.places.values()) assert.equal(list.length, 0);
});

test('stop and start flip the hctx STOPPED flag', () => {
  const b = stream().add('stop', null, { hctx: 0 });
  assert.equal(run(b.out).hctxs[0].stopped, true);
  b.add('start', null, { hctx: -1 });
  assert.equal(run(b.out).hctxs[0].stopped, false);
});

test('fromSnapshot puts every item where the snapshot says, in order', () => {
  const msg = { type: 'state', step: 42, t: 9000, snapshot: {
    items: [
      { type: 'req', id: 3, place: 'hctx:0', cpu: 1, sector: 0, sectors: 8, rwbs: 'W', tag: 2, req: 3, bios: [5] },
      { type: 'req', id: 4, place: 'hctx:0', cpu: 0, sector: 8, sectors: 8, rwbs: 'W', tag: 1, req: 4, bios: [6] },
      { type: 'bio', id: 7, place: 'task:1', cpu: 1, sector: 64, sectors: 8, rwbs: 'W', tag: -1, req: -1, bios: [] },
    ],
    hctxs: [{ hctx: 0, stopped: true, tagsUsed: 2, depth: 4, dispatched: 2 }] } };
  const st = fromSnapshot(loaded(), msg);
  assert.equal(st.step, 42);
  assert.deepEqual(itemsAt(st, 'hctx:0').map(r => r.id), [3, 4]);
  assert.equal(st.hctxs[0].stopped, true);
  assert.equal(itemsAt(st, 'task:1')[0].type, 'bio');
  // and transitions go on from there
  const next = applyTransition(st, { seq: 42, t: 9100, kind: 'issue', action: 'D', cpu: 0, req: 3, bio: -1,
    tag: 2, hctx: 0, from: 'hctx:0', to: 'driver:0' });
  assert.deepEqual(itemsAt(next, 'hctx:0').map(r => r.id), [4]);
});

test('completion counts stay within 200 bins however long the run', async () => {
  const { countCompletion } = await import('../src/state.js');
  const tp = { width: 1000, bins: [] };
  for (let t = 0; t < 5_000_000; t += 1000) countCompletion(tp, t);
  assert.ok(tp.bins.length <= 200);
  assert.equal(tp.bins.reduce((a, n) => a + n, 0), 5000);
  assert.ok(tp.width > 1000);
});

test('locks: contended names the holder and queues the spinner, acquired hands over, release frees; pure', () => {
  const l = { ...loaded(3, 1, [0, 0, 0]), locks: ['queue_lock'] };
  const lock = (seq, kind, cpu, count) => ({ seq, t: seq, kind, fn: 'spin_lock_irq', action: null, cpu, pid: -1,
    bio: -1, req: -1, ctx: -1, hctx: -1, tag: -1, from: 'none', to: 'none', count, lock: 'queue_lock' });
  const s0 = initialState(l);
  assert.deepEqual(s0.locks.get('queue_lock'), { holder: -1, spinners: [] });
  const s1 = applyTransitions(s0, [lock(0, 'lock_contended', 1, 0), lock(1, 'lock_contended', 2, 0)]);
  assert.deepEqual(s1.locks.get('queue_lock'), { holder: 0, spinners: [1, 2] });
  assert.deepEqual(s0.locks.get('queue_lock'), { holder: -1, spinners: [] }, 'the old state is untouched');
  const s2 = applyTransition(s1, lock(2, 'lock_acquired', 1, 220));
  assert.deepEqual(s2.locks.get('queue_lock'), { holder: 1, spinners: [2] });
  const s3 = applyTransitions(s2, [lock(3, 'lock_acquired', 2, 400), lock(4, 'lock_release', 2, -1)]);
  assert.deepEqual(s3.locks.get('queue_lock'), { holder: -1, spinners: [] });
  const landed = fromSnapshot(l, { step: 2, t: 2, snapshot: { items: [], hctxs: [] },
    locks: [{ lock: 'queue_lock', holder: 1, spinners: [2] }] });
  assert.deepEqual(landed.locks.get('queue_lock'), s2.locks.get('queue_lock'), 'a seek lands on the same picture');
});

test('an absorbed request (rq_merge) hands its bios and sectors to the request named by count, then only frees', () => {
  const b = stream().syncRead(0, 0, 0, 0, 0).syncRead(1, 1, 0, 8, 1);
  b.add('rq_merge', 'M', { req: 1, tag: 1, sector: 8, sectors: 8, from: 'ctx:0', to: 'merged', count: 0 });
  const merged = run(b.out);
  const rq = merged.items.get(key('req', 0));
  assert.deepEqual(rq.bios, [0, 1]);
  assert.equal(rq.sectors, 16);
  assert.equal(merged.items.get(key('bio', 1)).req, 0);
  assert.deepEqual(itemsAt(merged, 'ctx:0').map(r => r.id), [0], 'the absorbed request is gone from its queue');
  assert.equal(merged.counters.backMerges, 1);
  b.add('free', null, { req: 1, tag: 1, from: 'merged', to: 'none' });
  const freed = run(b.out);
  assert.equal(freed.items.has(key('req', 1)), false);
  assert.equal(freed.items.get(key('bio', 1)).req, 0, 'its bio lives on in request 0');
  assert.equal(freed.hctxs[0].tagsUsed, 1);
});
