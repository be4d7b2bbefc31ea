// Figure 1 under Linux 7.0: the scheduler lane's lists and domains, the two tag bars, poll hctxs and
// NUMA boxes, as pure geometry (layout.js, layout-sched.js, layout-numa.js, lock-places.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layout } from '../src/layout.js';
import { deadlineLists, kyberQueues, tokensHeld, domainOf, schedSlots, DOMAINS } from '../src/layout-sched.js';
import { lockPlaces } from '../src/lock-places.js';
import { cpusOf } from '../src/layout-numa.js';

const overlap = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (b, o) => b.x >= o.x - 1e-9 && b.y >= o.y - 1e-9 && b.x + b.w <= o.x + o.w + 1e-9 && b.y + b.h <= o.y + o.h + 1e-9;
const pairsDisjoint = (boxes, what) => boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b =>
  assert.ok(!overlap(a, b), `${what}: ${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`)));
const size = { w: 31, h: 18, labelled: true };

test('mq-deadline: a read list and a write list side by side inside the lane, and two tag bars per hctx', () => {
  for (const width of [1024, 1440, 400]) {
    const l = layout({ cpus: 2, hwQueues: 1, cpuToHctx: [0, 0] }, { width, font: 12, scheduler: 'mq-deadline' });
    assert.deepEqual(l.sched.lists.map(x => x.dir), ['read', 'write']);
    l.sched.lists.forEach(x => { assert.ok(inside(x, l.elv), `${width}: ${x.dir} inside the lane`); assert.ok(inside(x.items, x)); });
    assert.ok(!overlap(l.sched.lists[0], l.sched.lists[1]));
    const h = l.hctxs[0];
    assert.ok(h.driverTags && h.tags.y + h.tags.h <= h.driverTags.y, 'the driver tags under the scheduler tags');
    assert.ok(inside(h.driverTags, h), 'inside the hctx box');
  }
  assert.equal(layout({ cpus: 2, hwQueues: 2, cpuToHctx: [0, 1] }, { width: 1024, font: 12, scheduler: 'none' }).hctxs[0].driverTags, undefined,
    'no scheduler: one bar, of driver tags');
});

test('deadline lists: each direction in sector order, numbered by FIFO order within its direction', () => {
  const items = [
    { key: 'req:1', rwbs: 'W', sector: 900 }, { key: 'req:2', rwbs: 'R', sector: 500 },
    { key: 'req:3', rwbs: 'R', sector: 100 }, { key: 'req:4', rwbs: 'WS', sector: 300 }, { key: 'req:5', rwbs: 'RA', sector: 700 },
  ];
  const l = deadlineLists(items);
  assert.deepEqual(l.read.map(r => [r.key, r.fifo]), [['req:3', 2], ['req:2', 1], ['req:5', 3]]);
  assert.deepEqual(l.write.map(r => [r.key, r.fifo]), [['req:4', 2], ['req:1', 1]]);
  const geo = layout({ cpus: 2, hwQueues: 1, cpuToHctx: [0, 0] }, { width: 1024, font: 12, scheduler: 'mq-deadline' });
  const { pos } = schedSlots(geo.sched, items, size);
  const [read, write] = geo.sched.lists;
  for (const it of items) {
    const p = pos.get(it.key);
    const list = it.rwbs.includes('W') ? write : read;
    assert.equal(p.list, list.dir);
    assert.ok(inside({ x: p.x, y: p.y - geo.sched.badge, w: size.w, h: size.h + geo.sched.badge }, list.items), `${it.key} and its № inside its list`);
  }
  assert.ok(pos.get('req:3').x < pos.get('req:2').x && pos.get('req:2').x < pos.get('req:5').x, 'left to right by sector');
});

test('kyber: a row per domain under every ctx, token bars across, nothing overlapping, at 16 CPUs too', () => {
  for (const cpus of [2, 16]) {
    const map = Array.from({ length: cpus }, (_, i) => i % 2);
    const l = layout({ cpus, hwQueues: 2, cpuToHctx: map }, { width: 1024, font: 12, scheduler: 'kyber' });
    assert.equal(l.sched.queues.length, cpus);
    assert.deepEqual(l.sched.tokens.map(t => [t.domain, t.depth]), [['read', 256], ['write', 128], ['discard', 64], ['other', 16]]);
    const rows = l.sched.queues.flatMap(q => q.domains);
    rows.forEach(r => assert.ok(inside(r, l.elv), 'inside the lane'));
    pairsDisjoint([...rows, ...l.sched.tokens], `${cpus} CPUs`);
    l.sched.queues.forEach(q => { const c = l.ctxs.find(x => x.ctx === q.ctx); assert.equal(q.x, c.x, 'under its ctx'); });
  }
});

test('kyber queues by ctx and domain; tokens held by every live request past the scheduler', () => {
  assert.deepEqual(DOMAINS.map(d => d), ['read', 'write', 'discard', 'other']);
  assert.deepEqual(['R', 'RA', 'W', 'WS', 'FWS', 'D', 'N', ''].map(domainOf),
    ['read', 'read', 'write', 'write', 'write', 'discard', 'other', 'other']);
  const q = kyberQueues([{ key: 'a', ctx: 1, rwbs: 'R' }, { key: 'b', ctx: 0, rwbs: 'W' }, { key: 'c', ctx: 1, rwbs: 'R' }]);
  assert.deepEqual([...q.keys()], ['1/read', '0/write']);
  assert.deepEqual(q.get('1/read').map(x => x.key), ['a', 'c']);
  const held = tokensHeld(['elv:0', 'hctx:1', 'driver:0', 'device:1', 'done', 'plug:0', 'none'].map((place, i) =>
    ({ place, rwbs: i % 2 ? 'W' : 'R' })));
  assert.deepEqual(held, { read: 2, write: 2, discard: 0, other: 0 });
});

