// "Where this model departs from the kernel", per mode, as README.md lists it: the page must say
// what the animation simplifies, next to the animation.
import { MODE, KERNEL, DRIVER } from './labels.js';
export const NOTES = {
  all: [
    'Every kernel step runs at its own virtual time; an interrupt that arrives while a step\'s CPU time runs waits for the end of that step (a few hundred ns), and a CPU spinning on a lock takes no interrupts.',
    'Events due at the same nanosecond run in the order they were scheduled; a new path or interrupt handler starts behind whatever else is due then.',
    'Each 4 KiB page of a bio is one physical segment (no physical contiguity is assumed).',
    'Every CPU is its own cache domain, so any completion on a CPU other than the submitter\'s is an IPI.',
    'Flush/FUA requests, bio splitting and the timeout handler are not modelled; bios are never larger than maxSectors (the scenario is rejected instead).',
  ],
  mq: [
    'After a BUSY on the direct-issue path of blk_mq_make_request, the request is inserted without a second merge attempt (the kernel could merge its bio into another request and free it).',
    'merging: false disables both plug and software-queue merges.',
    'S is traced at the failed tag allocation, while every tag is held, before the inline queue run (3.16 traces it after that run, when the run may have freed tags).',
    'After a BUSY, leftovers put back on hctx->dispatch are run again if a completion restarted the queue meanwhile (3.16 could strand them; later kernels re-run there).',
    'In none and softirq irq modes null_blk completes synchronously, as it does: with zero costs everything happens at t = 0 — pick timer to see queues fill.',
  ],
  sq: [
    'D is traced once the prep function has a driver command (the kernel traces it just before prep).',
    'The insert-time request-to-request merge (elv_attempt_insert_merge, attempt_back_merge) is not modelled; noop\'s dispatch appends instead of elv_dispatch_sort.',
    'cfq is reduced to per-process queues, time slices, quantum and idling.',
    'The legacy request queue is queue 0 only; hwQueues is accepted but has no effect.',
  ],
  bio: [
    'A bio-based driver gets bios, not requests: no tags, merging, plugging or elevator; as in 3.16 only Q is traced, so blkparse shows Q lines and nothing else.',
    'null_blk queue_mode=0 completes each bio after completionNs; a submitter with no free driver command sleeps until one returns. The driver\'s CPU time is spent before alloc_cmd decides.',
  ],
  // Linux 7.0 (scenario kernel "7.0"), after the 7.0 source; "modelling choice" marks behaviour the
  // source reading left unverified, so the model had to pick.
  k70: [
    'Linux 7.0 mode: blk-mq only, on null_blk, with none, mq-deadline or kyber. Not modelled: bfq, flush/FUA, I/O priorities and commit_rqs (cached requests, batched tags and splits are).',
    'Modelling choice: with several null_blk devices (device.count), blk_mq_tag_idle is not modelled (the timeout work calls it seconds apart): an hctx once active on a shared tag set stays active for the run; shared tags are modelled without a scheduler and without poll queues only, and a job on several devices keeps one sequential position per device (fio\'s roundrobin over its files).',
    'null_blk\'s default poll_queues=1 makes two hctxs; the model\'s default device.pollQueues is 0, so one hardware queue means mq-deadline by default and completions through the single-queue softirq.',
    'Modelling choice: a polling task that finds the poll list empty gives its CPU up until the driver puts a command there (the kernel spins until need_resched); a polled submitter out of tags polls instead of sleeping (io_uring\'s REQ_NOWAIT and reap); fio\'s io_uring waits for one completion per io_uring_enter.',
    'mq-deadline: one priority level. A requeued request is never insert-merged (mq-deadline\'s RQF_STARTED stays across a requeue).',
    'Modelling choice: null_blk\'s requeue injection (device.requeueEvery, requeue=N,100,0,-1) alternates the core\'s BUSY path and blk_mq_requeue_request; the model always takes blk_mq_requeue_request (the details are unverified; device slots show the BUSY path).',
    'Several null_blk devices in blkparse\'s shape: null_blk registers a dynamic major (nullbN at minor N, the major differing from machine to machine), so the log and the exports print nullbN as sd numbers whole disks, 8,16N (nullb0 8,0, nullb1 8,16). The lock statistics name each queue\'s lock per disk (nullb1 dd->lock), where /proc/lock_stat shows one row per lock class for all disks.',
    'Modelling choice: kyber\'s token depths stay at 256 / 128 / 64 / 16 (read, write, discard, other); the latency-driven depth adjustment (its timer and percentiles are unverified) is not modelled, nor the kcq->lock taken while flushing. The model issues only reads and writes.',
    'Modelling choice: a shallow tag allocation (async_depth: kyber lets writes reach 75 % of the scheduler tags) gives each sbitmap word its share, remainder to the first words.',
    'Figure 1 draws mq-deadline\'s sort_list and fifo_list as one list per direction, in sector order, each request numbered by its place in the FIFO (its insert order); kyber\'s requests stay drawn in their CPU\'s queue of their domain until dispatched (the hctx\'s flushed lists are not drawn apart), and a domain\'s tokens out are its requests past the scheduler.',
    'A device with slots answers BLK_STS_RESOURCE when full and has no queue_rqs hook (real null_blk never runs out of room).',
    'Modelling choice: device.budget is a SCSI-like per-device dispatch budget (scsi_mq_get_budget) on null_blk, which has none: a request holds one from before its driver tag until its free, a requeue or a leftover list; the device then has no queue_rqs hook, and the put that follows a failed get runs every hctx on kblockd (scsi_run_queue_async runs them from the completion).',
    'Modelling choice: a softirq raised on a CPU runs at that CPU\'s next step boundary; timers due at the same nanosecond run in the order they were armed; a woken task runs once its CPU has finished the handlers ahead of it.',
    'Modelling choice: sbitmap allocation hints start from the run\'s seeded generator; hint, wake-batch and wake-up rules follow the reference\'s summary of lib/sbitmap.c.',
    'Modelling choice: a CPU\'s cluster is its SMT siblings (x86), and CPUs share a last-level cache exactly when they are on the same NUMA node; every CPU is present and online.',
  ],
  xen: [
    'xen-blkfront: xen-blkback in dom0 answers each request through dom0\'s own null_blk: without a queue (device.backend.submitQueues 0, the default) it completes completionNs after submit_bio; with one it is a smaller model of a 3.16 blk-mq queue (tags, ctx locks, bt_get, its own irqmode; no merging); the device\'s irqMode does not apply; the frontend\'s grant work and the shadow copy are not modelled. A request of more than 11 segments goes indirect: blkback maps, reads and unmaps its segment page before its data (with persistent grants that page is taken as one of them, even on its first use).',
    'Xen\'s TLB flush after each grant unmap (flush_tlb_mask under Xen\'s one flush_lock) interrupts every other dom0 vCPU that holds a pCPU for ipiNs; the unmapping vCPU waits a fixed ipiNs for the acknowledgements rather than for each target, since a spinning CPU here takes no interrupts.',
    'A wakeup across vCPUs in the PV guest or dom0 is a reschedule IPI: the waker\'s EVTCHNOP_send hypercall, then the woken vCPU\'s upcall and iret, before the task runs; it is CPU time, not a transition.',
    'Modelling choice: device.backend.evtchnAffinity spread (the default) puts ring N\'s interrupt on hctx N\'s first CPU and dom0\'s on ring N\'s thread\'s vCPU; Linux binds every ring\'s event channel to vCPU 0 at both ends (vcpu0), and only irqbalance or an administrator moves it.',
    'Modelling choice: with device.backend.pcpus set, the guest\'s and dom0\'s vCPUs share that many host CPUs after Xen\'s credit scheduler (BOOST on wake, 10 ms tick, 1 ms rate limit, 30 ms slice); a vCPU is preempted only at a step boundary and never while it holds a spinlock; credits and weights are not modelled.',
  ],
};

/** The notes that apply to a scenario, its own mode first, then the ones every mode shares. */
export function notesFor(scenario) {
  if (scenario?.kernel === KERNEL.V7_0) {
    return [...NOTES.k70, ...NOTES.all.filter(n => !n.startsWith('Every CPU is its own cache domain'))];
  }
  const mode = NOTES[scenario?.mode] ? scenario.mode : MODE.MQ;
  const xen = scenario?.device?.driver === DRIVER.XEN_BLKFRONT ? NOTES.xen : [];
  return [...NOTES[mode], ...xen, ...NOTES.all];
}
