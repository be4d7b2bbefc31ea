// Figure 1 for several 7.0 null_blk devices (layout-devices.js, lock-places.js): every place the stream
// can name laid out exactly once, each device's boxes inside its own frame and clear of the others',
// nothing wider than the figure, shared tag sets under the devices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devicesLayout, shareSegments, shareMarks, tagSetBar, tagBarFill } from '../src/layout-devices.js';
import { lockPlaces } from '../src/lock-places.js';

const overlap = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (b, o) => b.x >= o.x - 1e-9 && b.y >= o.y - 1e-9 && b.x + b.w <= o.x + o.w + 1e-9 && b.y + b.h <= o.y + o.h + 1e-9;

// shared-tags-70's machine; the widest several-device machine the editor allows with kyber and a requeue
// list; mq-deadline on 3 devices of 16 CPUs (stacked); a phone's width.
const MACHINES = {
  'shared-tags-70': [{ cpus: 2, hwQueues: 1, queueDepth: 12, cpuToHctx: [0, 0], devices: 2, sharedTags: true }],
  'kyber 4 devices': [{ cpus: 4, hwQueues: 2, queueDepth: 64, cpuToHctx: [0, 0, 1, 1], devices: 4, sharedTags: false },
    { scheduler: 'kyber', requeueList: true }],
  'deadline 16 CPUs': [{ cpus: 16, hwQueues: 4, queueDepth: 32, cpuToHctx: Array.from({ length: 16 }, (_, c) => c >> 2), devices: 3 },
    { scheduler: 'mq-deadline' }],
  'shared, 2 sets, NUMA': [{ cpus: 4, hwQueues: 2, queueDepth: 8, cpuToHctx: [0, 0, 1, 1], devices: 3, sharedTags: true },
    { scheduler: 'none', numaNodes: [[0, 1], [2, 3]] }],
};
const WIDTHS = [390, 700, 1024, 1440];

/** Every place the stream names for such a run, by device (-1: the CPUs' and done). */
function expectedPlaces(topo, scheduler, requeue) {
  const out = new Map();
  for (let c = 0; c < topo.cpus; c++) { out.set(`task:${c}`, -1); out.set(`plug:${c}`, -1); }
  for (let d = 0; d < topo.devices; d++) {
    for (let c = 0; c < topo.cpus; c++) out.set(`ctx:${d * topo.cpus + c}`, d);
    for (let h = 0; h < topo.hwQueues; h++) {
      for (const kind of ['hctx', 'tagwait', 'driver', 'device']) out.set(`${kind}:${d * topo.hwQueues + h}`, d);
    }
    if (scheduler === 'kyber' || scheduler === 'mq-deadline') out.set(`elv:${d}`, d);
    if (requeue) out.set(`requeue:${d}`, d);
  }
  out.set('done', -1);
  return out;
}

const each = fn => {
  for (const [name, args] of Object.entries(MACHINES)) {
    for (const width of WIDTHS) for (const font of [12, 16]) fn(`${name} at ${width}/${font}px`, args, devicesLayout(args[0], { ...args[1], width, font }));
  }
};

test('every place of every device is laid out exactly once, in its own device\'s part', () => {
  each((what, [topo, { scheduler, requeueList } = {}], l) => {
    const expected = expectedPlaces(topo, scheduler, requeueList);
    assert.deepEqual([...l.places.keys()].sort(), [...expected.keys()].sort(), what);
    const own = l.devices.flatMap(v => [...v.places.keys()]);
    assert.equal(own.length, new Set(own).size, `${what}: no place in two devices`);
    l.devices.forEach((v, d) => {
      for (const k of v.places.keys()) assert.equal(expected.get(k), d, `${what}: ${k} in nullb${d}`);
      for (const [k, b] of v.places) assert.deepEqual(l.places.get(k), b, `${what}: ${k} is where its device put it`);
    });
  });
});

