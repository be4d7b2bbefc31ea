// 7.0's NUMA nodes in Figure 1: a labelled box round each node's CPUs (scenario.numaNodes). A node
// whose CPUs are not side by side gets a box per run of adjacent columns, all carrying its number.
// Pure geometry over the CPU boxes, tested without a DOM.

/** A node's CPUs as the scenario's JSON writes them, a sysfs cpulist ("0-3,8"), or already a list. */
export function cpusOf(node) {
  if (Array.isArray(node)) return node.map(Number);
  const out = [];
  for (const item of String(node).split(',')) {
    const [a, b] = item.split('-').map(Number);
    for (let c = a; c <= (Number.isInteger(b) ? b : a); c++) out.push(c);
  }
  return out;
}

/**
 * @param nodes the scenario's numaNodes: each node's CPUs (cpulists or lists)
 * @param cpus  the layout's CPU boxes, in column order
 * @returns [{ node, cpus, runs: [{x, y, w, h}] }] for the nodes with a CPU drawn
 */
export function numaBoxes(nodes, cpus, m) {
  const column = new Map(cpus.map((c, i) => [c.cpu, i]));
  const out = [];
  nodes.map(cpusOf).forEach((list, node) => {
    const cols = list.filter(cpu => column.has(cpu)).map(cpu => column.get(cpu)).sort((a, b) => a - b);
    if (!cols.length) return;
    const runs = [];
    let start = cols[0];
    cols.forEach((c, k) => {
      if (k + 1 < cols.length && cols[k + 1] === c + 1) return;
      const a = cpus[start], b = cpus[c];
      runs.push({ x: a.x - 3, y: a.y - m.line - 1, w: b.x + b.w - a.x + 6, h: a.h + m.line + 3 });
      start = cols[k + 1];
    });
    out.push({ node, cpus: list.filter(cpu => column.has(cpu)), runs });
  });
  return out;
}
