// xen-blkback's side of the ring in plain words: the event channel and dom0's work on each request.
// CPUs from the guest's count on are dom0's vCPUs (the server names them after the guest's).

const ring = t => `ring ${t.hctx}`;

const BLKBACK = {
  xen_blkif_be_int: t => `The event channel of ${ring(t)} interrupts dom0's CPU ${t.cpu} (xen_blkif_be_int): it marks work waiting and wakes that ring's blkback thread if it sleeps.`,
  xen_blkif_schedule: t => `blkback's thread for ${ring(t)} runs on dom0's CPU ${t.cpu} (xen_blkif_schedule): it takes requests off the ring until RING_FINAL_CHECK_FOR_REQUESTS finds none, then sleeps.`,
  wait_event_interruptible: t => `${ring(t)} is empty: blkback's thread sleeps on dom0's CPU ${t.cpu} (wait_event_interruptible) until the ring's event channel wakes it; RING_FINAL_CHECK_FOR_REQUESTS has asked the guest to notify.`,
  dispatch_rw_block_io: t => `blkback takes request ${t.req} off ${ring(t)} on dom0's CPU ${t.cpu} (dispatch_rw_block_io): it reads the slot's segments and needs the guest's granted pages.`,
  gnttab_map_refs: t => `dom0's CPU ${t.cpu} maps request ${t.req}'s granted pages (gnttab_map_refs): a hypercall that holds the guest's grant-table lock in Xen, which every ring's blkback shares.`,
  submit_bio: t => `blkback submits request ${t.req}'s bio to dom0's own null_blk (submit_bio) and goes on with the next slot of ${ring(t)}.`,
  end_block_io_op: t => `dom0's null_blk completes request ${t.req} on CPU ${t.cpu} (end_block_io_op): blkback unmaps its pages unless they are persistent grants, then answers.`,
  gnttab_unmap_refs: t => `dom0's CPU ${t.cpu} unmaps request ${t.req}'s pages (gnttab_unmap_refs): another hypercall under the guest's grant-table lock; Xen then flushes the TLB of every other dom0 vCPU, one IPI each, under its one flush_lock.`,
  blk_sq_make_request: t => `dom0's block layer takes request ${t.req}'s bio on CPU ${t.cpu} (blk_sq_make_request): dom0's null_blk has one hardware queue, which every dom0 vCPU's blkback shares.`,
  blk_mq_make_request: t => `dom0's block layer takes request ${t.req}'s bio on CPU ${t.cpu} (blk_mq_make_request): a sync bio goes straight to that vCPU's hardware queue.`,
  blk_mq_get_tag: t => `Request ${t.req}'s bio takes a tag of dom0's hardware queue on CPU ${t.cpu} (blk_mq_get_tag).`,
  bt_get: t => `Every tag of dom0's hardware queue is out: blkback's thread for ${ring(t)} sleeps on CPU ${t.cpu} (bt_get) until a batch of frees wakes it.`,
  __blk_mq_insert_request: t => `Request ${t.req}'s bio goes on dom0 CPU ${t.cpu}'s software queue under its ctx->lock (__blk_mq_insert_request), and that CPU runs the hardware queue at once.`,
  blk_mq_start_request: t => `dom0's CPU ${t.cpu} starts request ${t.req}'s bio (blk_mq_start_request).`,
  null_queue_rq: t => `dom0's null_blk takes request ${t.req}'s bio on CPU ${t.cpu} (null_queue_rq): in softirq mode it completes it before returning, in timer mode after completion_nsec.`,
  blk_mq_put_tag: t => `Request ${t.req}'s bio is done in dom0: its tag goes back on CPU ${t.cpu} (blk_mq_put_tag), waking a thread asleep in bt_get after a batch of frees.`,
  make_response: t => `blkback writes request ${t.req}'s response on ${ring(t)} under blk_ring_lock (make_response): RING_PUSH_RESPONSES_AND_CHECK_NOTIFY decides whether the guest must be told.`,
};

export const XEN_KINDS = {
  evtchn: t => t.fn === 'notify_remote_via_irq' && t.count >= 0
    ? `CPU ${t.cpu} sends an event on ${ring(t)}'s event channel to CPU ${t.count} (notify_remote_via_irq, a hypercall): the other side had armed its event index, so it waits to hear. While it is busy it does not, and pushes need no event.`
    : `An event on ${ring(t)}'s channel (${t.fn}).`,
  blkback: t => (BLKBACK[t.fn] ?? (x => `xen-blkback on dom0's CPU ${x.cpu}: ${x.fn}.`))(t),
  pcpu_wait: t => t.fn === 'vcpu_wake'
    ? `vCPU ${t.cpu} has work but every physical CPU of the host is running another vCPU (vcpu_wake): it waits, runnable, in Xen's run queue, ahead of vCPUs that were preempted.`
    : `Xen takes vCPU ${t.cpu} off its physical CPU for a vCPU that woke (csched_schedule): it had run past the 1 ms rate limit, or its 30 ms time slice; it waits at the back of the run queue.`,
  pcpu_run: t => `vCPU ${t.cpu} runs again, on physical CPU ${t.count} (csched_schedule): its steps go on from where they stopped.`,
};
