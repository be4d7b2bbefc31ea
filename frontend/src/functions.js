// Figure 3: the kernel functions a bio and its request pass through in blk-mq (3.16), in order,
// each with a line saying what it does, shown on hover. pathFor picks the path of a scenario's mode
// and driver (legacy-paths.js holds the request_fn and bio-based ones).
import { SQ_PATH, BIO_PATH, XEN_SQ_STEPS, XEN_MQ_STEPS, SQ_INSIDE } from './legacy-paths.js';
import { MODE, KERNEL, DRIVER } from './labels.js';

export const MQ_PATH = [
  { fn: 'generic_make_request', explain: 'Entry for every bio: checks and remaps it, fires block_bio_queue (Q), calls the queue\'s make_request_fn.' },
  { fn: 'blk_mq_make_request', alt: ['blk_sq_make_request'], explain: 'make_request_fn of a blk-mq queue: blk_mq_make_request with several hardware queues, blk_sq_make_request (which plugs) with one.' },
  { fn: 'blk_mq_map_request', explain: 'Picks this CPU\'s software queue (ctx) and its hardware queue (hctx = mq_map[cpu]), fires G, then allocates a request.' },
  { fn: 'blk_mq_get_tag', explain: 'Takes a free tag from the hctx\'s tag set; with none free, the task sleeps on a tag wait queue (S).' },
  { fn: 'blk_attempt_plug_merge', alt: ['blk_mq_attempt_merge'], explain: 'Tries to append (M) or prepend (F) the bio to an adjacent request on the plug list or the ctx list, saving a request.' },
  { fn: 'blk_flush_plug_list', alt: ['blk_mq_insert_requests'], explain: 'Unplug (U): sorts the plugged requests and inserts them into their software queues in batches per ctx.' },
  { fn: '__blk_mq_insert_request', explain: 'Adds the request to the tail of ctx->rq_list (I) and marks the ctx busy in hctx->ctx_map.' },
  { fn: 'blk_mq_run_hw_queue', explain: 'Runs the hctx inline if the current CPU may, else defers the run to kblockd; a STOPPED queue is not run.' },
  { fn: '__blk_mq_run_hw_queue', explain: 'The run itself: gathers work from the busy software queues and hctx->dispatch and hands it to the driver.' },
  { fn: 'flush_busy_ctxs', explain: 'For each busy ctx of this hctx, splices its rq_list onto the run\'s local list (in index_hw order).' },
  { fn: 'blk_mq_start_request', explain: 'Marks the request STARTED, arms its 30 s timeout and fires block_rq_issue (D).' },
  { fn: 'queue_rq', alt: ['null_queue_rq'], explain: 'The driver\'s entry (null_queue_rq for null_blk): OK takes the request, BUSY sends it back to hctx->dispatch (R).' },
  { fn: 'blk_mq_complete_request', explain: 'The driver reports the request done; with SAME_COMP the completion may be sent by IPI to the submitting CPU.' },
  { fn: 'blk_mq_end_io', explain: 'Ends the request: updates it and then frees it.' },
  { fn: 'blk_update_request', explain: 'Fires block_rq_complete (C) and ends each bio back to its submitter (bio_endio).' },
  { fn: 'blk_mq_free_request', alt: ['blk_mq_put_tag'], explain: 'Returns the request and its tag; every wake_cnt frees a tag waiter is woken.' },
];

// Linux 7.0 (scenario kernel "7.0"): every function the model names is a step or one of its alternatives.
export const MQ70_PATH = [
  { fn: 'submit_bio_noacct_nocheck', explain: 'Fires block_bio_queue (Q) once per bio, then __submit_bio, which plugs every bio: the caller\'s plug, or one of its own flushed on return.' },
  { fn: 'blk_mq_submit_bio', alt: ['bio_attempt_back_merge', 'bio_attempt_front_merge', 'bio_submit_split', 'attempt_merge'], explain: 'Splits a bio over the queue\'s limits (X; the rest is submitted again, no second Q); tries the plug\'s newest request, then the scheduler or this CPU\'s ctx, for a merge (M/F); else takes the plug\'s cached request or allocates one, and fires G after it. Under mq-deadline a merge that makes two queued requests contiguous absorbs the later one (attempt_merge: M for it, no I, D or C); so may an insert.' },
  { fn: 'blk_mq_get_tag', alt: ['sbitmap_queue_wake_up', '__blk_mq_alloc_requests_batch', '__blk_mq_tag_busy'], explain: 'A plug of nr_ios > 1 takes that many tags in one batch and caches the spare requests in the plug. Otherwise a scheduler tag (under mq-deadline) or a driver tag; with none free the task runs the hctx, flushes its plug (UT) and sleeps — no S in 7.0. On a tag set shared by several devices the hctx first counts itself active (__blk_mq_tag_busy) and may hold only its fair share (hctx_may_queue).' },
  { fn: 'blk_add_rq_to_plug', explain: 'Adds the request to the plug (P when empty); 32 plugged requests, or an oldest one of 128 KiB, flush the plug first.' },
  { fn: 'blk_mq_flush_plug_list', alt: ['blk_mq_dispatch_queue_requests', 'blk_mq_dispatch_list'], explain: 'Unplug (U, UT from schedule): without a scheduler straight to the driver; otherwise U before the I\'s of each group.' },
  { fn: 'blk_mq_insert_requests', alt: ['dd_insert_request', 'kyber_insert_requests', 'blk_mq_insert_request'], explain: 'Insert (I): into mq-deadline\'s sorted lists and FIFOs, kyber\'s per-CPU queue of the request\'s domain, or at the tail of the ctx list.' },
  { fn: 'blk_mq_run_hw_queue', alt: ['blk_mq_delay_run_hw_queue'], explain: 'Runs the hctx inline on a CPU of its mask, else arms its one run_work on kblockd.' },
  { fn: 'blk_mq_sched_dispatch_requests', alt: ['dd_dispatch_request', 'kyber_dispatch_request', 'blk_mq_flush_busy_ctxs', 'blk_mq_dequeue_from_ctx'], explain: 'hctx->dispatch first and alone if any is left; then the scheduler (kyber: only with a token of the request\'s domain), or the ctxs (all at once, or one by one while dispatch_busy).' },
  { fn: 'blk_mq_dispatch_rq_list', alt: ['__blk_mq_requeue_request'], explain: 'A driver tag for each request, then queue_rq; RESOURCE puts the rest back on hctx->dispatch (R) to be run again now, after 3 ms or at the next free.' },
  { fn: 'blk_mq_start_request', explain: 'Marks the request started and fires block_rq_issue (D).' },
  { fn: 'queue_rq', alt: ['null_queue_rq', 'blk_mq_requeue_request'], explain: 'The driver takes the request (null_queue_rq), or answers BLK_STS_RESOURCE when a device with slots is full; with requeue injection it hands every Nth back (blk_mq_requeue_request: R), and kblockd\'s requeue work inserts it at the head (I) to be issued again.' },
  { fn: 'blk_mq_complete_request', alt: ['blk_mq_complete_send_ipi'], explain: 'Where ->complete runs: inline, this CPU\'s BLOCK_SOFTIRQ with one hw queue, or an IPI to the submitter on another node.' },
  { fn: 'blk_update_request', alt: ['bio_endio', 'blk_complete_request'], explain: 'Fires block_rq_complete (C) once per request and ends each bio; a polled batch does it in blk_complete_request, in the task that polled.' },
  { fn: '__blk_mq_free_request', alt: ['blk_mq_flush_tag_batch', 'blk_mq_free_plug_rqs', 'blk_mq_free_request'], explain: 'Puts the driver and scheduler tags (waking waiters in batches) and runs a hctx waiting for a restart; a polled batch puts its tags 32 at a time, without the restart; the plug\'s flush frees unused cached requests the same way, with no trace event, and a request another absorbed is freed from merged.' },
];

