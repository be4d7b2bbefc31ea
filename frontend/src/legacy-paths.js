// Figure 3 for the two older interfaces of 3.16: the request_fn queue ("sq") and the bio-based
// make_request_fn ("bio"), each step with a line saying what it does and why.
export const SQ_PATH = [
  { fn: 'generic_make_request', explain: 'Entry for every bio: checks it, fires block_bio_queue (Q) and calls q->make_request_fn, which for a request_fn driver is blk_queue_bio.' },
  { fn: 'blk_queue_bio', explain: 'The legacy make_request_fn: try to merge the bio, else allocate a request and queue it — all of it under the one queue_lock every CPU shares.' },
  { fn: 'blk_attempt_plug_merge', explain: 'First a lock-free try: merge into a request on this task\'s plug list, since it holds no shared lock.' },
  { fn: 'elv_merge', explain: 'Then, with queue_lock held, ask the elevator for an adjacent request (last-merge hint, then its hash/rbtree): back (M) or front (F) merge.' },
  { fn: 'get_request', explain: 'No merge: allocate a request from the queue\'s pool (nr_requests). G fires after the allocation here; an exhausted pool makes the task sleep (S).' },
  { fn: '__elv_add_request', alt: ['blk_flush_plug_list'], explain: 'Insert (I) into the elevator — directly, or later in a batch when the task\'s plug is flushed (U).' },
  { fn: 'queue_unplugged', alt: ['blk_run_queue_async'], explain: 'After an unplug the queue is run: inline when the submitter may sleep, else deferred to kblockd.' },
  { fn: '__blk_run_queue', explain: 'Calls the driver\'s request_fn with queue_lock held, unless the queue is stopped (blk_stop_queue).' },
  { fn: 'request_fn', alt: ['null_request_fn', 'do_blkif_request'], explain: 'The driver\'s loop: peek the next request, start it, hand it to the hardware; null_request_fn for null_blk, do_blkif_request for xen-blkfront.' },
  { fn: 'blk_peek_request', explain: 'Takes the head of q->queue_head; when empty it asks the elevator to dispatch (elv_dispatch) more requests first. Fires D.' },
  { fn: 'blk_start_request', explain: 'Dequeues the request and arms its timeout: from now on the driver owns it.' },
  { fn: 'blk_update_request', explain: 'On completion: fires block_rq_complete (C) and ends each bio (bio_endio), again taking queue_lock to finish the request.' },
  { fn: '__blk_put_request', explain: 'Returns the request to the pool and wakes a task sleeping in get_request if the pool had run dry.' },
];

/** xen-blkfront's request_fn driver (3.16), and its blk-mq port, with the completion side. */
export const XEN_SQ_STEPS = [
  { fn: 'do_blkif_request', explain: 'xen-blkfront\'s request_fn, called with io_lock (the queue lock is the driver\'s own io_lock): peeks requests and puts each on the shared ring.' },
  { fn: 'blkif_queue_request', explain: 'Writes one request into a free ring slot (grant references for its pages); a full ring makes the driver stop the queue (blk_stop_queue).' },
  { fn: 'blkif_interrupt', explain: 'The backend\'s event: takes io_lock, reaps the responses from the ring and completes their requests — contending with submitters for the same lock.' },
  { fn: 'kick_pending_request_queues', alt: ['blk_start_queue'], explain: 'At the end of every interrupt with slots free: restarts the queue if it was stopped (blk_start_queue) and runs do_blkif_request, so waiting requests reach the ring from the interrupt itself.' },
];

export const XEN_MQ_STEPS = [
  { fn: 'blkif_queue_rq', alt: ['blkif_queue_request'], explain: 'xen-blkfront\'s queue_rq on blk-mq: takes the ring lock, writes the request into a slot; a full ring stops the hctx and answers BUSY.' },
  { fn: 'blkif_interrupt', explain: 'The backend\'s event: reaps responses under the ring lock (one lock, or split request/response locks, or one ring per hctx).' },
  { fn: 'kick_pending_request_queues', alt: ['blk_mq_start_stopped_hw_queues'], explain: 'Restarts stopped hardware queues once the ring has room again.' },
];

export const BIO_PATH = [
  { fn: 'generic_make_request', explain: 'Entry for every bio: fires block_bio_queue (Q), the only event blktrace sees for a bio-based driver.' },
  { fn: 'null_queue_bio', alt: ['make_request_fn'], explain: 'The driver\'s own make_request_fn takes the bio itself: no request, no tag, no elevator, no plugging — nothing to merge into and nothing to trace.' },
  { fn: 'bio_endio', explain: 'The driver ends the bio straight back to its submitter; no C event, because there is no request to complete.' },
];

/** Functions a legacy transition may name that sit inside a step: the first candidate on the path wins. */
export const SQ_INSIDE = {
  generic_make_request_checks: ['generic_make_request'],
  bio_attempt_back_merge: ['elv_merge'],
  bio_attempt_front_merge: ['elv_merge'],
  noop_dispatch: ['blk_peek_request'],
  deadline_dispatch_requests: ['blk_peek_request'],
  cfq_dispatch_requests: ['blk_peek_request'],
  elv_dispatch_sort: ['blk_peek_request'],
  __elv_next_request: ['blk_peek_request'],
  blk_stop_queue: ['blkif_queue_request', 'request_fn'],
  blk_start_queue_async: ['__blk_run_queue'],
  blk_delay_work: ['__blk_run_queue'],
  __freed_request: ['__blk_put_request'],
  blk_end_bidi_request: ['blk_update_request'],
  bio_endio: ['bio_endio', 'blk_update_request'],
};
