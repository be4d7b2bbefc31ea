// blkparse's default output line for one transition, so the log reads like `blkparse -i sda`.
// Format "%D %2c %8s %5T.%9t %5p %2a %3d " with %D = "%3d,%-3d", then the action's payload.
// A model run is printed as blktrace's first SCSI disk, 8,0; a replayed trace as its own device.
const MODEL_DEVICE = [8, 0];
const RANGE_WITH_COMM = new Set(['Q', 'G', 'I', 'D', 'M', 'F', 'S', 'B']);
const RANGE_WITH_ERROR = new Set(['C', 'R']);

const pad = (v, n) => String(v).padStart(n);

/** Plugs and unplugs carry no data direction: blktrace marks them READ with 0 bytes, printed N. */
function rwbsOf(t) {
  return t.action === 'P' || t.action === 'U' ? 'N' : (t.rwbs || 'N');
}

function payload(t) {
  const comm = `[${t.comm ?? '(null)'}]`;
  const range = t.sectors > 0 ? `${t.sector} + ${t.sectors} ` : '';
  if (RANGE_WITH_COMM.has(t.action)) return `${range}${comm}`;
  if (RANGE_WITH_ERROR.has(t.action)) return `${range}[0]`;
  if (t.action === 'U') return `${comm} ${Math.max(0, t.count)}`;
  return comm;
}

/** One line; cpuSeq is this CPU's 1-based event number, t0 the time blkparse counts from. */
export function formatLine(t, cpuSeq, t0, device = MODEL_DEVICE) {
  const rel = Math.max(0, t.t - t0);
  const sec = Math.floor(rel / 1e9);
  const nsec = String(rel % 1e9).padStart(9, '0');
  const head = `${pad(device[0], 3)},${String(device[1]).padEnd(3)} ${pad(t.cpu, 2)} ${pad(cpuSeq, 8)}`
    + ` ${pad(sec, 5)}.${nsec} ${pad(t.pid < 0 ? 0 : t.pid, 5)} ${pad(t.action, 2)} ${pad(rwbsOf(t), 3)} `;
  return head + payload(t);
}

/** Numbers events per CPU from 1 and times them from the first transition, as blkparse does. */
export function blkparseWriter() {
  const perCpu = new Map();
  let t0 = null;
  let device = MODEL_DEVICE;
  return {
    /** "252,0" for a trace's device; null for a model run (8,0). */
    device(majMin) {
      const m = /^(\d+),(\d+)$/.exec(majMin ?? '');
      device = m ? [Number(m[1]), Number(m[2])] : MODEL_DEVICE;
    },
    line(t) {
      if (t0 === null) t0 = t.t;
      if (!t.action) return null;
      const n = (perCpu.get(t.cpu) || 0) + 1;
      perCpu.set(t.cpu, n);
      return formatLine(t, n, t0, device);
    },
    /** Restarts numbering after a seek backwards: entries are the transitions still in the log. */
    rewind(entries) {
      perCpu.clear();
      t0 = entries.length ? entries[0].t.t : null;
      for (const e of entries) if (e.t.action) perCpu.set(e.t.cpu, (perCpu.get(e.t.cpu) || 0) + 1);
    },
  };
}
