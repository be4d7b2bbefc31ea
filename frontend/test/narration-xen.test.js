// dom0's null_blk queue (device.backend.submitQueues) in words: each of its blkback moves has its own
// sentence naming the kernel function, never the generic fallback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { narrate } from '../src/narration.js';

const tr = fn => ({ seq: 1, t: 0, kind: 'blkback', fn, cpu: 17, pid: 400, comm: 'blkback.1.xvda-0', bio: -1, req: 7,
  ctx: 0, hctx: 0, tag: 0, sector: 64, sectors: 8, rwbs: 'R', action: null, count: -1 });

test('every move of dom0\'s null_blk queue is narrated by its own function', () => {
  for (const fn of ['blk_sq_make_request', 'blk_mq_make_request', 'blk_mq_get_tag', 'bt_get', '__blk_mq_insert_request',
    'blk_mq_start_request', 'null_queue_rq', 'blk_mq_put_tag']) {
    const text = narrate(tr(fn));
    assert.ok(text.includes(`(${fn})`), `${fn}: ${text}`);
    assert.ok(!text.startsWith('xen-blkback on dom0'), `${fn} falls back: ${text}`);
  }
  assert.match(narrate(tr('bt_get')), /Every tag of dom0's hardware queue is out: blkback's thread for ring 0 sleeps on CPU 17/);
});
