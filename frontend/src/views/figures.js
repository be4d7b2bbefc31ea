// The one place that chooses how Figure 1 is drawn for a scenario's mode: its layout, its still
// frame and its live labels. A new layout (a 6.x/7.0 blk-mq with schedulers, say) is one more entry.
import { layout } from '../layout.js';
import { legacyLayout } from '../layout-legacy.js';
import { mqFrame, mqState } from './outline-frame.js';
import { legacyFrame, legacyState } from './outline-legacy.js';
import { MODE, KERNEL } from '../labels.js';
import { withDom0 } from '../layout-dom0.js';
import { dom0Frame, dom0State } from './outline-dom0.js';
import { dom0Of } from '../blkback.js';
import { devicesLayout } from '../layout-devices.js';
import { devicesFrame, devicesState } from './outline-devices.js';

/** What a 7.0 request_queue's layout draws beyond 3.16's: the scheduler, the NUMA nodes, the requeue list. */
const layout70 = scenario => ({ scheduler: scenario?.scheduler, numaNodes: scenario?.numaNodes,
  requeueList: (scenario?.device?.requeueEvery ?? 0) > 0 });

// Each figure's layout(topology, scenario, { width, font, tight }).
const FIGURES = {
  [MODE.MQ]: { layout: (topo, scenario, at) => layout(topo, at), frame: mqFrame, live: mqState },
  // Linux 7.0's blk-mq: the same queues, the scheduler's lane (elv:0) and two tag bars under mq-deadline or kyber,
  // poll hctxs with their map, NUMA nodes round their CPUs, and q->requeue_list with null_blk's requeue injection.
  mq70: {
    layout: (topo, scenario, at) => layout(topo, { ...at, ...layout70(scenario) }),
    frame: mqFrame, live: mqState,
  },
  [MODE.SQ]: { layout: (topo, sc, at) => legacyLayout(topo, MODE.SQ, at), frame: legacyFrame, live: legacyState },
  [MODE.BIO]: { layout: (topo, sc, at) => legacyLayout(topo, MODE.BIO, at), frame: legacyFrame, live: legacyState },
};

/**
 * 7.0 with several null_blk devices (device.count 2-4): the CPUs once, each device's request_queue in a
 * frame of its own (layout-devices.js), and under shared tags one bar per shared tag set.
 */
const SEVERAL_DEVICES = {
  layout: (topo, scenario, at) => devicesLayout(topo, { ...at, ...layout70(scenario) }),
  frame: devicesFrame, live: devicesState,
};

/** A replayed trace has no scenario and is drawn as blk-mq's queues; a 7.0 scenario is always blk-mq. */
export const figureFor = scenario => (scenario?.kernel === KERNEL.V7_0 && (scenario?.device?.count ?? 1) > 1 ? SEVERAL_DEVICES
  : withBackend(scenario?.kernel === KERNEL.V7_0 ? FIGURES.mq70 : FIGURES[scenario?.mode] ?? FIGURES[MODE.MQ], scenario));

/**
 * xen-blkfront, in any mode: the mode's figure with dom0's row under it; on blk-mq its ring locks are drawn
 * inside the rings, on a line the device row keeps under the requests (the legacy queue's io_lock sits on
 * the request_queue, where the other modes ignore the option).
 */
function withBackend(figure, scenario) {
  if (!dom0Of(scenario, null)) return figure;
  return {
    layout: (topo, sc, at) => withDom0(figure.layout(topo, sc, { ...at, deviceLocks: true }), dom0Of(sc, topo)),
    frame: (svg, geo, sc) => { figure.frame(svg, geo, sc); dom0Frame(svg, geo); },
    live: (svg, geo, state) => { figure.live(svg, geo, state); dom0State(svg, geo, state); },
  };
}
