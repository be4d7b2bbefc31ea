// xen-blkback's threads and dom0's vCPUs as the stream shows them, for Figure 1's dom0 row. The rings
// and the vCPU each ring's thread is on come from the scenario (ring N on dom0 vCPU N mod cpus, numbered
// after the guest's CPUs, as model/Dom0 places them); what each thread is doing comes only from the
// stream's blkback moves, so the drawing never runs ahead of the model or contradicts it.
import { MODE, DRIVER, RINGS } from './labels.js';

/**
 * Thread steps: the kthread xen_blkif_schedule and what it does for each request it takes, down through
 * dom0's null_blk queue when it has one (model/Dom0Queue), whose submission runs on the thread.
 */
const THREAD = new Set(['xen_blkif_schedule', 'dispatch_rw_block_io', 'gnttab_map_refs', 'submit_bio',
  'blk_sq_make_request', 'blk_mq_make_request', 'blk_mq_get_tag', '__blk_mq_insert_request', 'blk_mq_start_request',
  'null_queue_rq']);
/** Where the thread goes to sleep: for the ring's next request, or (dom0's queue) for a tag in bt_get. */
const SLEEP = new Set(['wait_event_interruptible', 'bt_get']);

/** The rings and dom0 vCPUs a xen-blkfront scenario has, or null for any other driver. */
export function dom0Of(scenario, topology) {
  if (scenario?.device?.driver !== DRIVER.XEN_BLKFRONT) return null;
  const backend = scenario.device.backend ?? {};
  const cpus = backend.cpus ?? 4;
  const first = topology?.cpus ?? scenario.cpus;
  const perHctx = (scenario.mode ?? MODE.MQ) === MODE.MQ && scenario.device.rings === RINGS.PER_HCTX;
  const rings = perHctx ? topology?.hwQueues ?? scenario.hwQueues : 1;
  return {
    cpus: Array.from({ length: cpus }, (_, i) => first + i),
    rings: Array.from({ length: rings }, (_, r) => ({ ring: r, cpu: first + (r % cpus) })),
  };
}

/** Every thread asleep, as the model starts them, and no vCPU waiting for a pCPU. */
export function initialBlkback(scenario, topology) {
  const d = dom0Of(scenario, topology);
  if (!d) return null;
  return {
    threads: d.rings.map(r => ({ ...r, status: 'sleeping', fn: null })),
    cpus: d.cpus.map(cpu => ({ cpu, ring: -1, fn: null })),
    pcpuWaiting: [],
  };
}

/**
 * The state a seek lands on: the snapshot's `dom0` (SnapshotTracker/BlkbackTracker, these same rules)
 * names every thread and vCPU the stream has moved; the others are as the model starts them.
 */
export function blkbackFromSnapshot(scenario, topology, dom0) {
  const b = initialBlkback(scenario, topology);
  if (!b || !dom0) return b;
  for (const t of dom0.threads) {
    const thread = b.threads.find(x => x.ring === t.ring);
    if (!thread) continue;
    thread.status = t.status;
    thread.fn = t.fn;
    if (t.cpu >= 0) thread.cpu = t.cpu;
  }
  for (const c of dom0.cpus) {
    const cpu = b.cpus.find(x => x.cpu === c.cpu);
    if (cpu) { cpu.ring = c.ring; cpu.fn = c.fn; }
  }
  b.pcpuWaiting = [...dom0.pcpuWaiting];
  return b;
}

export const cloneBlkback = b => (b ? {
  threads: b.threads.map(x => ({ ...x })), cpus: b.cpus.map(x => ({ ...x })), pcpuWaiting: b.pcpuWaiting.slice(),
} : null);

/**
 * One blkback move: its thread wakes (be_int), runs, sleeps (wait_event_interruptible); its CPU did fn.
 * pcpu_wait / pcpu_run: a vCPU (the guest's or dom0's) waits for one of the host's pCPUs, then runs.
 */
export function blkbackEffects(b, t) {
  if (!b) return;
  if (t.kind === 'pcpu_wait' && !b.pcpuWaiting.includes(t.cpu)) {
    b.pcpuWaiting = [...b.pcpuWaiting, t.cpu].sort((x, y) => x - y);
  } else if (t.kind === 'pcpu_run') {
    b.pcpuWaiting = b.pcpuWaiting.filter(v => v !== t.cpu);
  }
  if (t.kind !== 'blkback') return;
  const thread = b.threads.find(x => x.ring === t.hctx) ?? b.threads[0];
  const cpu = b.cpus.find(x => x.cpu === t.cpu);
  if (cpu) { cpu.fn = t.fn; cpu.ring = thread?.ring ?? -1; }
  if (!thread) return;
  if (t.fn === 'xen_blkif_be_int') {
    // A thread asleep in bt_get waits for a tag, not for the ring: the interrupt only marks work.
    if (thread.status !== 'running' && thread.fn !== 'bt_get') thread.status = 'waking';
  } else if (SLEEP.has(t.fn)) {
    thread.status = 'sleeping';
    thread.fn = t.fn;
  } else if (THREAD.has(t.fn)) {
    thread.status = 'running';
    thread.fn = t.fn;
    thread.cpu = t.cpu;
  }
}
