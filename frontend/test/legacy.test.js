import { test } from 'node:test';
import assert from 'node:assert/strict';
import { itemSize } from '../src/layout.js';
import { legacyLayout } from '../src/layout-legacy.js';
import { pathFor, highlight, explain, MQ_PATH } from '../src/functions.js';
import { narrate } from '../src/narration.js';
import { notesFor } from '../src/model-notes.js';

const W = 960;
const topo = { cpus: 8, hwQueues: 1, queueDepth: 64, cpuToHctx: [0, 0, 0, 0, 0, 0, 0, 0] };
const inside = (b, o) => b.x >= o.x - 1e-9 && b.y >= o.y - 1e-9 && b.x + b.w <= o.x + o.w + 1e-9 && b.y + b.h <= o.y + o.h + 1e-9;
const overlap = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

test('sq lays out one request queue holding the elevator and the dispatch list, and no ctx or hctx', () => {
  const l = legacyLayout(topo, 'sq', { width: W });
  assert.equal(l.mode, 'sq');
  assert.deepEqual([l.ctxs.length, l.hctxs.length], [0, 0]);
  const keys = [...l.places.keys()];
  assert.ok(keys.includes('elv:0') && keys.includes('dispatch:0') && keys.includes('tagwait:0'));
  assert.ok(!keys.some(k => k.startsWith('ctx:') || k.startsWith('hctx:')));
  for (const p of ['elv:0', 'dispatch:0', 'tagwait:0']) assert.ok(inside(l.places.get(p), l.queue), p);
  assert.ok(!overlap(l.places.get('elv:0'), l.places.get('dispatch:0')));
  assert.ok(l.places.get('elv:0').x < l.places.get('dispatch:0').x, 'the elevator feeds the dispatch list left to right');
  assert.ok(l.cpus[0].y + l.cpus[0].h < l.queue.y && l.queue.y + l.queue.h < l.driver.y && l.driver.y < l.device.y);
  assert.equal(l.cpus.length, 8);
});

test('bio mode has CPUs, the driver and the device, and nothing between them', () => {
  const l = legacyLayout({ ...topo, cpus: 4 }, 'bio', { width: W });
  assert.equal(l.queue, undefined);
  assert.deepEqual([...l.places.keys()].filter(k => !/^(task|plug):/.test(k)).sort(), ['device:0', 'done', 'driver:0']);
  const all = { x: 0, y: 0, w: W, h: l.height };
  [...l.cpus, l.driver, l.device, l.done].forEach(b => assert.ok(inside(b, all), JSON.stringify(b)));
  assert.ok(itemSize(l).labelled, 'four CPUs on 960 pixels have room for labelled requests');
});

test('the sq path runs from generic_make_request through the elevator to __blk_put_request', () => {
  const p = pathFor({ mode: 'sq' }).map(s => s.fn);
  assert.equal(p[0], 'generic_make_request');
  assert.equal(p.at(-1), '__blk_put_request');
  const order = ['blk_queue_bio', 'blk_attempt_plug_merge', 'elv_merge', 'get_request', '__elv_add_request',
    '__blk_run_queue', 'request_fn', 'blk_peek_request', 'blk_start_request', 'blk_update_request'].map(f => p.indexOf(f));
  assert.ok(order.every(i => i >= 0), String(order));
  assert.deepEqual(order, [...order].sort((a, b) => a - b));
});

test('functions the sq stream names light their step; the elevator dispatch lights blk_peek_request', () => {
  const p = pathFor({ mode: 'sq', scheduler: 'deadline' });
  assert.equal(highlight('noop_dispatch', p), 'blk_peek_request');
  assert.equal(highlight('deadline_dispatch_requests', p), 'blk_peek_request');
  assert.equal(highlight('null_request_fn', p), 'request_fn');
  assert.equal(highlight('__freed_request', p), '__blk_put_request');
  assert.equal(highlight('blk_mq_start_request', p), null, 'blk-mq functions are off the legacy path');
  assert.match(explain('get_request', p), /after the allocation/);
});

test('xen-blkfront splices its request_fn, ring and interrupt functions into both paths', () => {
  const sq = pathFor({ mode: 'sq', device: { driver: 'xen-blkfront' } }).map(s => s.fn);
  assert.ok(!sq.includes('request_fn'));
  assert.ok(sq.indexOf('do_blkif_request') < sq.indexOf('blkif_queue_request'));
  assert.ok(sq.indexOf('blkif_interrupt') < sq.indexOf('kick_pending_request_queues'));
  assert.ok(sq.indexOf('kick_pending_request_queues') < sq.indexOf('blk_update_request'));
  const mq = pathFor({ mode: 'mq', device: { driver: 'xen-blkfront' } });
  assert.ok(mq.some(s => s.fn === 'blkif_queue_rq') && !mq.some(s => s.fn === 'queue_rq'));
  assert.equal(highlight('blkif_queue_request', mq), 'blkif_queue_rq');
  assert.equal(highlight('blk_start_queue', pathFor({ mode: 'sq', device: { driver: 'xen-blkfront' } })), 'kick_pending_request_queues');
  assert.equal(pathFor({ mode: 'mq' }), MQ_PATH);
});

