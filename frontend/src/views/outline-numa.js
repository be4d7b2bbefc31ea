// 7.0's NUMA nodes in Figure 1: a quiet labelled box round each node's CPUs (layout-numa.js places
// them), drawn under the CPUs so it frames them and hides nothing. One node draws none.
import { text } from './outline-parts.js';
import { fitText } from '../layout-parts.js';

export function numaFrame(g, geo) {
  for (const n of geo.numa ?? []) {
    n.runs.forEach((r, i) => {
      const ng = g.append('g').attr('class', 'numa-node').attr('data-numa-node', n.node)
        .attr('data-cpus', n.cpus.join(',')).attr('data-run', i);
      ng.append('rect').attr('class', 'numa-box').attr('x', r.x).attr('y', r.y).attr('width', r.w).attr('height', r.h).attr('rx', 6);
      const label = fitText(r.w - 8, geo.font, `NUMA node ${n.node} · CPUs ${n.cpus.join(', ')}`, `node ${n.node}`, `${n.node}`);
      text(ng, r.x + 4, r.y + geo.font, label, 'numa-label');
    });
  }
}
