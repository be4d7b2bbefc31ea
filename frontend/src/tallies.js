// What the run has added up so far, beside where things are: counters, latency histograms (btt's
// Q2C and D2C, one sample per bio), completions over time and tag occupancy over time. Each stays
// small, because the state is copied once per batch of transitions.
import { addSample } from './histogram.js';

const TIMELINE_MAX = 2000;

export function emptyCounters() {
  return {
    queued: 0, backMerges: 0, frontMerges: 0, plugs: 0, unplugs: 0, inserts: 0, issues: 0,
    requeues: 0, tagSleeps: 0, completed: 0, freed: 0, runs: 0, stops: 0, ipis: 0,
  };
}

const COUNTED = {
  queue: 'queued', backmerge: 'backMerges', rq_merge: 'backMerges', frontmerge: 'frontMerges', unplug: 'unplugs',
  insert: 'inserts', issue: 'issues', requeue: 'requeues', sleeprq: 'tagSleeps', complete: 'completed',
  free: 'freed', run_queue: 'runs', stop: 'stops', ipi: 'ipis',
};

export function count(s, t) {
  const name = COUNTED[t.kind];
  if (name) s.counters[name]++;
  if (t.kind === 'plug' && t.action === 'P') s.counters.plugs++;
}

/** Like btt, every bio of the request gives one Q2C and one D2C sample. */
export function recordLatency(s, rq, now, bioOf) {
  countCompletion(s.throughput, now);
  for (const id of rq.bios) {
    const bio = bioOf(id);
    const q = bio && bio.times.Q !== undefined ? bio.times.Q : rq.times.Q;
    if (q !== undefined) addSample(s.q2c, now - q);
    if (rq.times.D !== undefined) addSample(s.d2c, now - rq.times.D);
  }
}

const THROUGHPUT_BINS = 200;

/** Completions per time bin; bins double in width when the run outgrows them, so the copy stays small. */
export function countCompletion(tp, now) {
  let i = Math.floor(now / tp.width);
  while (i >= THROUGHPUT_BINS) {
    const merged = [];
    for (let j = 0; j < tp.bins.length; j += 2) merged.push((tp.bins[j] || 0) + (tp.bins[j + 1] || 0));
    tp.bins = merged;
    tp.width *= 2;
    i = Math.floor(now / tp.width);
  }
  while (tp.bins.length <= i) tp.bins.push(0);
  tp.bins[i]++;
}

/** Keeps at most TIMELINE_MAX samples by halving the resolution whenever the buffer fills. */
export function sampleTimeline(s) {
  const tl = s.timeline;
  if (s.step % tl.every !== 0) return;
  tl.samples.push({ step: s.step, t: s.t, used: s.hctxs.map(h => h.tagsUsed) });
  if (tl.samples.length >= TIMELINE_MAX) {
    tl.samples = tl.samples.filter((_, i) => i % 2 === 1);
    tl.every *= 2;
  }
}

