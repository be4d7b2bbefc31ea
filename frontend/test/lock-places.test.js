import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layout } from '../src/layout.js';
import { legacyLayout } from '../src/layout-legacy.js';
import { lockPlaces } from '../src/lock-places.js';
import { withDom0 } from '../src/layout-dom0.js';
import { tabLabel } from '../src/views/lock-figure.js';
import { textWidth } from '../src/layout-parts.js';

const GRANT = 'domU grant_table->lock';
const FLUSH = 'Xen flush_lock';

const topo = (cpus, hw) => ({ cpus, hwQueues: hw, queueDepth: 64, cpuToHctx: Array.from({ length: cpus }, (_, i) => i % hw) });
const within = (p, b) => p.x >= b.x - 1e-9 && p.x + p.w <= b.x + b.w + 1e-9;
const sitsOn = (p, b) => Math.abs(p.y + p.h - b.y) < 1e-9 && within(p, b);
const insideOf = (p, b) => within(p, b) && p.y >= b.y && p.y + p.h <= b.y + b.h;
const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

test('the legacy queue_lock (and xen io_lock) is a tab on the request_queue box, never the brief icon', () => {
  for (const name of ['queue_lock', 'io_lock']) {
    for (const [w, f] of [[960, 12], [374, 12], [1400, 16]]) {
      const geo = legacyLayout(topo(4, 1), 'sq', { width: w, font: f });
      const p = lockPlaces(geo, [name]).get(name);
      assert.ok(p && sitsOn(p, geo.queue), `${name} at ${w}px`);
      assert.equal(p.h, f + 6, 'a tab a line of the figure font high');
      assert.equal(p.brief, false);
    }
  }
});

test('blk-mq: ctx[N]->lock on ctx N, hctx[N]->lock on hctx N, by number, not by column', () => {
  const t = { cpus: 8, hwQueues: 2, queueDepth: 64, cpuToHctx: [0, 0, 0, 0, 1, 1, 1, 1], shown: [2, 5] };
  const geo = layout(t, { width: 960, font: 12 });
  const places = lockPlaces(geo, ['ctx[5]->lock', 'ctx[0]->lock', 'hctx[1]->lock']);
  assert.ok(sitsOn(places.get('ctx[5]->lock'), geo.ctxs.find(c => c.ctx === 5)));
  assert.ok(!places.has('ctx[0]->lock'), 'a CPU not drawn has no ctx to carry its lock');
  assert.ok(sitsOn(places.get('hctx[1]->lock'), geo.hctxs[1]));
});

test('xen-blkfront on blk-mq: io_lock in the ring (device row), split-lock halves it, per-hctx rings in their column', () => {
  for (const [width, font, tight] of [[960, 12, false], [1400, 16, false], [374, 12, false], [1000, 16, true]]) {
    const geo = layout(topo(4, 2), { width, font, tight, deviceLocks: true });
    const at = `${width} px at ${font}${tight ? ' presenting' : ''}`;
    // Every tab on the device row's lock line, under every request the ring can hold: none covers an id.
    const clear = p => insideOf(p, geo.device) && [0, 1].every(i => !overlaps(p, geo.places.get(`device:${i}`)));
    assert.ok(clear(lockPlaces(geo, ['io_lock']).get('io_lock')), at);
    const split = lockPlaces(geo, ['io_lock (requests)', 'io_lock (responses)']);
    const [rq, rs] = [split.get('io_lock (requests)'), split.get('io_lock (responses)')];
    assert.ok(clear(rq) && clear(rs), at);
    assert.ok(rq.x + rq.w <= rs.x + 1e-9, 'requests on the left half, responses on the right');
    const rings = lockPlaces(geo, ['ring[0]->ring_lock', 'ring[1]->ring_lock']);
    for (const i of [0, 1]) {
      const r = rings.get(`ring[${i}]->ring_lock`);
      const column = geo.places.get(`device:${i}`);
      assert.ok(clear(r) && within(r, column), `ring ${i}'s lock in its column, under its requests, ${at}`);
      assert.ok(Math.abs(column.y + column.h - geo.device.lockY) < 1e-9, 'the requests keep the row down to the lock line');
    }
  }
  // Without its locks' line (every other device row) the requests have the whole row.
  const plain = layout(topo(4, 2), { width: 960, font: 12 });
  assert.equal(plain.device.lockY, undefined);
  assert.ok(plain.device.h < layout(topo(4, 2), { width: 960, font: 12, deviceLocks: true }).device.h);
});

