// The bio sizes a run queued, from the server's stats.blockSizes ([{bs, read, write}], smallest
// first): one bar per size, reads and writes stacked, with each size's share of all bios, so a
// job's bssplit can be read off the chart against the percentages it declared.

/** 512 → "512", 4096 → "4k", 1048576 → "1m": the shortest exact unit, as fio and links write sizes. */
export function sizeLabel(bytes) {
  for (const [unit, n] of [['m', 1024 ** 2], ['k', 1024]]) if (bytes > 0 && bytes % n === 0) return `${bytes / n}${unit}`;
  return String(bytes);
}

/**
 * Rows for drawing: {bs, label, read, write, total, percent}, percent of every bio counted (those of
 * sizes past the server's limit included, as `other`); null when no bio was queued yet.
 */
export function sizeRows(stats) {
  const list = stats?.blockSizes ?? [];
  const other = stats?.blockSizesOther ?? 0;
  const all = list.reduce((n, r) => n + r.read + r.write, 0) + other;
  if (all === 0) return null;
  return list.map(r => ({
    bs: r.bs, label: sizeLabel(r.bs), read: r.read, write: r.write, total: r.read + r.write,
    percent: (100 * (r.read + r.write)) / all,
  }));
}
