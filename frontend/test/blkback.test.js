// Figure 1's dom0 row is drawn from blkback.js's reading of the stream: held here to the xen-iometer
// golden stream (written by the Java StreamFixtureTest), where threads wake, run, contend and sleep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initialState, applyTransition, applyTransitions, fromSnapshot } from '../src/state.js';
import { dom0Of, blkbackEffects } from '../src/blkback.js';
import { withDom0 } from '../src/layout-dom0.js';
import { layout } from '../src/layout.js';

const fx = JSON.parse(readFileSync(new URL('./fixtures/xen-iometer.json', import.meta.url)));
const THREAD_STEPS = new Set(['dispatch_rw_block_io', 'gnttab_map_refs', 'submit_bio']);

test('dom0 of a xen scenario: a ring per hctx, ring N on the vCPU after the guest\'s numbered N mod cpus', () => {
  const d = dom0Of(fx.loaded.scenario, fx.loaded.topology);
  assert.deepEqual(d.cpus, [2, 3]);
  assert.deepEqual(d.rings, [{ ring: 0, cpu: 2 }, { ring: 1, cpu: 3 }]);
  assert.equal(dom0Of({ ...fx.loaded.scenario, device: { ...fx.loaded.scenario.device, driver: 'null_blk' } }, fx.loaded.topology), null);
  const one = dom0Of({ ...fx.loaded.scenario, device: { ...fx.loaded.scenario.device, rings: 'single-lock' } }, fx.loaded.topology);
  assert.deepEqual(one.rings, [{ ring: 0, cpu: 2 }]);
});

test('a blkback thread runs only between its wakeup and its sleep, on the vCPU the figure puts it on', () => {
  let s = initialState(fx.loaded);
  assert.deepEqual(s.blkback.threads.map(t => t.status), ['sleeping', 'sleeping']);
  const seen = new Set();
  for (const t of fx.transitions) {
    if (t.kind === 'blkback') {
      const before = s.blkback.threads.find(x => x.ring === t.hctx);
      if (THREAD_STEPS.has(t.fn)) assert.equal(before.status, 'running', `step ${t.seq}: ${t.fn} while the page says ${before.status}`);
      if (t.fn === 'xen_blkif_schedule') assert.equal(before.status, 'waking', `step ${t.seq}: scheduled without a wakeup`);
      seen.add(t.fn);
    }
    s = applyTransition(s, t);
    if (t.kind === 'blkback') {
      const thread = s.blkback.threads.find(x => x.ring === t.hctx);
      assert.equal(thread.cpu, 2 + t.hctx, `ring ${t.hctx}'s thread on dom0 vCPU ${thread.cpu}`);
      assert.equal(s.blkback.cpus.find(c => c.cpu === t.cpu).fn, t.fn);
    }
  }
  for (const fn of ['xen_blkif_be_int', 'xen_blkif_schedule', 'wait_event_interruptible', 'gnttab_map_refs', 'make_response']) {
    assert.ok(seen.has(fn), `the fixture shows ${fn}`);
  }
  assert.deepEqual(s.blkback.threads.map(t => t.status), ['sleeping', 'sleeping'], 'every thread asleep once the run is over');
});

test('a seek onto any snapshot lands on the threads, vCPUs and pCPU waits a replay reaches', () => {
  let s = initialState(fx.loaded);
  let done = 0;
  let moved = 0;
  for (const st of fx.states) {
    s = applyTransitions(s, fx.transitions.slice(done, st.step));
    done = st.step;
    assert.deepEqual(fromSnapshot(fx.loaded, st).blkback, s.blkback, `dom0 after step ${st.step}`);
    if (s.blkback.threads.some(t => t.status !== 'sleeping')) moved++;
  }
  assert.ok(moved > 0, 'some snapshot catches a thread awake, so the check can fail');
  const mid = fx.states.find(st => st.step > 0);
  const bare = { ...mid, snapshot: { ...mid.snapshot, dom0: undefined } };
  assert.deepEqual(fromSnapshot(fx.loaded, bare).blkback.threads.map(t => t.status), ['sleeping', 'sleeping'],
    'a snapshot before any xen move: every thread as the model starts it');
});

test('the dom0 row sits under the figure, one box per vCPU holding its threads, inside the drawing', () => {
  const topo = fx.loaded.topology;
  const base = layout(topo, { width: 900, font: 12 });
  const geo = withDom0(base, dom0Of(fx.loaded.scenario, topo));
  assert.ok(geo.dom0.y >= base.height - 8 && geo.height > base.height);
  assert.deepEqual(geo.dom0.cpus.map(c => [c.cpu, c.threads.map(t => t.ring)]), [[2, [0]], [3, [1]]]);
  for (const c of geo.dom0.cpus) {
    assert.ok(c.x >= 0 && c.x + c.w <= geo.width && c.y + c.h <= geo.height, `CPU ${c.cpu} inside`);
    for (const t of c.threads) assert.ok(t.y >= c.y && t.y + t.h <= c.y + c.h && t.x >= c.x && t.x + t.w <= c.x + c.w);
  }
  assert.equal(withDom0(base, null), base);
});

test('a thread asleep for a tag of dom0\'s null_blk queue is asleep until it gets one (BlkbackTrackerTest, the same moves)', () => {
  const b = { threads: [{ ring: 0, cpu: 2, status: 'sleeping', fn: null }], cpus: [{ cpu: 2, ring: -1, fn: null }], pcpuWaiting: [] };
  const seen = [];
  for (const fn of ['xen_blkif_be_int', 'xen_blkif_schedule', 'dispatch_rw_block_io', 'submit_bio', 'blk_sq_make_request',
    'bt_get', 'xen_blkif_be_int', 'blk_mq_get_tag', '__blk_mq_insert_request', 'blk_mq_start_request', 'null_queue_rq',
    'wait_event_interruptible']) {
    blkbackEffects(b, { kind: 'blkback', fn, cpu: 2, hctx: 0 });
    seen.push(`${fn}=${b.threads[0].status}`);
  }
  assert.deepEqual(seen, ['xen_blkif_be_int=waking', 'xen_blkif_schedule=running', 'dispatch_rw_block_io=running',
    'submit_bio=running', 'blk_sq_make_request=running', 'bt_get=sleeping', 'xen_blkif_be_int=sleeping',
    'blk_mq_get_tag=running', '__blk_mq_insert_request=running', 'blk_mq_start_request=running',
    'null_queue_rq=running', 'wait_event_interruptible=sleeping']);
});
