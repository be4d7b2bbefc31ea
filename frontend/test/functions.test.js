import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MQ_PATH, highlight, explain } from '../src/functions.js';

test('the mq path runs from generic_make_request to freeing the request', () => {
  assert.equal(MQ_PATH[0].fn, 'generic_make_request');
  assert.equal(MQ_PATH.at(-1).fn, 'blk_mq_free_request');
  assert.ok(MQ_PATH.every(p => p.explain.length > 20));
  const order = ['blk_mq_map_request', 'blk_mq_get_tag', '__blk_mq_insert_request', 'flush_busy_ctxs',
    'blk_mq_start_request', 'queue_rq', 'blk_update_request'].map(f => MQ_PATH.findIndex(p => p.fn === f));
  assert.deepEqual(order, [...order].sort((a, b) => a - b));
});

test('alternatives and inner functions light up their step of the path', () => {
  assert.equal(highlight('blk_sq_make_request'), 'blk_mq_make_request');
  assert.equal(highlight('null_queue_rq'), 'queue_rq');
  assert.equal(highlight('generic_make_request_checks'), 'generic_make_request');
  assert.equal(highlight('blk_mq_put_tag'), 'blk_mq_free_request');
  assert.equal(highlight('printk'), null);
  assert.match(explain('blk_mq_start_request'), /\(D\)/);
});

test('a 7.0 scenario gets the 7.0 path, and every function the 7.0 golden streams name lights a step of it', async () => {
  const { pathFor, MQ70_PATH } = await import('../src/functions.js');
  const { readFileSync, readdirSync } = await import('node:fs');
  assert.equal(pathFor({ mode: 'mq', kernel: '7.0' }), MQ70_PATH);
  assert.notEqual(pathFor({ mode: 'mq' }), MQ70_PATH);
  const dir = new URL('../../src/test/resources/golden/', import.meta.url);
  const files = readdirSync(dir).filter(f => f.endsWith('-70.txt'));
  assert.ok(files.length >= 4, files.join());
  const fns = new Set();
  for (const f of files) {
    for (const line of readFileSync(new URL(f, dir), 'utf8').split('\n')) if (line) fns.add(line.split(' ')[4]);
  }
  for (const fn of fns) assert.ok(highlight(fn, MQ70_PATH), `${fn} is on the 7.0 path`);
  assert.ok(fns.has('dd_dispatch_request') && fns.has('blk_mq_dispatch_queue_requests'), [...fns].join());
});

test('whatever a transition names, the step it lights is on the path drawn, for every mode and driver', async () => {
  const { pathFor } = await import('../src/functions.js');
  const { readFileSync, readdirSync } = await import('node:fs');
  const dir = new URL('../../src/test/resources/golden/', import.meta.url);
  const fns = new Set(['blk_mq_stop_hw_queue', 'blk_mq_requeue_request', 'blk_stop_queue', 'bio_endio']);
  for (const f of readdirSync(dir).filter(n => n.endsWith('.txt'))) {
    for (const line of readFileSync(new URL(f, dir), 'utf8').split('\n')) if (line) fns.add(line.split(' ')[4]);
  }
  const scenarios = [{ mode: 'mq' }, { mode: 'mq', device: { driver: 'xen-blkfront' } }, { mode: 'sq' },
    { mode: 'sq', device: { driver: 'xen-blkfront' } }, { mode: 'bio' }, { mode: 'mq', kernel: '7.0' }];
  for (const s of scenarios) {
    const path = pathFor(s);
    for (const fn of fns) {
      const lit = highlight(fn, path);
      assert.ok(lit === null || path.some(p => p.fn === lit), `${fn} lights ${lit}, which is not on the ${JSON.stringify(s)} path`);
    }
  }
  // xen-blkfront on blk-mq stops its hctx from its own queue_rq: that is the step lit.
  assert.equal(highlight('blk_mq_stop_hw_queue', pathFor(scenarios[1])), 'blkif_queue_rq');
  assert.equal(highlight('blk_mq_stop_hw_queue', pathFor(scenarios[0])), 'queue_rq');
});