test('poll hctxs come after the submit queues, typed POLL, served by the CPUs of the POLL map', () => {
  const l = layout({ cpus: 2, hwQueues: 4, pollQueues: 2, cpuToHctx: [0, 1], cpuToPollHctx: [2, 3] }, { width: 1024 });
  assert.deepEqual(l.hctxs.map(h => h.type), ['DEFAULT', 'DEFAULT', 'POLL', 'POLL']);
  assert.deepEqual(l.hctxs.map(h => h.cpus), [[0], [1], [0], [1]]);
  assert.ok(l.hctxs.every(h => !h.idle));
  assert.deepEqual(l.pollEdges.map(e => `${e.ctx}->${e.hctx}`), ['0->2', '1->3']);
});

test('NUMA: a box per node round its CPUs, above the ctx row, disjoint; one node draws none', () => {
  const nodes = [[0, 1, 2, 3], [4, 5, 6, 7]];
  for (const width of [1024, 1440]) {
    const l = layout({ cpus: 8, hwQueues: 4, cpuToHctx: [2, 2, 3, 3, 0, 0, 1, 1] }, { width, font: 12, numaNodes: nodes });
    assert.deepEqual(l.numa.map(n => n.cpus), nodes);
    l.numa.forEach(n => assert.equal(n.runs.length, 1));
    const [a, b] = l.numa.map(n => n.runs[0]);
    assert.ok(!overlap(a, b));
    l.cpus.forEach(c => assert.ok(inside(c, c.cpu < 4 ? a : b), `CPU ${c.cpu} inside its node`));
    assert.ok(l.ctxs.every(c => c.y >= a.y + a.h), 'the ctx row stays outside');
    assert.ok(a.y >= 0);
  }
  assert.deepEqual(layout({ cpus: 8, hwQueues: 4, cpuToHctx: [2, 2, 3, 3, 0, 0, 1, 1] }, { width: 1024, font: 12, numaNodes: ['0-3', '4-7'] }).numa.map(n => n.cpus),
    nodes, 'as the scenario JSON writes them: cpulists');
  assert.deepEqual(cpusOf('0-2,8,10-11'), [0, 1, 2, 8, 10, 11]);
  const split = layout({ cpus: 4, hwQueues: 1, cpuToHctx: [0, 0, 0, 0] }, { width: 1024, font: 12, numaNodes: [[0, 2], [1, 3]] });
  assert.deepEqual(split.numa.map(n => n.runs.length), [2, 2], 'CPUs 0 and 2 are not side by side: a box each');
  assert.equal(layout({ cpus: 4, hwQueues: 1, cpuToHctx: [0, 0, 0, 0] }, { width: 1024, font: 12, numaNodes: [[0, 1, 2, 3]] }).numa, undefined);
});

test('kyber on 16 CPUs: a ctx lock and its kcq lock share the ctx top edge without overlapping', () => {
  const map = Array.from({ length: 16 }, (_, i) => i % 2);
  const l = layout({ cpus: 16, hwQueues: 2, cpuToHctx: map }, { width: 1024, font: 12, scheduler: 'kyber' });
  const names = [...Array.from({ length: 16 }, (_, i) => `ctx[${i}]->lock`),
    ...[0, 1].flatMap(h => l.hctxs[h].cpus.map((_, i) => `kcq[${h}.${i}]->lock`)), 'khd[0]->lock', 'khd[1]->lock'];
  const places = lockPlaces(l, names);
  assert.equal(places.size, names.length, 'every lock has its place');
  pairsDisjoint([...places.values()], 'lock tabs');
  const ctx3 = l.ctxs.find(c => c.ctx === 3);
  const kcq = places.get(`kcq[1.1]->lock`), own = places.get('ctx[3]->lock');
  assert.ok(kcq.x < own.x && inside({ ...kcq, y: ctx3.y, h: 1 }, ctx3) && inside({ ...own, y: ctx3.y, h: 1 }, ctx3));
});

test('with null_blk requeue injection: q->requeue_list is a lane of its own between the hardware queues and the driver', () => {
  for (const width of [400, 1024, 1440]) {
    const topo = { cpus: 2, hwQueues: 1, cpuToHctx: [0, 0] };
    const without = layout(topo, { width, font: 12, scheduler: 'mq-deadline' });
    assert.equal(without.requeue, undefined, 'no injection, no lane');
    assert.equal(without.places.get('requeue:0'), undefined);
    const l = layout(topo, { width, font: 12, scheduler: 'mq-deadline', requeueList: true });
    const hctxBottom = Math.max(...l.hctxs.map(h => h.y + h.h));
    assert.ok(l.requeue.y >= hctxBottom && l.requeue.y + l.requeue.h <= l.driver.y, `${width}: between hctxs and driver`);
    assert.ok(inside(l.places.get('requeue:0'), l.requeue), 'its requests stack inside it');
    assert.ok(l.height > without.height, 'the figure grows by the lane');
  }
});