// Functions a transition may name that sit inside one of the path's steps.
/**
 * Functions a blk-mq transition may name that sit inside a step: the first candidate on the path wins
 * (as SQ_INSIDE for the legacy queue), so a driver's own queue_rq (xen-blkfront's blkif_queue_rq) takes
 * what the generic path gives to queue_rq.
 */
const INSIDE = {
  generic_make_request_checks: ['generic_make_request'],
  blk_mq_alloc_request: ['blk_mq_get_tag'],
  bt_get: ['blk_mq_get_tag'],
  __blk_mq_alloc_request: ['blk_mq_get_tag'],
  bio_attempt_back_merge: ['blk_attempt_plug_merge'],
  bio_attempt_front_merge: ['blk_attempt_plug_merge'],
  blk_mq_merge_queue_io: ['blk_attempt_plug_merge'],
  blk_mq_insert_request: ['__blk_mq_insert_request'],
  blk_mq_run_queues: ['blk_mq_run_hw_queue'],
  blk_mq_run_work_fn: ['__blk_mq_run_hw_queue'],
  blk_mq_requeue_request: ['queue_rq', 'blkif_queue_rq'],
  blk_mq_stop_hw_queue: ['queue_rq', 'blkif_queue_rq'],
  blk_mq_start_stopped_hw_queues: ['blk_mq_complete_request'],
  __blk_mq_complete_request: ['blk_mq_complete_request'],
  blk_mq_ipi_complete_request: ['blk_mq_complete_request'],
  bio_endio: ['blk_update_request'],
  __blk_mq_free_request: ['blk_mq_free_request'],
};

/** The path a scenario's requests take: by mode, with xen-blkfront's functions spliced in. */
export function pathFor(scenario) {
  const mode = scenario?.mode ?? MODE.MQ;
  const xen = scenario?.device?.driver === DRIVER.XEN_BLKFRONT;
  if (scenario?.kernel === KERNEL.V7_0) return MQ70_PATH;
  if (mode === MODE.BIO) return BIO_PATH;
  if (mode === MODE.SQ) {
    if (!xen) return SQ_PATH;
    const [request, queue, ...completion] = XEN_SQ_STEPS;
    const p = SQ_PATH.map(s => (s.fn === 'request_fn' ? request : s));
    return insertBefore(insertBefore(p, 'blk_update_request', completion), 'blkif_interrupt', [queue]);
  }
  if (!xen) return MQ_PATH;
  const [queueRq, ...completion] = XEN_MQ_STEPS;
  return insertBefore(MQ_PATH.map(s => (s.fn === 'queue_rq' ? queueRq : s)), 'blk_mq_complete_request', completion);
}

function insertBefore(path, fn, steps) {
  const i = path.findIndex(p => p.fn === fn);
  return [...path.slice(0, i), ...steps, ...path.slice(i)];
}

/** The path entry (its main name) a transition's fn belongs to, or null if it is off the path. */
export function highlight(fnName, path = MQ_PATH) {
  if (!fnName) return null;
  const hit = path.find(p => p.fn === fnName || (p.alt || []).includes(fnName));
  if (hit) return hit.fn;
  const onPath = fn => path.some(p => p.fn === fn);
  // Only ever a step of this path: Figure 3 lights the entry of that name.
  const inside = onPath('blk_mq_start_request') ? INSIDE : SQ_INSIDE;
  return (inside[fnName] || []).find(onPath) ?? null;
}

export function explain(fnName, path = MQ_PATH) {
  const main = highlight(fnName, path);
  const entry = path.find(p => p.fn === main);
  return entry ? entry.explain : null;
}
