// Each transition in plain words: who did what, and why the kernel does it.
import { BY_FN, BY_KIND } from './narration-legacy.js';
import { narrateTrace } from './narration-trace.js';
import { narrate70 } from './narration-70.js';
import { XEN_KINDS } from './narration-xen.js';
import { LOCK_TEXT } from './narration-locks.js';

// `where` (optional) tells where the transition's request sits now, for merges: e.g. "plug:2".
const range = t => `sectors ${t.sector}–${t.sector + t.sectors - 1}`;
const dir = t => (t.rwbs || '').includes('W') ? 'write' : 'read';

/** "a 4-sector", "an 8-sector", "an 11-sector", "an 18,000-sector": the article as the number is said. */
export function aOrAn(n) {
  const s = String(n);
  const eleven = (s.startsWith('11') || s.startsWith('18')) && (s.length - 2) % 3 === 0;
  return s.startsWith('8') || eleven ? 'an' : 'a';
}

function placeWords(place) {
  if (!place) return 'its queue';
  if (place.startsWith('plug:')) return 'its plug list';
  if (place.startsWith('ctx:')) return `software queue ${place}`;
  return place;
}

const TEXT = {
  split: t => `CPU ${t.cpu} splits bio ${t.bio} (X): its first ${t.sectors} sectors (${range(t)}) go on as a bio of their own, the rest from sector ${t.count} is submitted again after them, with no second Q.`,
  cache: t => `Request ${t.req} waits in CPU ${t.cpu}'s plug cache with tag ${t.tag}: one allocation took a batch of tags, and each later bio takes one of these requests instead of a tag of its own (no blktrace event).`,
  queue: t => `CPU ${t.cpu} queues bio ${t.bio}, ${aOrAn(t.sectors)} ${t.sectors}-sector ${dir(t)} (${range(t)}) from ${t.comm}: generic_make_request_checks fires block_bio_queue (Q) and calls the queue's make_request_fn.`,
  getrq: t => `CPU ${t.cpu} gets a request${t.req >= 0 ? ` (${t.req})` : ''} for bio ${t.bio} on ctx ${t.ctx} → hctx ${t.hctx}: 3.16 blk-mq fires G in blk_mq_map_request before allocating, because no merge took the bio.`,
  sleeprq: t => t.fn === 'bt_get'
    ? `The task on CPU ${t.cpu} was woken, but every tag of hctx ${t.hctx} is held again: it goes back to sleep on a tag wait queue (no new S).`
    : `CPU ${t.cpu} finds every tag of hctx ${t.hctx} held (S): the task joins a tag wait queue, runs the hardware queue itself (a completion there may free a tag, which it then takes) and otherwise sleeps until completions free tags.`,
  wake: t => `A task sleeping for a tag on hctx ${t.hctx} is woken${t.count > 0 ? ` after ${t.count} frees` : ''}: tags wake waiters in batches (wake_cnt), not on every free.`,
  tag_busy: t => `CPU ${t.cpu} counts hctx ${t.hctx} among its shared tag set's active queues (blk_mq_tag_busy → __blk_mq_tag_busy), ${t.count} of them now: hctx_may_queue then holds each active queue to a fair share of the set, max(⌈depth / ${t.count}⌉, 4) tags.`,
  tag_get: t => `Request ${t.req} takes tag ${t.tag} on hctx ${t.hctx} (blk_mq_get_tag): the tag is its slot in the hardware queue's depth and names it to the driver.`,
  plug: t => t.action === 'P'
    ? `CPU ${t.cpu} starts a plug list with request ${t.req} (P): async I/O waits in current->plug so that later adjacent bios can merge before the queue sees them.`
    : `CPU ${t.cpu} adds request ${t.req} to its plug list: it waits there with the others until the plug is flushed.`,
  backmerge: (t, where) => `CPU ${t.cpu} merges bio ${t.bio} onto the back of request ${t.req} on ${placeWords(where)}: the bio starts where the request ends, so no new request is needed (bio_attempt_back_merge).`,
  frontmerge: (t, where) => `CPU ${t.cpu} merges bio ${t.bio} onto the front of request ${t.req} on ${placeWords(where)}: the bio ends where the request starts, so the request now starts at sector ${t.sector} (bio_attempt_front_merge).`,
  rq_merge: t => `Request ${t.req} is absorbed by request ${t.count}, which now ends where it ended (M, attempt_merge): its bios complete with request ${t.count}.`,
  unplug: t => `CPU ${t.cpu} flushes its plug list (U): ${t.count} request${t.count === 1 ? ' goes' : 's go'} to software queue ctx ${t.ctx}; a plug is flushed when the task finishes, sleeps or has 16 requests plugged (blk_flush_plug_list).`,
  insert: t => `Request ${t.req} is inserted at the tail of software queue ctx ${t.ctx} (I), which is marked busy in hctx ${t.hctx}'s ctx_map (__blk_mq_insert_request).`,
  run_async: t => `CPU ${t.cpu} defers a run of hctx ${t.hctx} to kblockd${t.count >= 0 ? ` on CPU ${t.count}` : ''}: the I/O is async, or this CPU is not in the hctx's cpumask (blk_mq_run_hw_queue).`,
  run_queue: t => `CPU ${t.cpu} runs hctx ${t.hctx} (__blk_mq_run_hw_queue): it collects requests from the busy software queues and the dispatch list and hands them to the driver.`,
  flush_ctx: t => `Request ${t.req} moves from software queue ctx ${t.ctx} to hctx ${t.hctx}'s list: flush_busy_ctxs splices each busy ctx in turn.`,
  issue: t => `CPU ${t.cpu} issues request ${t.req} (tag ${t.tag}) to the driver (D): blk_mq_start_request marks it started and arms its timeout just before queue_rq.`,
  queue_rq: t => `The driver's queue_rq accepts request ${t.req}: the device now has it in flight on hctx ${t.hctx}.`,
  requeue: t => `The driver answers BUSY for request ${t.req}: it goes back to the head of hctx ${t.hctx}'s dispatch list (R) and waits for the next run of that queue.`,
  stop: t => `The driver stops hctx ${t.hctx} (blk_mq_stop_hw_queue): the device is full, so runs of this queue do nothing until a completion restarts it.`,
  start: t => `A completion on CPU ${t.cpu} restarts stopped hardware queues (blk_mq_start_stopped_hw_queues): the device has room again, so waiting requests can be dispatched.`,
  ipi: t => `CPU ${t.cpu} sends the completion of request ${t.req} by IPI to CPU ${t.ctx}, which submitted it: QUEUE_FLAG_SAME_COMP keeps completion work on the submitter's cache.`,
  complete: t => `Request ${t.req} completes on CPU ${t.cpu} (C): blk_update_request ends its ${t.sectors} sectors and their bios.`,
  bio_end: t => `Bio ${t.bio} is ended back to its submitter (bio_endio): the waiting task or aio completion sees its data.`,
  free: t => `Request ${t.req} is freed and tag ${t.tag} returns to hctx ${t.hctx} (blk_mq_free_request → blk_mq_put_tag); a task sleeping for a tag may be woken.`,
};

/** @param trace true when t comes from a replayed trace: then only what the trace recorded is said */
export function narrate(t, where, trace = false) {
  if (trace) return narrateTrace(t);
  const text = LOCK_TEXT[t.kind] ?? narrate70(t) ?? BY_FN[t.fn] ?? BY_KIND[t.kind] ?? TEXT[t.kind] ?? XEN_KINDS[t.kind];
  return text ? text(t, where) : `CPU ${t.cpu}: ${t.kind} (${t.fn || 'unknown function'}).`;
}

export const KINDS = [...Object.keys(TEXT), ...Object.keys(BY_KIND), ...Object.keys(XEN_KINDS), ...Object.keys(LOCK_TEXT)];
