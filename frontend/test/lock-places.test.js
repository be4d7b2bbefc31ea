import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layout } from '../src/layout.js';
import { legacyLayout } from '../src/layout-legacy.js';
import { lockPlaces } from '../src/lock-places.js';

const topo = (cpus, hw) => ({ cpus, hwQueues: hw, queueDepth: 64, cpuToHctx: Array.from({ length: cpus }, (_, i) => i % hw) });
const within = (p, b) => p.x >= b.x - 1e-9 && p.x + p.w <= b.x + b.w + 1e-9;
const sitsOn = (p, b) => Math.abs(p.y + p.h - b.y) < 1e-9 && within(p, b);
const insideOf = (p, b) => within(p, b) && p.y >= b.y && p.y + p.h <= b.y + b.h;

test('the legacy queue_lock (and xen io_lock) is a tab on the request_queue box, never the brief icon', () => {
  for (const name of ['queue_lock', 'io_lock']) {
    for (const [w, f] of [[960, 12], [374, 12], [1400, 16]]) {
      const geo = legacyLayout(topo(4, 1), 'sq', w, f);
      const p = lockPlaces(geo, [name]).get(name);
      assert.ok(p && sitsOn(p, geo.queue), `${name} at ${w}px`);
      assert.equal(p.h, f + 6, 'a tab a line of the figure font high');
      assert.equal(p.brief, false);
    }
  }
});

test('blk-mq: ctx[N]->lock on ctx N, hctx[N]->lock on hctx N, by number, not by column', () => {
  const t = { cpus: 8, hwQueues: 2, queueDepth: 64, cpuToHctx: [0, 0, 0, 0, 1, 1, 1, 1], shown: [2, 5] };
  const geo = layout(t, 960, 12);
  const places = lockPlaces(geo, ['ctx[5]->lock', 'ctx[0]->lock', 'hctx[1]->lock']);
  assert.ok(sitsOn(places.get('ctx[5]->lock'), geo.ctxs.find(c => c.ctx === 5)));
  assert.ok(!places.has('ctx[0]->lock'), 'a CPU not drawn has no ctx to carry its lock');
  assert.ok(sitsOn(places.get('hctx[1]->lock'), geo.hctxs[1]));
});

test('xen-blkfront on blk-mq: io_lock in the ring (device row), split-lock halves it, per-hctx rings in their column', () => {
  const geo = layout(topo(4, 2), 960, 12);
  assert.ok(insideOf(lockPlaces(geo, ['io_lock']).get('io_lock'), geo.device));
  const split = lockPlaces(geo, ['io_lock (requests)', 'io_lock (responses)']);
  const [rq, rs] = [split.get('io_lock (requests)'), split.get('io_lock (responses)')];
  assert.ok(insideOf(rq, geo.device) && insideOf(rs, geo.device));
  assert.ok(rq.x + rq.w <= rs.x + 1e-9, 'requests on the left half, responses on the right');
  const rings = lockPlaces(geo, ['ring[0]->ring_lock', 'ring[1]->ring_lock']);
  assert.ok(insideOf(rings.get('ring[1]->ring_lock'), geo.places.get('device:1')));
  assert.ok(insideOf(rings.get('ring[0]->ring_lock'), geo.places.get('device:0')));
});

test("7.0's scheduler locks sit on the scheduler's lane; kyber's kcq on the ctx it belongs to", () => {
  const geo = layout(topo(4, 2), 960, 12, 'kyber');
  const p = lockPlaces(geo, ['dd->lock', 'khd[1]->lock', 'kcq[1.1]->lock']);
  assert.ok(sitsOn(p.get('dd->lock'), geo.elv));
  const khd = p.get('khd[1]->lock');
  assert.ok(Math.abs(khd.y + khd.h - geo.elv.y) < 1e-9 && within(khd, geo.hctxs[1]), "over hctx 1's column");
  // hctx 1 serves CPUs 1 and 3: its second ctx is CPU 3's.
  assert.ok(sitsOn(p.get('kcq[1.1]->lock'), geo.ctxs.find(c => c.ctx === 3)));
});

test("dom0's blkback locks have no place in the figure: the strip keeps them", () => {
  const geo = layout(topo(4, 2), 960, 12);
  const p = lockPlaces(geo, ['blkif[0]->blk_ring_lock', 'domU grant_table->lock', 'io_lock']);
  assert.deepEqual([...p.keys()], ['io_lock']);
});

test('a tab too long for the right of the STOPPED badge rises above the badge, still under the CPUs', () => {
  for (const f of [12, 16]) {
    const geo = legacyLayout(topo(8, 1), 'sq', 770, f);
    const p = lockPlaces(geo, ['queue_lock']).get('queue_lock');
    const q = geo.queue;
    assert.ok(p.clearX > q.x + q.w / 2 && p.clearX < q.x + q.w, 'the badge sits mid-edge; right of it is the short tabs\' room');
    const top = p.y - p.lift, bottom = top + p.h;
    assert.ok(bottom <= q.y - f / 2 - 3, `a lifted tab ends above the badge's top at ${f} px`);
    const cpuBottom = geo.cpus[0].y + geo.cpus[0].h;
    assert.ok(top >= cpuBottom, `and starts below the CPUs at ${f} px: ${top} < ${cpuBottom}`);
  }
  const mq = layout(topo(4, 2), 960, 12);
  assert.ok(lockPlaces(mq, ['hctx[0]->lock']).get('hctx[0]->lock').lift > 0, 'hctx boxes have the badge too');
});
