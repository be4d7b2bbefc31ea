// xen-blkback's threads and dom0's vCPUs as the stream shows them, for Figure 1's dom0 row. The rings
// and the vCPU each ring's thread is on come from the scenario (ring N on dom0 vCPU N mod cpus, numbered
// after the guest's CPUs, as model/Dom0 places them); what each thread is doing comes only from the
// stream's blkback moves, so the drawing never runs ahead of the model or contradicts it.
import { MODE, DRIVER, RINGS } from './labels.js';

/** Thread steps: the kthread xen_blkif_schedule and what it does for each request it takes. */
const THREAD = new Set(['xen_blkif_schedule', 'dispatch_rw_block_io', 'gnttab_map_refs', 'submit_bio']);

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

/**
 * Every thread asleep, as the model starts them (`known` false after a seek onto a snapshot, which
 * does not carry them: the row then says "?" until each thread's next move).
 */
export function initialBlkback(scenario, topology, known = true) {
  const d = dom0Of(scenario, topology);
  if (!d) return null;
  return {
    threads: d.rings.map(r => ({ ...r, status: known ? 'sleeping' : 'unknown', fn: null })),
    cpus: d.cpus.map(cpu => ({ cpu, ring: -1, fn: null })),
  };
}

export const cloneBlkback = b => (b ? { threads: b.threads.map(x => ({ ...x })), cpus: b.cpus.map(x => ({ ...x })) } : null);

/** One blkback move: its thread wakes (be_int), runs, sleeps (wait_event_interruptible); its CPU did fn. */
export function blkbackEffects(b, t) {
  if (!b || t.kind !== 'blkback') return;
  const thread = b.threads.find(x => x.ring === t.hctx) ?? b.threads[0];
  const cpu = b.cpus.find(x => x.cpu === t.cpu);
  if (cpu) { cpu.fn = t.fn; cpu.ring = thread?.ring ?? -1; }
  if (!thread) return;
  if (t.fn === 'xen_blkif_be_int') {
    if (thread.status !== 'running') thread.status = 'waking';
  } else if (t.fn === 'wait_event_interruptible') {
    thread.status = 'sleeping';
    thread.fn = t.fn;
  } else if (THREAD.has(t.fn)) {
    thread.status = 'running';
    thread.fn = t.fn;
    thread.cpu = t.cpu;
  }
}