test('no two devices\' boxes overlap, each inside its frame, clear of the CPUs, the shared tags and done', () => {
  each((what, args, l) => {
    const all = { x: 0, y: 0, w: l.width, h: l.height };
    const frames = l.devices.map(v => v.frame);
    frames.forEach((f, i) => {
      assert.ok(inside(f, all), `${what}: nullb${i} inside the figure`);
      frames.slice(i + 1).forEach((g, j) => assert.ok(!overlap(f, g), `${what}: nullb${i} overlaps nullb${i + j + 1}`));
      for (const c of l.cpus) assert.ok(!overlap(f, c), `${what}: nullb${i} overlaps CPU ${c.cpu}`);
      assert.ok(!overlap(f, l.done), `${what}: nullb${i} overlaps done`);
      if (l.tagSets) assert.ok(!overlap(f, l.tagSets), `${what}: nullb${i} overlaps the shared tag sets`);
    });
    l.devices.forEach((v, d) => {
      const boxes = [...v.ctxs, ...v.hctxs, v.driver, v.device, ...v.places.values(), ...(v.elv ? [v.elv] : []),
        ...(v.requeue ? [v.requeue] : [])];
      for (const b of boxes) assert.ok(inside(b, v.frame), `${what}: ${JSON.stringify(b)} inside nullb${d}`);
      v.hctxs.forEach(h => assert.ok(inside(h.tags, h), `${what}: hctx ${h.hctx}'s tag line inside it`));
    });
    for (const c of l.cpus) assert.ok(inside(c, all));
    assert.ok(inside(l.done, all), `${what}: done inside the figure`);
  });
});

test('side by side while a device\'s column holds labelled requests, else stacked in device order', () => {
  const [topo] = MACHINES['shared-tags-70'];
  for (const width of [700, 1024, 1440]) {
    const l = devicesLayout(topo, { width });
    assert.ok(l.side, `${width}`);
    assert.equal(l.devices[0].frame.y, l.devices[1].frame.y);
    assert.ok(l.devices[0].frame.x + l.devices[0].frame.w <= l.devices[1].frame.x);
  }
  const wide = devicesLayout(MACHINES['deadline 16 CPUs'][0], { width: 1440, font: 12, scheduler: 'mq-deadline' });
  assert.ok(!wide.side, '16 CPUs × 3 devices do not fit side by side');
  wide.devices.slice(1).forEach((v, i) => assert.ok(v.frame.y >= wide.devices[i].frame.y + wide.devices[i].frame.h));
  // Stacked, a device's ctx stands under its CPU; only the first device draws the CPU → ctx edges.
  wide.devices.forEach(v => v.ctxs.forEach((c, i) => {
    const cpu = wide.cpus[i], mid = c.x + c.w / 2;
    assert.ok(mid > cpu.x && mid < cpu.x + cpu.w, `ctx ${c.ctx} under CPU ${cpu.cpu}`);
  }));
  assert.deepEqual(wide.devices.map(v => v.edges.length), [16, 0, 0]);
});

test('shared tags: one set per hctx index under the devices, naming every device\'s hctx of that index', () => {
  const l = devicesLayout(MACHINES['shared, 2 sets, NUMA'][0], { width: 1024 });
  assert.deepEqual(l.tagSets.sets.map(s => s.hctxs), [[0, 2, 4], [1, 3, 5]]);
  assert.equal(l.tagSets.depth, 8);
  const bottom = Math.max(...l.devices.map(v => v.frame.y + v.frame.h));
  assert.ok(l.tagSets.y >= bottom, 'under the devices');
  l.tagSets.sets.forEach(s => assert.ok(inside(s.bar, l.tagSets) && inside(s, l.tagSets)));
  assert.equal(devicesLayout(MACHINES['kyber 4 devices'][0], { width: 1024, font: 12, scheduler: 'kyber' }).tagSets, undefined, 'no shared tags: no set row');
});

test('each device\'s locks are placed on its own boxes, nullb0\'s under their one-device names', () => {
  const l = devicesLayout(MACHINES['kyber 4 devices'][0], { width: 1440, font: 12, scheduler: 'kyber', requeueList: true });
  const names = ['ctx[1]->lock', 'hctx[1]->lock', 'khd[1]->lock', 'kcq[1.0]->lock', 'q->requeue_lock',
    'nullb2 ctx[1]->lock', 'nullb2 hctx[1]->lock', 'nullb2 khd[5]->lock', 'nullb2 kcq[5.0]->lock', 'nullb2 q->requeue_lock'];
  const p = lockPlaces(l, names);
  assert.deepEqual([...p.keys()].sort(), [...names].sort(), 'every lock has a place');
  const above = (tab, b) => tab.y + tab.h === b.y && tab.x >= b.x - 1e-9 && tab.x + tab.w <= b.x + b.w + 1e-9;
  const [d0, , d2] = l.devices;
  assert.ok(above(p.get('ctx[1]->lock'), d0.ctxs[1]));
  assert.ok(above(p.get('nullb2 ctx[1]->lock'), d2.ctxs[1]), 'ctx[1] of nullb2 is its ctx for CPU 1');
  assert.equal(d2.ctxs[1].ctx, 9);
  assert.ok(above(p.get('nullb2 hctx[1]->lock'), d2.hctxs[1]), 'hctx[1] of nullb2 is hctx 5');
  assert.ok(above(p.get('nullb2 q->requeue_lock'), d2.requeue));
  assert.ok(above(p.get('nullb2 kcq[5.0]->lock'), d2.ctxs[2]), 'kcq[5.0]: the first ctx of hctx 5, CPU 2');
  for (const n of names.filter(x => x.startsWith('nullb2'))) assert.ok(overlap(p.get(n), d2.frame) && !overlap(p.get(n), d0.frame), n);
});

