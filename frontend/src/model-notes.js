// "Where this model departs from the kernel", per mode, as README.md lists it: the page must say
// what the animation simplifies, next to the animation.
export const NOTES = {
  all: [
    'Each 4 KiB page of a bio is one physical segment (no physical contiguity is assumed).',
    'Every CPU is its own cache domain, so any completion on a CPU other than the submitter\'s is an IPI.',
    'Flush/FUA requests, bio splitting and the timeout handler are not modelled; bios are never larger than maxSectors (the scenario is rejected instead).',
    'CPU work costs virtual time from the cost table (costs.*), and spinlocks are modelled with lockstat figures; real caches, preemption and interrupts masking are not.',
  ],
  mq: [
    'After a BUSY on the direct-issue path of blk_mq_make_request, the request is inserted without a second merge attempt (the kernel could merge its bio into another request and free it).',
    'merging: false disables both plug and software-queue merges.',
    'With irqMode none or softirq the device completes at once, exactly as null_blk does: pick timer to see queues fill.',
  ],
  sq: [
    'Elevators: noop and deadline only; cfq is refused until it is modelled.',
    'The legacy request queue has one hardware queue (queue 0); hwQueues is accepted but has no effect.',
    'nr_requests is counted per sync class as rl->count[] does; request-list congestion thresholds and batching (ioc_batching) are not modelled.',
  ],
  bio: [
    'A bio-based driver gets bios, not requests: no tags, merging, plugging or elevator; as in 3.16 only Q is traced, so blkparse shows Q lines and nothing else.',
    'null_blk queue_mode=0 completes each bio after completionNs; a submitter with no free driver command sleeps until one returns.',
  ],
  xen: [
    'xen-blkfront\'s ring has 32 slots (one page); grant references, indirect descriptors and persistent grants are not modelled.',
    'The backend answers each request completionNs after it was pushed; the event channel interrupt lands on one CPU.',
  ],
};

/** The notes that apply to a scenario, its own mode first, then the ones every mode shares. */
export function notesFor(scenario) {
  const mode = NOTES[scenario?.mode] ? scenario.mode : 'mq';
  const xen = scenario?.device?.driver === 'xen-blkfront' ? NOTES.xen : [];
  return [...NOTES[mode], ...xen, ...NOTES.all];
}
