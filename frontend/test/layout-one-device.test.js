// Several devices share the one-device layout's parts: this keeps the one-device figure as it was
// before they did. The fixture is layout.js's output before the split, written by
// `LAYOUT_UPDATE=1 node --test frontend/test/layout-one-device.test.js` (only on purpose; review the diff).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { layout } from '../src/layout.js';

const FIXTURE = new URL('./layout-one-device.json', import.meta.url);

// 3.16 and every 7.0 shape of one device: schedulers, poll queues, NUMA, requeue list, a trace's CPUs.
const CASES = {
  'six-cpus-four-hctx': [{ cpus: 6, hwQueues: 4, cpuToHctx: [0, 0, 1, 1, 2, 2] }],
  'mq-deadline': [{ cpus: 2, hwQueues: 1, cpuToHctx: [0, 0] }, { scheduler: 'mq-deadline' }],
  kyber: [{ cpus: 4, hwQueues: 2, cpuToHctx: [0, 0, 1, 1] }, { scheduler: 'kyber' }],
  poll: [{ cpus: 2, hwQueues: 4, pollQueues: 2, cpuToHctx: [0, 1], cpuToPollHctx: [2, 3] }, { scheduler: 'none' }],
  numa: [{ cpus: 8, hwQueues: 4, cpuToHctx: [2, 2, 3, 3, 0, 0, 1, 1] }, { numaNodes: [[0, 1, 2, 3], [4, 5, 6, 7]] }],
  requeue: [{ cpus: 1, hwQueues: 1, cpuToHctx: [0] }, { scheduler: 'mq-deadline', requeueList: true }],
  trace: [{ cpus: 8, hwQueues: 1, cpuToHctx: [0, 0, 0, 0, 0, 0, 0, 0], shown: [1, 5] }],
};
const WIDTHS = [390, 1024, 1440];
const FONTS = [12, 16];

const plain = v => JSON.parse(JSON.stringify(v, (k, x) => (x instanceof Map ? [...x] : x)));

function all() {
  const out = {};
  for (const [name, [topo, options]] of Object.entries(CASES)) {
    for (const w of WIDTHS) for (const f of FONTS) out[`${name} ${w} ${f}`] = plain(layout(topo, { ...options, width: w, font: f }));
  }
  return out;
}

test('the one-device layout is the one it was before several devices shared its parts', () => {
  // One layout a line: a regenerated fixture's diff names the cases that moved.
  if (process.env.LAYOUT_UPDATE) {
    writeFileSync(FIXTURE, `{\n${Object.entries(all()).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}\n`);
  }
  const expected = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  const now = all();
  assert.deepEqual(Object.keys(now), Object.keys(expected));
  for (const k of Object.keys(expected)) assert.deepEqual(now[k], expected[k], k);
});