test("7.0's scheduler locks sit on the scheduler's lane; kyber's kcq on the ctx it belongs to", () => {
  const geo = layout(topo(4, 2), { width: 960, font: 12, scheduler: 'kyber' });
  const p = lockPlaces(geo, ['dd->lock', 'khd[1]->lock', 'kcq[1.1]->lock']);
  assert.ok(sitsOn(p.get('dd->lock'), geo.elv));
  const khd = p.get('khd[1]->lock');
  assert.ok(Math.abs(khd.y + khd.h - geo.elv.y) < 1e-9 && within(khd, geo.hctxs[1]), "over hctx 1's column");
  // hctx 1 serves CPUs 1 and 3: its second ctx is CPU 3's.
  assert.ok(sitsOn(p.get('kcq[1.1]->lock'), geo.ctxs.find(c => c.ctx === 3)));
});

test("dom0's locks in dom0's row: each blk_ring_lock on its ring's thread, Xen's flush_lock and the grant table's in the header", () => {
  const dom0 = { cpus: [4, 5], rings: [{ ring: 0, cpu: 4 }, { ring: 1, cpu: 5 }, { ring: 2, cpu: 4 }] };
  const names = ['blkif[0]->blk_ring_lock', 'blkif[1]->blk_ring_lock', 'blkif[2]->blk_ring_lock', GRANT, FLUSH, 'io_lock'];
  for (const [base, w] of [[layout, 960], [layout, 374], [layout, 1400], [legacyLayout, 960]]) {
    for (const f of [12, 16]) {
      const at = `${base.name} ${w}px ${f}px`;
      const geo = withDom0(base === layout ? layout(topo(4, 3), { width: w, font: f }) : legacyLayout(topo(4, 1), 'sq', { width: w, font: f }), dom0);
      const p = lockPlaces(geo, names);
      assert.deepEqual([...p.keys()].sort(), [...names].sort(), `every lock has a place: ${at}`);
      const d = geo.dom0;
      const g = p.get(GRANT);
      assert.ok(insideOf(g, d) && g.y + g.h <= d.cpus[0].y, `the grant table's lock in the row's header: ${at}`);
      assert.ok(g.x >= d.x + d.labelW + 6 && g.h === f + 6 && !g.brief, `right of the row's label: ${at}`);
      const x = p.get(FLUSH);
      assert.ok(insideOf(x, d) && x.y === g.y && x.h === g.h && !x.brief, `Xen's flush_lock on the header line: ${at}`);
      assert.ok(x.x >= d.x + d.labelW + 6 && x.x + x.w <= g.x, `between the label and the grant table's lock: ${at}`);
      const threads = d.cpus.flatMap(c => c.threads.map(t => ({ ...t, cpu: c })));
      for (const t of threads) {
        const r = p.get(`blkif[${t.ring}]->blk_ring_lock`);
        assert.ok(insideOf(r, t) && !r.brief && r.h === f + 6, `ring ${t.ring}'s lock on its thread: ${at}`);
        // Under the thread's two text lines (name, then what it does), whose baselines outline-dom0.js sets.
        assert.ok(r.y >= t.y + 2 * f + 6 + f * 0.3, `under the thread's status line: ${at}`);
        for (const o of threads) if (o !== t) assert.ok(!overlaps(r, o), `off ring ${o.ring}'s thread: ${at}`);
      }
    }
  }
});

test('the request_queue keeps STOPPED inside, under its title, so its lock tab sits on the edge unlifted', () => {
  for (const f of [12, 16]) {
    for (const width of [320, 770]) {
      const geo = legacyLayout(topo(8, 1), 'sq', { width, font: f });
      const q = geo.queue;
      assert.notEqual(q.badgeInside, undefined, 'inside the box');
      assert.ok(q.badgeInside >= f, `below the title's line at ${f} px, ${width} wide`);
      assert.ok(q.y + q.badgeInside + f + 2 <= q.wait.y, `and above the sleepers' lane: on the pool's line`);
      const p = lockPlaces(geo, ['queue_lock']).get('queue_lock');
      assert.ok(!p.lift, `the tab is not lifted at ${f} px, ${width} wide`);
      const cpuBottom = geo.cpus[0].y + geo.cpus[0].h;
      assert.ok(p.y >= cpuBottom, `and starts below the CPUs at ${f} px: ${p.y} < ${cpuBottom}`);
    }
  }
});

