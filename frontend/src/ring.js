// The driver a scenario names, as Figure 1 labels it, and xen-blkfront's ring occupancy derived
// from the stream: a request the driver has taken sits in device:N, one ring slot each.
import { MODE, DRIVER, RINGS } from './labels.js';

export function driverLabel(scenario) {
  const xen = scenario?.device?.driver === DRIVER.XEN_BLKFRONT;
  const mode = scenario?.mode ?? MODE.MQ;
  if (mode === MODE.BIO) return 'driver · null_blk make_request_fn (null_queue_bio)';
  if (xen) return mode === MODE.SQ ? 'driver · xen-blkfront (do_blkif_request)' : 'driver · xen-blkfront (blkif_queue_rq)';
  return mode === MODE.SQ ? 'driver · null_blk request_fn (null_request_fn)' : 'driver (queue_rq)';
}

/**
 * Per ring: {ring, used, free, slots}, or [] when the driver has no ring. `ringSlots` is blkif's ring
 * size, which the server states (page defaults): a device with slots 0 has a ring that big.
 */
export function ringUse(state, ringSlots) {
  const s = state.scenario;
  if (s?.device?.driver !== DRIVER.XEN_BLKFRONT) return [];
  const slots = s.device.slots > 0 ? s.device.slots : ringSlots;
  const rings = s.mode === MODE.MQ && s.device.rings === RINGS.PER_HCTX ? state.topology.hwQueues : 1;
  return Array.from({ length: rings }, (_, i) => {
    const places = rings === 1 ? [...state.places.keys()].filter(p => p.startsWith('device:')) : [`device:${i}`];
    const used = places.reduce((n, p) => n + (state.places.get(p) || []).filter(k => k.startsWith('req:')).length, 0);
    return { ring: i, used, free: Math.max(0, slots - used), slots };
  });
}

/** Requests allocated from the legacy queue's pool (rl->count), against the scenario's nr_requests. */
export function poolUse(state) {
  let used = 0;
  for (const k of state.items.keys()) if (k.startsWith('req:')) used++;
  return { used, of: state.scenario.nrRequests };
}

/** What Figure 1 and Figure 3 show, in a few words. */
export function modeTitle(scenario) {
  const mode = scenario?.mode ?? MODE.MQ;
  const xen = scenario?.device?.driver === DRIVER.XEN_BLKFRONT ? ' · xen-blkfront' : '';
  if (mode === MODE.SQ) return `legacy request queue (request_fn, ${scenario.scheduler})${xen}`;
  if (mode === MODE.BIO) return 'bio-based driver (make_request_fn)';
  return `blk-mq${xen}`;
}