test('the bio path is three steps and bio_endio is on it', () => {
  const p = pathFor({ mode: 'bio' });
  assert.deepEqual(p.map(s => s.fn), ['generic_make_request', 'null_queue_bio', 'bio_endio']);
  assert.equal(highlight('generic_make_request_checks', p), 'generic_make_request');
  assert.equal(highlight('bio_endio', p), 'bio_endio');
});

const tr = f => ({ seq: 1, t: 0, cpu: 1, pid: 9, comm: 'fio', bio: 3, req: 7, ctx: 1, hctx: 0, tag: -1,
  sector: 64, sectors: 8, rwbs: 'R', action: null, count: -1, ...f });

test('legacy narration says what the elevator, make_request and xen-blkfront do, and why', () => {
  assert.match(narrate(tr({ kind: 'elv_dispatch', fn: 'noop_dispatch' })), /elevator hands request 7 to the dispatch list.*scheduler decides/);
  assert.match(narrate(tr({ kind: 'make_request', fn: 'null_queue_bio' })), /bio 3 directly.*only Q/);
  assert.match(narrate(tr({ kind: 'make_request', fn: 'other_make_request' })), /straight to the driver/);
  assert.match(narrate(tr({ kind: 'queue_rq', fn: 'blkif_queue_request' })), /ring.*slot/);
  assert.match(narrate(tr({ kind: 'run_queue', fn: 'do_blkif_request' })), /io_lock held/);
  assert.match(narrate(tr({ kind: 'getrq', fn: 'get_request', action: 'G' })), /allocates request 7 .*after the allocation/);
  assert.match(narrate(tr({ kind: 'sleeprq', fn: 'get_request', action: 'S' })), /pool empty|request pool empty/);
  assert.match(narrate(tr({ kind: 'getrq', fn: 'blk_mq_map_request', action: 'G' })), /before allocating/, 'mq keeps its words');
});

test('model notes per mode: the mode\'s own first, the shared ones after', () => {
  const sq = notesFor({ mode: 'sq' });
  assert.match(sq[0], /D is traced once the prep function/);
  assert.ok(sq.some(n => /cfq/.test(n)));
  assert.ok(sq.some(n => /physical segment/.test(n)));
  assert.ok(notesFor({ mode: 'bio' })[0].includes('only Q'));
  assert.ok(notesFor({ mode: 'mq', device: { driver: 'xen-blkfront' } }).some(n => /shadow copy/.test(n)));
  assert.ok(!notesFor({ mode: 'mq' }).some(n => /shadow copy/.test(n)));
  const k70 = notesFor({ mode: 'mq', kernel: '7.0' });
  assert.ok(k70[0].startsWith('Linux 7.0 mode'));
  // Cached requests, batched tags (rules 13-14) and splits (rule 40) are modelled: the notes must not deny it.
  assert.ok(!/Not modelled:[^.(]*(cached requests|batched tags|splits)/.test(k70[0]), k70[0]);
  assert.ok(k70.some(n => n.startsWith('Modelling choice: a softirq')), 'unverified behaviour is marked');
  assert.ok(!k70.some(n => /own cache domain/.test(n)), '7.0 shares the LLC within a node');
  assert.ok(!notesFor({ mode: 'mq' }).some(n => /Linux 7.0/.test(n)));
});

test('on the legacy queue G names the request: it exists from G on, takes its bio with its first move, to the elevator', async () => {
  const { initialState, applyTransitions, itemsAt } = await import('../src/state.js');
  const loaded = { scenario: { mode: 'sq' }, topology: { cpus: 1, hwQueues: 1, queueDepth: 64, cpuToHctx: [0] } };
  const base = { seq: 0, t: 0, cpu: 0, pid: 1, comm: 'fio', bio: 0, req: -1, ctx: 0, hctx: 0, tag: -1, sector: 8, sectors: 8, rwbs: 'R', count: -1 };
  const s1 = applyTransitions(initialState(loaded), [
    { ...base, kind: 'queue', action: 'Q', from: 'none', to: 'task:0' },
    { ...base, seq: 1, t: 5, kind: 'getrq', action: 'G', req: 0, from: 'none', to: 'task:0' },
  ]);
  assert.deepEqual(itemsAt(s1, 'task:0').map(i => `${i.type}:${i.id}`), ['bio:0', 'req:0']);
  assert.deepEqual(s1.items.get('req:0').bios, [], 'the bio joins with the request\'s next move, as on the server');
  assert.equal(s1.items.get('req:0').times.G, 5);
  assert.equal(s1.hctxs[0].tagsUsed, 1, 'the legacy pool counts allocated requests');
  const s2 = applyTransitions(s1, [{ ...base, seq: 2, kind: 'insert', action: 'I', bio: -1, req: 0, from: 'task:0', to: 'elv:0' },
    { ...base, seq: 3, kind: 'elv_dispatch', bio: -1, req: 0, from: 'elv:0', to: 'dispatch:0' }]);
  assert.deepEqual(itemsAt(s2, 'dispatch:0').map(i => i.id), [0]);
  assert.deepEqual(s2.items.get('req:0').bios, [0]);
  assert.equal(s2.items.get('bio:0').place, 'merged');
  assert.deepEqual(itemsAt(s2, 'elv:0'), []);
  assert.deepEqual(itemsAt(s2, 'task:0'), []);
});
