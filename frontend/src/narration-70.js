// The narration of Linux 7.0's own functions (scenario kernel "7.0"), by kernel function: the same
// kinds of move as 3.16 (Q, G, P, U, I, D) happen in other functions, for other reasons.
const range = t => `sectors ${t.sector}–${t.sector + t.sectors - 1}`;
const dir = t => (t.rwbs || '').includes('W') ? 'write' : 'read';
const n = (k, word) => `${k} ${word}${k === 1 ? '' : 's'}`;

// Keyed by "kind function": 3.16 uses some of the same names for other moves (its U is traced in
// blk_mq_insert_requests, its tag_get in blk_mq_get_tag).
export const BY_FN_70 = {
  'queue submit_bio_noacct_nocheck': t => `CPU ${t.cpu} queues bio ${t.bio}, a ${t.sectors}-sector ${dir(t)} (${range(t)}) from ${t.comm} (Q, submit_bio_noacct_nocheck); __submit_bio then plugs it — every bio is plugged in 7.0, in the caller's plug or one of its own.`,
  'split bio_submit_split': t => `CPU ${t.cpu} splits bio ${t.bio} to the queue's limits (X, __bio_split_to_limits → bio_submit_split): the front ${t.sectors} sectors (${range(t)}) become a bio of their own, marked no-merge, and the remainder from sector ${t.count} goes back on current->bio_list, submitted after this piece with no second Q.`,
  'cache __blk_mq_alloc_requests_batch': t => `Request ${t.req} goes to CPU ${t.cpu}'s plug cache holding ${t.tag >= 0 ? `tag ${t.tag}` : 'a scheduler tag'} (__blk_mq_alloc_requests_batch): the plug was started with nr_ios > 1, so the first allocation took its tags in one batch; later bios take these requests, highest tag first, with a G each and no new tag.`,
  'free blk_mq_free_plug_rqs': t => `Cached request ${t.req} was never used and is freed as the plug is flushed (blk_mq_free_plug_rqs): its tag goes back with no blktrace event.`,
  'getrq blk_mq_submit_bio': t => t.from?.startsWith('cached:')
    ? `CPU ${t.cpu} takes cached request ${t.req} from its plug for bio ${t.bio} (G, blk_mq_use_cached_rq): the batch already holds its tag, so no allocation.`
    : `CPU ${t.cpu} has request ${t.req} for bio ${t.bio} (G): 7.0 traces G in blk_mq_submit_bio after the allocation, once no merge took the bio${t.tag >= 0 ? `; its tag ${t.tag} is a driver tag` : '; it holds a scheduler tag and gets a driver tag only at dispatch'}.`,
  'plug blk_add_rq_to_plug': t => t.action === 'P'
    ? `CPU ${t.cpu} starts a plug with request ${t.req} (P, blk_add_rq_to_plug): the plug was empty, or was just flushed at its 32-request or 128 KiB limit.`
    : `CPU ${t.cpu} adds request ${t.req} to its plug (blk_add_rq_to_plug): sync or not, it waits there until the plug is flushed.`,
  'sleeprq blk_mq_get_tag': t => t.count > 0
    ? `CPU ${t.cpu} sleeps in blk_mq_get_tag for bio ${t.bio} although its shared tag set has tags free: hctx ${t.hctx} already holds its fair share, ${t.count} tags (hctx_may_queue: max(⌈depth / active queues⌉, 4)), so it waits over its share until one of its own is freed. No S in 7.0.`
    : `CPU ${t.cpu} finds no free tag on hctx ${t.hctx} for bio ${t.bio} and sleeps in blk_mq_get_tag: no S in 7.0 (block_sleeprq went in 5.11), so blktrace shows only the time between Q and G.`,
  'wake sbitmap_queue_wake_up': t => `Bio ${t.bio}'s task is woken (sbitmap_queue_wake_up): a batch of frees on hctx ${t.hctx}'s tags wakes up to wake_batch waiters.`,
  'unplug blk_mq_dispatch_queue_requests': t => `CPU ${t.cpu} flushes its plug (U, ${n(t.count, 'request')}) with no scheduler: the requests go straight to the driver (queue_rqs), no insert.`,
  'unplug blk_mq_dispatch_list': t => `CPU ${t.cpu} flushes ${n(t.count, 'request')} of its plug (${t.action}${t.action === 'UT' ? ': the task is going to sleep, so they are inserted and kblockd issues them' : ''}); the I's follow.`,
  'insert dd_insert_request': t => t.from === 'requeue:0'
    ? `kblockd's requeue work re-inserts request ${t.req} into mq-deadline at the head (I, dd_insert_request with BLK_MQ_INSERT_AT_HEAD): it goes on dd->dispatch and is dispatched before every other queued request.`
    : `Request ${t.req} is inserted into mq-deadline (I, dd_insert_request): sorted by sector and queued on its direction's FIFO with a deadline.`,
  'insert blk_mq_request_bypass_insert': t => `Request ${t.req} found the device's dispatch budget used up before queue_rq (blk_mq_get_budget_and_tag): blk_mq_request_bypass_insert puts it on hctx ${t.hctx}'s dispatch list, no I and no D; a budget put at the next completion runs the queue again.`,
  'insert blk_mq_insert_requests': t => `Request ${t.req} is inserted at the tail of software queue ctx ${t.ctx} (I, blk_mq_insert_requests): it could not go straight to the driver.`,
  'run_async blk_mq_delay_run_hw_queue': t => `CPU ${t.cpu} arms hctx ${t.hctx}'s run_work on kblockd${t.count >= 0 ? `, CPU ${t.count}` : ''} (blk_mq_delay_run_hw_queue): one pending run per hctx, re-armed rather than queued twice.`,
  'run_queue blk_mq_sched_dispatch_requests': t => `CPU ${t.cpu} runs hctx ${t.hctx} (blk_mq_sched_dispatch_requests): hctx->dispatch first, then the scheduler or the software queues.`,
  'flush_ctx blk_mq_flush_busy_ctxs': t => `Request ${t.req} leaves software queue ctx ${t.ctx} for hctx ${t.hctx} (blk_mq_flush_busy_ctxs): every busy ctx is taken whole, in CPU order.`,
  'flush_ctx blk_mq_dequeue_from_ctx': t => `Request ${t.req} leaves ctx ${t.ctx} alone (blk_mq_dequeue_from_ctx): the hctx is dispatch_busy, so ctxs are served one request at a time, round robin.`,
  'insert kyber_insert_requests': t => `Request ${t.req} is inserted into kyber (I, kyber_insert_requests): it waits in CPU ${t.ctx}'s queue for its domain (${dir(t)}), where later bios can still merge into it.`,
  'elv_dispatch kyber_dispatch_request': t => `kyber hands request ${t.req} (${range(t)}) to hctx ${t.hctx} (kyber_dispatch_request) with a token of its domain, held until it completes: up to 16 reads or 8 writes in a row, and none at all while the domain is out of tokens.`,
  'complete blk_complete_request': t => `Task ${t.comm} on CPU ${t.cpu} polled hctx ${t.hctx} (bio_poll → blk_mq_poll → null_poll) and found request ${t.req} done: C in blk_mq_end_request_batch, on the submitter's own CPU, with no interrupt.`,
  'free blk_mq_flush_tag_batch': t => `Request ${t.req}'s tag goes back with its batch (blk_mq_flush_tag_batch): polled completions free their tags up to 32 at a time per hctx.`,
  'elv_dispatch dd_dispatch_request': t => ddDispatch(t),
  'ipi blk_mq_complete_send_ipi': t => `CPU ${t.cpu} sends request ${t.req}'s completion to CPU ${t.ctx} by IPI: the submitter is on another node, with another last-level cache.`,
  'rq_merge attempt_merge': t => `Request ${t.req} (${range(t)}) now continues request ${t.count}, so mq-deadline's attempt_merge appends it there (M, block_rq_merge, with its own sectors): its bios complete with request ${t.count}'s single C, and it never gets an I, D or C of its own.`,
  'free blk_mq_free_request': t => `Request ${t.req}, absorbed by another, is freed (blk_mq_free_request): its scheduler tag goes back without a completion.`,
  'requeue blk_mq_requeue_request': t => `null_blk's queue_rq hands request ${t.req} back (R, blk_mq_requeue_request — its requeue fault injection): it goes on q->requeue_list${t.tag >= 0 ? ', keeping its tag' : ', its driver tag put back'}, and kblockd's requeue work re-inserts it at the head.`,
  'insert blk_mq_insert_request': t => `kblockd's requeue work puts request ${t.req} back at the head of software queue ctx ${t.ctx} (I, blk_mq_insert_request with BLK_MQ_INSERT_AT_HEAD): it is dispatched again before the requests behind it.`,
  'free __blk_mq_free_request': t => `Request ${t.req} is freed (__blk_mq_free_request): its driver and scheduler tags go back, waiters may wake, and a hctx waiting for a restart is run.`,
};

/** 7.0's words for a transition, or undefined when the move is one 3.16 shares. */
export const narrate70 = t => BY_FN_70[`${t.kind} ${t.fn}`];

/**
 * mq-deadline's dispatch, with the request's place in its batch (the stream's count): the first of a
 * batch chooses a direction, the rest follow the sectors; one from dd->dispatch is outside any batch.
 */
function ddDispatch(t) {
  const head = `mq-deadline hands request ${t.req} (${range(t)}) to hctx ${t.hctx}`;
  const dir = /W/.test(t.rwbs ?? '') ? 'write' : 'read';
  if (!(t.count > 0)) {
    return `${head} from dd->dispatch (dd_dispatch_request): a request handed back to the scheduler goes first, outside any batch; it needs a driver tag now.`;
  }
  if (t.count === 1) {
    return `${head}, starting a ${dir} batch (dd_dispatch_request): a new batch takes reads unless writes have been passed over twice (writes_starved), and starts at the next ${dir} by sector, or the oldest if its deadline has passed; it needs a driver tag now.`;
  }
  return `${head}, ${dir} ${t.count} of up to 16 in this batch (dd_dispatch_request): the next ${dir} by sector after the last one dispatched; it needs a driver tag now.`;
}
