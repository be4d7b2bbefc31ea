// The one place that chooses how Figure 1 is drawn for a scenario's mode: its layout, its still
// frame and its live labels. A new layout (a 6.x/7.0 blk-mq with schedulers, say) is one more entry.
import { layout } from '../layout.js';
import { legacyLayout } from '../layout-legacy.js';
import { mqFrame, mqState } from './outline-frame.js';
import { legacyFrame, legacyState } from './outline-legacy.js';

const FIGURES = {
  mq: { layout: (topo, width, font) => layout(topo, width, font), frame: mqFrame, live: mqState },
  sq: { layout: (topo, width, font) => legacyLayout(topo, 'sq', width, font), frame: legacyFrame, live: legacyState },
  bio: { layout: (topo, width, font) => legacyLayout(topo, 'bio', width, font), frame: legacyFrame, live: legacyState },
};

/** A replayed trace has no scenario and is drawn as blk-mq's queues. */
export const figureFor = scenario => FIGURES[scenario?.mode] ?? FIGURES.mq;