test('a tab too long for the right of an hctx\'s STOPPED badge rises above the badge', () => {
  const mq = layout(topo(4, 2), { width: 960, font: 12 });
  const p = lockPlaces(mq, ['hctx[0]->lock']).get('hctx[0]->lock');
  const h = mq.hctxs[0];
  assert.ok(p.clearX > h.x + h.w / 2 && p.clearX < h.x + h.w, 'the badge sits mid-edge; right of it is the short tabs\' room');
  assert.ok(p.lift > 0, 'hctx boxes have the badge on their edge');
});

test('q->requeue_lock sits on q->requeue_list when the run draws it, and has no place when it does not', () => {
  const drawn = layout(topo(4, 2), { width: 960, font: 12, scheduler: 'none', requeueList: true });
  const p = lockPlaces(drawn, ['q->requeue_lock', 'hctx[1]->lock']);
  assert.ok(sitsOn(p.get('q->requeue_lock'), drawn.requeue));
  assert.ok(!overlaps(p.get('q->requeue_lock'), p.get('hctx[1]->lock')));
  for (const h of drawn.hctxs) assert.ok(!overlaps(p.get('q->requeue_lock'), h), `clear of hctx ${h.hctx}`);
  assert.equal(lockPlaces(layout(topo(4, 2), { width: 960, font: 12, scheduler: 'none' }), ['q->requeue_lock']).has('q->requeue_lock'), false);
});

test("dom0's two Xen lock tabs each keep a name that fits, at every width and font, free, held or spun on", () => {
  // xen-iometer's: four guest CPUs, dom0's vCPUs 4 to 7.
  const dom0 = { cpus: [4, 5, 6, 7], rings: [0, 1, 2, 3].map(ring => ({ ring, cpu: 4 + ring })) };
  const states = [['', []], ['5', []], ['5', [6, 4, 7]]];
  const shown = new Map([[GRANT, new Set()], [FLUSH, new Set()]]);
  // 361 px: Figure 1 in a 390 px window (XenDom0BrowserIT prints it); 344 px, narrower still.
  for (const w of [344, 361, 374, 390, 604, 770, 960, 1024, 1440]) {
    for (const f of [12, 13, 14, 15, 16]) {
      for (const tight of [false, true]) {
        for (const geo of [withDom0(layout(topo(4, 4), { width: w, font: f, tight }), dom0),
          withDom0(legacyLayout(topo(4, 1), 'sq', { width: w, font: f, tight }), dom0)]) {
          for (const [name, p] of lockPlaces(geo, [GRANT, FLUSH])) {
            for (const [holder, spinners] of states) {
              const at = `${name} at ${w} px, ${f} px${tight ? ' presenting' : ''}, held by '${holder}' [${spinners}]`;
              const label = tabLabel(p, name, holder, spinners, f);
              assert.ok(label.startsWith(name) || (p.short && label.startsWith(p.short)), `${at}: "${label}" does not name it`);
              assert.ok(textWidth(label, f) <= p.w - f - 14, `${at}: "${label}" overflows its tab`);
              shown.get(name).add(label);
            }
          }
        }
      }
    }
  }
  for (const name of [GRANT, FLUSH]) assert.ok(shown.get(name).has(`${name} · free`), `${name} in full where it fits`);
  // Narrower than a phone's page: each tab has room for its short name and its state, the grant table's for a spinner too.
  const p = lockPlaces(withDom0(layout(topo(4, 4), { width: 344, font: 12 }), dom0), [GRANT, FLUSH]);
  assert.deepEqual([GRANT, FLUSH].map(n => tabLabel(p.get(n), n, '', [], 12)), ['grant: free', 'flush: free']);
  assert.equal(tabLabel(p.get(GRANT), GRANT, '5', [6], 12), 'grant: CPU 5 ⟳ 6');
  assert.equal(tabLabel(p.get(FLUSH), FLUSH, '5', [], 12), 'flush: 5');
});
