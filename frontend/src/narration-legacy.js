// Narration for the request_fn queue, the bio-based interface and xen-blkfront, chosen by the kernel
// function a transition names: the same kind (insert, issue, stop…) means something else on a queue
// with an elevator and one lock than on blk-mq's per-CPU queues.
const lock = t => (t.fn && t.fn.includes('blkif') ? 'io_lock' : 'queue_lock');

export const BY_FN = {
  get_request: t => (t.kind === 'sleeprq'
    ? `CPU ${t.cpu} finds the request pool empty (nr_requests all in use) and sleeps in get_request (S): it drops queue_lock and waits until a completion frees a request.`
    : `CPU ${t.cpu} allocates request ${t.req} for bio ${t.bio} (G, traced after the allocation on the legacy queue): no merge took the bio, so get_request took a request from the pool under queue_lock.`),
  __freed_request: t => `A request went back to the pool, so a task sleeping in get_request is woken: the pool has room below nr_requests again.`,
  __elv_add_request: t => `Request ${t.req} is inserted into the elevator (I) on CPU ${t.cpu}: it waits there, sorted or FIFO, so later bios can still merge into it and the elevator can pick the order.`,
  __blk_run_queue: t => `CPU ${t.cpu} runs the request queue (__blk_run_queue): it calls the driver's request_fn with queue_lock held, so every other CPU wanting the lock waits.`,
  blk_run_queue_async: t => `CPU ${t.cpu} defers the queue run to kblockd: the caller may not sleep or recurse into the driver, so the run happens later from a work item.`,
  blk_peek_request: t => `CPU ${t.cpu} issues request ${t.req} to the driver (D): blk_peek_request takes the head of the dispatch list and blk_start_request hands it over, still under ${lock(t)}.`,
  null_request_fn: t => `null_blk's request_fn takes request ${t.req}: the (simulated) device now has it in flight.`,
  blkif_queue_request: t => `xen-blkfront writes request ${t.req} into a free slot of the shared ring (blkif_queue_request) and will notify the backend: the slot, not a tag, is what limits how many requests are in flight.`,
  do_blkif_request: t => `CPU ${t.cpu} runs xen-blkfront's request_fn (do_blkif_request) with io_lock held: it moves requests from the dispatch list onto the ring until the ring is full or the queue is empty.`,
  blk_stop_queue: t => `The driver stops the request queue (blk_stop_queue): the device (or xen-blkfront's ring) is full, so request_fn will not be called again until the queue is restarted.`,
  blk_start_queue: t => `A completion on CPU ${t.cpu} restarts the stopped queue (blk_start_queue, from blkif_interrupt via kick_pending_request_queues): ring slots are free again.`,
  blk_start_queue_async: t => `A completion on CPU ${t.cpu} restarts the stopped queue and schedules a run on kblockd (blk_start_queue_async): the device has room again.`,
  __blk_put_request: t => `Request ${t.req} is freed back to the queue's pool (__blk_put_request), under the queue lock like everything else on this queue (io_lock on xen-blkfront).`,
  null_queue_bio: t => `null_blk's make_request_fn takes bio ${t.bio} directly (${t.sectors} sectors at ${t.sector}): a bio-based driver skips requests, merging, the elevator and tags — and blktrace sees only Q.`,
};

export const BY_KIND = {
  elv_dispatch: t => `The elevator hands request ${t.req} to the dispatch list (${t.fn}): the driver's request_fn asked for more work, and the scheduler decides which waiting request goes next.`,
  make_request: t => `CPU ${t.cpu} hands bio ${t.bio} straight to the driver (${t.fn}): a bio-based driver has no request queue at all.`,
};
