// devices.js: the one place the page numbers several 7.0 devices' ctxs and hctxs, as the stream does
// (transition/DeviceNumbers.java), and every reader of it agrees with the stream's own numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deviceCount, diskName, ctxNumber, hctxNumber, hctxTotal, ctxOnDevice, hctxOnDevice, tagSetHctxs } from '../src/devices.js';
import { devicesLayout } from '../src/layout-devices.js';

const topo = { cpus: 4, hwQueues: 2, queueDepth: 8, cpuToHctx: [0, 0, 1, 1], devices: 3, sharedTags: true };

test('device d\'s ctx for CPU c is d × cpus + c, its hctx h is d × hwQueues + h, and back', () => {
  assert.equal(ctxNumber(topo, 2, 3), 11);
  assert.equal(hctxNumber(topo, 2, 1), 5);
  assert.equal(hctxTotal(topo), 6);
  for (let d = 0; d < 3; d++) {
    for (let c = 0; c < 4; c++) assert.deepEqual(ctxOnDevice(topo, ctxNumber(topo, d, c)), { d, n: c });
    for (let h = 0; h < 2; h++) assert.deepEqual(hctxOnDevice(topo, hctxNumber(topo, d, h)), { d, n: h });
  }
  assert.deepEqual(tagSetHctxs(topo, 1), [1, 3, 5], 'every device\'s hctx 1 shares set 1');
  assert.equal(diskName(2), 'nullb2');
});

test('one device (no devices field) is device 0, its numbers the CPU\'s and the hctx\'s own', () => {
  const one = { cpus: 4, hwQueues: 2, queueDepth: 8, cpuToHctx: [0, 0, 1, 1] };
  assert.equal(deviceCount(one), 1);
  assert.equal(hctxTotal(one), 2);
  assert.deepEqual(ctxOnDevice(one, 3), { d: 0, n: 3 });
  assert.deepEqual(hctxOnDevice(one, 1), { d: 0, n: 1 });
  assert.equal(ctxNumber(undefined, 0, 3), 3, 'a one-device layout has no topology to ask');
});

test('the layout puts each device\'s ctxs and hctxs under the numbers devices.js gives them', () => {
  const geo = devicesLayout(topo, { width: 1440 });
  geo.devices.forEach((dev, d) => {
    assert.deepEqual(dev.ctxs.map(c => c.ctx), [0, 1, 2, 3].map(c => ctxNumber(topo, d, c)));
    assert.deepEqual(dev.hctxs.map(h => h.hctx), [0, 1].map(h => hctxNumber(topo, d, h)));
  });
  assert.deepEqual(geo.tagSets.sets.map(s => s.hctxs), [tagSetHctxs(topo, 0), tagSetHctxs(topo, 1)]);
});

test('the stream numbers them the same: shared-tags-70\'s moves name ctx and hctx of their dev', () => {
  const fx = JSON.parse(readFileSync(new URL('./fixtures/shared-tags-70.json', import.meta.url)));
  const t = fx.loaded.topology;
  const moves = fx.transitions.filter(m => m.dev >= 0 && m.hctx >= 0 && m.req >= 0);
  assert.ok(moves.some(m => m.dev === 1) && moves.some(m => m.dev === 0), 'moves on both devices');
  for (const m of moves) assert.equal(hctxOnDevice(t, m.hctx).d, m.dev, `seq ${m.seq} hctx ${m.hctx}`);
  for (const m of moves.filter(x => x.kind === 'insert' || x.kind === 'plug')) assert.equal(ctxOnDevice(t, m.ctx).d, m.dev, `seq ${m.seq} ctx ${m.ctx}`);
});
