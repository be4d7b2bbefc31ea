// The one place that chooses how Figure 1 is drawn for a scenario's mode: its layout, its still
// frame and its live labels. A new layout (a 6.x/7.0 blk-mq with schedulers, say) is one more entry.
import { layout } from '../layout.js';
import { legacyLayout } from '../layout-legacy.js';
import { mqFrame, mqState } from './outline-frame.js';
import { legacyFrame, legacyState } from './outline-legacy.js';
import { MODE, KERNEL } from '../labels.js';

const FIGURES = {
  [MODE.MQ]: { layout: (topo, width, font) => layout(topo, width, font), frame: mqFrame, live: mqState },
  // Linux 7.0's blk-mq: the same queues, and mq-deadline's lane (elv:0) when that is the scheduler.
  mq70: { layout: (topo, width, font, scenario) => layout(topo, width, font, scenario?.scheduler), frame: mqFrame, live: mqState },
  [MODE.SQ]: { layout: (topo, width, font) => legacyLayout(topo, MODE.SQ, width, font), frame: legacyFrame, live: legacyState },
  [MODE.BIO]: { layout: (topo, width, font) => legacyLayout(topo, MODE.BIO, width, font), frame: legacyFrame, live: legacyState },
};

/** A replayed trace has no scenario and is drawn as blk-mq's queues; a 7.0 scenario is always blk-mq. */
export const figureFor = scenario => (scenario?.kernel === KERNEL.V7_0 ? FIGURES.mq70 : FIGURES[scenario?.mode] ?? FIGURES[MODE.MQ]);
