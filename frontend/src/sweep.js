// The "Why blk-mq?" sweep: the request body for POST /api/sweeps, its NDJSON lines as they arrive,
// and the lines of the IOPS-vs-CPUs chart (one per value of the first varied field).
import { MODE, RW, IO_ENGINE, SCHEDULER, RINGS } from './labels.js';

export const STORY_VARY = { mode: [MODE.SQ, MODE.MQ], cpus: [1, 2, 4, 8, 16] };

/** A greedy random reader on every CPU: the load on which the single queue_lock gives up scaling. */
export const GREEDY_JOB = { name: 'fio', cpus: 'all', rw: RW.RANDREAD, bs: 4096, ioengine: IO_ENGINE.LIBAIO, iodepth: 32,
  ios: 500, plug: false, sync: false, offset: 0, size: 1073741824, rwmixread: 100 };

/** The body: the scenario as it is, or recast for blk-mq's story (16 hardware queues, the greedy job). */
export function sweepBody(scenario, vary, story) {
  const s = { ...scenario };
  if (story) {
    // noop and one ring: the points vary mode, and blk-mq in 3.16 has no elevator.
    Object.assign(s, { hwQueues: 16, mapping: 'kernel', scheduler: SCHEDULER.NOOP, jobs: [{ ...GREEDY_JOB }] });
    s.device = { ...(s.device || {}), slots: 0, rings: RINGS.SINGLE_LOCK };
  }
  return { scenario: s, vary };
}

/** "sq, mq" → ["sq","mq"]; "1 2 4" → [1,2,4]; booleans stay booleans. */
export function parseValues(text) {
  return String(text).split(/[\s,]+/).filter(Boolean).map(v => {
    if (v === 'true' || v === 'false') return v === 'true';
    return Number.isFinite(Number(v)) ? Number(v) : v;
  });
}

/** Complete lines out of a growing buffer: {lines: [parsed JSON], rest: the unfinished tail}. */
export function takeLines(buffer) {
  const parts = buffer.split('\n');
  const rest = parts.pop();
  return { lines: parts.filter(l => l.trim()).map(l => JSON.parse(l)), rest };
}

/**
 * One line per series value, points sorted along x; IOPS and the top lock's contentions per point, and
 * what was published at that point when the sweep reproduces a published experiment (else null).
 */
export function seriesOf(points, seriesKey, xKey, topLock) {
  const by = new Map();
  for (const p of points) {
    if (p.error || !p.stats) continue;
    const k = String(p[seriesKey]);
    if (!by.has(k)) by.set(k, []);
    const lock = topLock(p.stats.locks);
    // "Most contended" means contended at least once: a lock nobody waited for is no point's bottleneck.
    const top = lock && lock.contentions > 0 ? lock : null;
    by.get(k).push({ x: p[xKey], iops: p.stats.iops, lock: top ? top.name : null,
      contentions: top ? top.contentions : 0, point: p.point, backendCpuUse: p.stats.backend?.cpuUse ?? null,
      published: p.published ?? null });
  }
  return [...by].map(([name, pts]) => ({ name, points: pts.sort((a, b) => a.x - b.x) }));
}

/** The xen-blkfront sweep's lines: one per ring layout, IOPS against jobs. */
export const XEN_KEYS = ['rings', 'jobs'];

/** A line of POST /api/sweeps/xen-iometer, its ring layout under the key the chart draws by. */
export function xenPoint(line) {
  return line.done || line.error ? line : { ...line, rings: line['device.rings'] };
}
