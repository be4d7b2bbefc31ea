// Log2 latency buckets, as bcc's biolatency prints them: bucket b holds [2^b, 2^(b+1)) of the unit.
export const UNIT_NS = 1000; // buckets count microseconds, like biolatency's default

export function emptyHistogram() {
  return { buckets: [], count: 0, sum: 0, min: Infinity, max: 0 };
}

export function bucketOf(ns) {
  const units = Math.floor(ns / UNIT_NS);
  return units < 1 ? 0 : Math.floor(Math.log2(units)) + 1;
}

/** Bucket 0 is [0, 1) µs; bucket b ≥ 1 is [2^(b-1), 2^b) µs. */
export function bucketRange(b) {
  return b === 0 ? [0, 1] : [2 ** (b - 1), 2 ** b];
}

/** Mutates h: histograms live inside a state that applyTransitions already copied. */
export function addSample(h, ns) {
  const b = bucketOf(Math.max(0, ns));
  while (h.buckets.length <= b) h.buckets.push(0);
  h.buckets[b]++;
  h.count++;
  h.sum += ns;
  h.min = Math.min(h.min, ns);
  h.max = Math.max(h.max, ns);
}

/** Rows for drawing: one per bucket from the first to the last non-empty one. */
export function rows(h) {
  const first = h.buckets.findIndex(n => n > 0);
  if (first < 0) return [];
  return h.buckets.slice(first).map((n, i) => {
    const [lo, hi] = bucketRange(first + i);
    return { bucket: first + i, lo, hi, count: n };
  });
}