test('a request is on the device the stream\'s dev names; kyber counts each device\'s tokens apart', async () => {
  const { deviceOf, initialState, applyTransitions, requests } = await import('../src/state.js');
  const { tokensHeld } = await import('../src/layout-sched.js');
  const topology = { cpus: 2, hwQueues: 2, queueDepth: 8, cpuToHctx: [0, 1], devices: 3 };
  // G of request h on hctx h; dev says its device, which the hctx alone would not tell a trace replay.
  const getrq = (h, dev) => ({ seq: h, t: 0, kind: 'getrq', cpu: 0, bio: h, req: h, ctx: 0, hctx: h, tag: 1, sector: 8 * h,
    sectors: 8, rwbs: 'R', from: 'task:0', to: 'task:0', count: -1, ...(dev === undefined ? {} : { dev }) });
  const s = applyTransitions(initialState({ scenario: { kernel: '7.0' }, topology }), [0, 1, 2, 3, 4, 5].map(h => getrq(h, h >> 1)));
  const rqs = requests(s).sort((a, b) => a.id - b.id);
  assert.deepEqual(rqs.map(r => deviceOf(s, r)), [0, 0, 1, 1, 2, 2]);
  const moved = applyTransitions(s, [{ ...getrq(0, 2), seq: 6, kind: 'plug', bio: -1, to: 'plug:0' }]);
  assert.equal(deviceOf(moved, moved.items.get('req:0')), 2, 'the latest move\'s dev');
  assert.deepEqual([0, 1, 2].map(d => tokensHeld(rqs.filter(r => deviceOf(s, r) === d).map(r => ({ ...r, place: `hctx:${r.hctx}` }))).read), [2, 2, 2]);
  const one = applyTransitions(initialState({ scenario: {}, topology: { ...topology, devices: undefined } }), [0, 1, 2, 3].map(h => getrq(h)));
  assert.deepEqual(requests(one).map(r => deviceOf(one, r)), [0, 0, 0, 0], 'one device: no dev, device 0');
});

test('a shared set\'s bar: each device\'s tags a segment after the one before, never past the bar', () => {
  const bar = { x: 10, w: 120 };
  assert.deepEqual(shareSegments(bar, [6, 3], 12), [{ x: 10, w: 60 }, { x: 70, w: 30 }]);
  assert.deepEqual(shareSegments(bar, [0, 4, 2], 12), [{ x: 10, w: 0 }, { x: 10, w: 40 }, { x: 50, w: 20 }]);
  assert.deepEqual(shareSegments(bar, [10, 10], 12), [{ x: 10, w: 100 }, { x: 110, w: 20 }], 'cut at the end');
});

