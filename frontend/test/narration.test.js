import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { narrate, KINDS } from '../src/narration.js';

const t = f => ({ seq: 1, t: 0, cpu: 2, pid: 9, comm: 'fio', bio: 14, req: 9, ctx: 2, hctx: 1, tag: 3,
  sector: 64, sectors: 8, rwbs: 'W', action: null, count: -1, ...f });

test('a back merge on the plug list reads as the brief says', () => {
  assert.equal(narrate(t({ kind: 'backmerge', action: 'M' }), 'plug:2'),
    'CPU 2 merges bio 14 onto the back of request 9 on its plug list: the bio starts where the request ends, '
    + 'so no new request is needed (bio_attempt_back_merge).');
});

test('a front merge on a software queue names the queue and the new start', () => {
  const s = narrate(t({ kind: 'frontmerge', action: 'F' }), 'ctx:2');
  assert.match(s, /front of request 9 on software queue ctx:2/);
  assert.match(s, /starts at sector 64/);
});

test('a requeue says BUSY and where the request goes', () => {
  assert.match(narrate(t({ kind: 'requeue', action: 'R' })), /BUSY.*head of hctx 1's dispatch list/);
});

test('plug tells the first plug (P) from a later one', () => {
  assert.match(narrate(t({ kind: 'plug', action: 'P' })), /starts a plug list.*\(P\)/);
  assert.doesNotMatch(narrate(t({ kind: 'plug', action: null })), /\(P\)/);
});

/** The labels of TransitionKind, read from the Java source: the protocol's one list of kinds. */
function javaKinds() {
  const java = readFileSync(new URL('../../src/main/java/org/blkflow/transition/TransitionKind.java', import.meta.url), 'utf8');
  return [...java.matchAll(/^\s+[A-Z][A-Z0-9_]*\("([a-z0-9_]+)"/gm)].map(m => m[1]);
}

test('every kind of the protocol (TransitionKind) has its own words, and unknown kinds still say something', () => {
  const all = javaKinds();
  assert.ok(all.length >= 20 && all.includes('queue') && all.includes('free'), `read TransitionKind's labels: ${all}`);
  assert.deepEqual([...KINDS].sort(), [...all].sort());
  assert.match(narrate(t({ kind: 'mystery', fn: 'foo' })), /mystery \(foo\)/);
  assert.match(narrate(t({ kind: 'unplug', count: 1 })), /1 request go/);
});

test('an IPI goes from the completing CPU to the submitting one, a deferred run names its kblockd CPU', () => {
  assert.match(narrate(t({ kind: 'ipi', cpu: 3, ctx: 1 })), /^CPU 3 sends .* by IPI to CPU 1, which submitted it/);
  assert.match(narrate(t({ kind: 'run_async', count: 5 })), /to kblockd on CPU 5/);
});

test('the article and the verb agree with the number: "an 8-sector", "1 request goes", "2 requests go"', async () => {
  const { aOrAn } = await import('../src/narration.js');
  assert.deepEqual([4, 8, 11, 16, 18, 80, 110, 1100, 11000, 800].map(aOrAn), ['a', 'an', 'an', 'a', 'an', 'an', 'a', 'a', 'an', 'an']);
  assert.match(narrate(t({ kind: 'queue', action: 'Q', sectors: 8 })), /bio 14, an 8-sector write/);
  assert.match(narrate(t({ kind: 'unplug', action: 'U', count: 1 })), /\(U\): 1 request goes to/);
  assert.match(narrate(t({ kind: 'unplug', action: 'U', count: 2 })), /\(U\): 2 requests go to/);
});

test('Linux 7.0 moves read as 7.0: G after the allocation, no S, U straight to the driver; 3.16 keeps its words', () => {
  const g = narrate({ kind: 'getrq', fn: 'blk_mq_submit_bio', action: 'G', cpu: 0, req: 3, bio: 3, tag: -1 });
  assert.match(g, /after the allocation/);
  assert.match(g, /scheduler tag/);
  assert.match(narrate({ kind: 'sleeprq', fn: 'blk_mq_get_tag', cpu: 1, hctx: 0, bio: 9 }), /no S in 7\.0/);
  assert.match(narrate({ kind: 'unplug', fn: 'blk_mq_dispatch_queue_requests', action: 'U', cpu: 0, count: 3 }),
    /3 requests.*straight to the driver/);
  // 3.16 traces its U in blk_mq_insert_requests and its tag_get in blk_mq_get_tag: not 7.0's insert or sleep.
  assert.match(narrate({ kind: 'unplug', fn: 'blk_mq_insert_requests', action: 'U', cpu: 0, ctx: 0, count: 2 }), /16 requests plugged/);
  assert.match(narrate({ kind: 'tag_get', fn: 'blk_mq_get_tag', req: 1, tag: 4, hctx: 0 }), /takes tag 4/);
  assert.match(narrate({ kind: 'getrq', fn: 'blk_mq_map_request', cpu: 0, req: -1, bio: 1, ctx: 0, hctx: 0 }), /before allocating/);
});

test('a lock move names the lock, the CPUs and the wait; the log shows its first clause', () => {
  const spin = narrate({ kind: 'lock_contended', fn: 'spin_lock_irq', lock: 'queue_lock', cpu: 1, count: 0 });
  assert.match(spin, /^CPU 1 spins on queue_lock, held by CPU 0: .*spin_lock_irq.*interrupts off/);
  assert.match(narrate({ kind: 'lock_acquired', fn: 'spin_lock', lock: 'hctx[0]->lock', cpu: 2, count: 470 }),
    /^CPU 2 gets hctx\[0\]->lock after spinning 470 ns/);
  assert.match(narrate({ kind: 'lock_release', fn: 'spin_unlock_irq', lock: 'io_lock', cpu: 0, count: -1 }),
    /^CPU 0 releases io_lock, and nobody is waiting for it: spin_unlock_irq/);
});

test("mq-deadline's dispatch says where the request stands in its batch, from the stream's count", () => {
  const dd = f => narrate(t({ kind: 'elv_dispatch', fn: 'dd_dispatch_request', ...f }));
  assert.match(dd({ count: 1, rwbs: 'W' }), /^mq-deadline hands request 9 \(sectors 64–71\) to hctx 1, starting a write batch \(dd_dispatch_request\)/);
  assert.match(dd({ count: 3, rwbs: 'R' }), /, read 3 of up to 16 in this batch \(dd_dispatch_request\): the next read by sector/);
  assert.match(dd({ count: -1, rwbs: 'W' }), /from dd->dispatch \(dd_dispatch_request\): .*outside any batch/);
});

test('shared tags (7.0): tag_busy counts the active queues; a wait over the fair share with tags free says so', () => {
  const busy = narrate(t({ kind: 'tag_busy', fn: '__blk_mq_tag_busy', hctx: 1, count: 2 }));
  assert.match(busy, /hctx 1 among its shared tag set's active queues \(blk_mq_tag_busy → __blk_mq_tag_busy\), 2 of them/);
  const over = narrate(t({ kind: 'sleeprq', fn: 'blk_mq_get_tag', hctx: 0, count: 8 }));
  assert.match(over, /has tags free: hctx 0 already holds its fair share, 8 tags \(hctx_may_queue/);
  assert.match(over, /waits over its share/);
  const full = narrate(t({ kind: 'sleeprq', fn: 'blk_mq_get_tag', hctx: 0, count: -1 }));
  assert.doesNotMatch(full, /share/, 'a wait on a full set is not a share\'s');
  // The golden stream's only such wait carries its share.
  const fx = JSON.parse(readFileSync(new URL('./fixtures/shared-tags-70.json', import.meta.url)));
  const waits = fx.transitions.filter(m => m.kind === 'sleeprq');
  assert.ok(waits.length && waits.every(m => /over its share/.test(narrate(m))), 'shared-tags-70\'s wait is over its share');
});
