import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withStep, stepOf } from '../src/link.js';
import { bucketOf, bucketRange, emptyHistogram, addSample, rows } from '../src/histogram.js';
import { formatNs } from '../src/format.js';

test('the share link gets &step=K, replacing a step already there', () => {
  assert.equal(withStep('/?v=1&name=a&cpus=4', 12), '/?v=1&name=a&cpus=4&step=12');
  assert.equal(withStep('/?v=1&step=3&name=a', 7), '/?v=1&name=a&step=7');
  assert.equal(withStep('/?v=1&step=3', 0), '/?v=1');
  assert.equal(stepOf('/?v=1&step=42&x=1'), 42);
  assert.equal(stepOf('/?v=1&xstep=4'), 0);
});

test('log2 buckets follow biolatency: 0–1 µs, 1–2, 2–4, …', () => {
  assert.equal(bucketOf(500), 0);
  assert.equal(bucketOf(1000), 1);
  assert.equal(bucketOf(3999), 2);
  assert.equal(bucketOf(4000), 3);
  assert.deepEqual(bucketRange(3), [4, 8]);
  const h = emptyHistogram();
  [1500, 1600, 70_000].forEach(ns => addSample(h, ns));
  const r = rows(h);
  assert.equal(r[0].bucket, 1);
  assert.equal(r[0].count, 2);
  assert.equal(r.at(-1).count, 1);
  assert.equal(r.reduce((a, x) => a + x.count, 0), 3);
});

test('nanoseconds read as ns, µs, ms', () => {
  assert.equal(formatNs(999), '999 ns');
  assert.equal(formatNs(1500), '1.50 µs');
  assert.equal(formatNs(25_000_000), '25.0 ms');
  assert.equal(formatNs(-1), '—');
});

test('the page title names the loaded scenario as the server does for its link', async () => {
  const { titleOf } = await import('../src/link.js');
  assert.equal(titleOf({ name: 'Figure 1', cpus: 4, hwQueues: 1 }), 'Figure 1 — 4 CPUs, 1 hardware queue · blkflow');
  assert.equal(titleOf({ name: 'Figure 1', mode: 'mq', cpus: 4, hwQueues: 2 }, 57), 'Figure 1 — 4 CPUs, 2 hardware queues · step 57 · blkflow');
  assert.equal(titleOf({ name: '', mode: 'sq', cpus: 8, hwQueues: 1 }, 3), 'request queue scenario — 8 CPUs · step 3 · blkflow',
    'the legacy queue has no hardware queues to count');
});