// No preset reserves tags on a shared set: shared-tags-70's machine with reserved_tags=2 of its 12, both
// devices active (tag_busy) and each holding 5, so 10 normal tags, a fair share of max(ceil(10 / 2), 4) = 5.
test('a shared set with reserved tags: reserved a segment first, devices and share marks scaled to the normal tags', async () => {
  const { initialState, applyTransitions } = await import('../src/state.js');
  const topology = MACHINES['shared-tags-70'][0];
  const reserved = 2, depth = topology.queueDepth;
  const move = (seq, kind, h, extra = {}) => ({ seq, t: 0, kind, cpu: h, bio: seq, req: seq, ctx: h, hctx: h, tag: -1,
    sector: 8 * seq, sectors: 8, rwbs: 'R', from: 'task:0', to: 'task:0', count: -1, dev: h, ...extra });
  const busy = (seq, h, users) => move(seq, 'tag_busy', h, { bio: -1, req: -1, count: users });
  const moves = [busy(0, 0, 1), busy(1, 1, 2)];
  for (let i = 0; i < 10; i++) moves.push(move(2 + i, 'getrq', i % 2, { tag: reserved + i }));
  const state = applyTransitions(initialState({ scenario: { kernel: '7.0', reservedTags: reserved }, topology }), moves);
  const held = state.hctxs.map(h => h.tagsUsed), { users, share } = state.hctxs[0];
  assert.deepEqual([held, users, share], [[5, 5], 2, 5], 'state.js: each holds 5, the share of 10 normal tags');

  const { bar } = devicesLayout(topology, { width: 1024 }).tagSets.sets[0];
  const parts = tagSetBar(bar, depth, reserved);
  const unit = bar.w / depth;
  const near = (a, b, what) => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} ≠ ${b}`);
  near(parts.reserved.x, bar.x, 'reserved from the bar\'s start');
  near(parts.reserved.w, reserved * unit, 'reserved: 2 of 12 tags wide');
  near(parts.normal.x, parts.reserved.x + parts.reserved.w, 'normal tags right after');
  near(parts.normal.x + parts.normal.w, bar.x + bar.w, 'normal tags to the bar\'s end');
  assert.equal(parts.tags, depth - reserved);

  const [a, b] = shareSegments(parts.normal, held, parts.tags);
  near(a.x, parts.normal.x, 'nullb0 from the normal tags\' start');
  near(a.w, 5 * unit, 'nullb0: its 5 tags');
  near(b.x + b.w, bar.x + bar.w, 'all 10 normal tags held: the bar full');
  const marks = shareMarks(parts.normal, users, share, parts.tags);
  assert.equal(marks.length, 1, 'one mark inside: the second share ends at the bar\'s end');
  near(marks[0], a.x + a.w, 'the first share ends where nullb0\'s 5 tags do');

  const none = tagSetBar(bar, depth, 0);
  assert.deepEqual([none.reserved.w, none.normal, none.tags], [0, { x: bar.x, w: bar.w }, depth], 'no reserved tags: the whole bar');
  assert.deepEqual(shareMarks(bar, 2, 6, 12), [bar.x + bar.w / 2], 'shared-tags-70 itself: one mark at half');
});

// tags-exhausted's machine (2 CPUs, one hctx of 4 tags) with reserved_tags=1: its 3 normal tags all held
// (tags 1-3, the reserved tag 0 never given to a bio), as at a sleep for a tag.
test("one device: an hctx's tag bar is filled as a shared set's is, the reserved tag a segment, full at 3 of 3", async () => {
  const { initialState, applyTransitions } = await import('../src/state.js');
  const { layout, tagPool } = await import('../src/layout.js');
  const topology = { cpus: 2, hwQueues: 1, queueDepth: 4, cpuToHctx: [0, 0] };
  const scenario = { kernel: '3.16', reservedTags: 1 };
  const moves = [1, 2, 3].map(tag => ({ seq: tag, t: 0, kind: 'getrq', cpu: tag % 2, bio: tag, req: tag, ctx: tag % 2, hctx: 0, tag,
    sector: 8 * tag, sectors: 8, rwbs: 'R', from: 'task:0', to: 'task:0', count: -1, dev: 0 }));
  const h = applyTransitions(initialState({ scenario, topology }), moves).hctxs[0];
  assert.equal(h.tagsUsed, 3);
  const { tagBar: bar } = layout(topology, { width: 1024 }).hctxs[0];
  assert.equal(tagPool(scenario).name, 'tags', 'the hctx\'s bar is its driver tags');
  const fill = tagBarFill(bar, tagPool(scenario).depth(h.depth), scenario.reservedTags, [h.tagsUsed]);
  const near = (a, b, what) => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} ≠ ${b}`);
  assert.equal(fill.tags, 3, 'counted of the 3 normal tags');
  near(fill.reserved.x, bar.x, 'the reserved tag at the bar\'s start');
  near(fill.reserved.w, bar.w / 4, 'one of 4 tags wide');
  near(fill.segments[0].x, bar.x + bar.w / 4, 'the held tags right after it');
  near(fill.segments[0].x + fill.segments[0].w, bar.x + bar.w, 'every normal tag held: the bar full');
  const two = tagBarFill(bar, 4, 1, [2]).segments[0];
  near(two.w, 2 * bar.w / 4, 'a tag as wide as the reserved one');
  assert.deepEqual(tagBarFill(bar, 4, 0, [3]).segments[0], { x: bar.x, w: 3 * bar.w / 4 }, 'none reserved: 3 of 4');
});
