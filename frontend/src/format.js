// Human-readable simulated times: the model counts nanoseconds, people read µs and ms.
export function formatNs(ns) {
  if (ns === undefined || ns === null || ns < 0 || Number.isNaN(ns)) return '—';
  if (ns < 1000) return `${ns} ns`;
  if (ns < 1e6) return `${trim(ns / 1e3)} µs`;
  if (ns < 1e9) return `${trim(ns / 1e6)} ms`;
  return `${trim(ns / 1e9)} s`;
}

function trim(x) {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

/** 4096 → "4 KiB": block sizes and request lengths. */
export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${trim(bytes / 1024).replace(/\.0+$/, '')} KiB`;
  return `${trim(bytes / 1048576).replace(/\.0+$/, '')} MiB`;
}

/** A request's sector range as blkparse writes it. */
export function formatRange(sector, sectors) {
  return `${sector} + ${sectors}`;
}

/** Text made safe for innerHTML, attribute values included. */
export const esc = s => String(s).replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
