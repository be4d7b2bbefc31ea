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
