// blkparse's default output line for one transition, so the log reads like `blkparse -i sda`.
// Format "%D %2c %8s %5T.%9t %5p %2a %3d " with %D = "%3d,%-3d", then the action's payload.
// A model run's device N (a transition's `dev`, absent with one device) is printed as the exports print
// it, numbered as sd numbers whole disks: nullb0 8,0, nullb1 8,16, … (trace/DeviceNumber.java says why);
// a replayed trace's device `dev` as the trace's own number, devices[dev].
const MODEL_DEVICE = [8, 0];
const modelDevice = dev => [8, 16 * dev];
const RANGE_WITH_COMM = new Set(['Q', 'G', 'I', 'D', 'M', 'F', 'S', 'B']);
const RANGE_WITH_ERROR = new Set(['C', 'R']);

const pad = (v, n) => String(v).padStart(n);

/** Plugs and unplugs carry no data direction: blktrace marks them READ with 0 bytes, printed N. */
function rwbsOf(t) {
  return t.action === 'P' || t.action === 'U' ? 'N' : (t.rwbs || 'N');
}

function payload(t) {
  const comm = `[${t.comm ?? '(null)'}]`;
  if (t.action === 'X') return `${t.sector} / ${t.count} ${comm}`;
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

const majMin = s => {
  const m = /^(\d+),(\d+)$/.exec(s ?? '');
  return m ? [Number(m[1]), Number(m[2])] : null;
};

/**
 * Numbers events per device and CPU from 1 (blktrace keeps a sequence in each device's per-CPU buffer)
 * and times them from the first transition, as blkparse does.
 */
export function blkparseWriter() {
  const perCpu = new Map();
  let t0 = null;
  let traced = null;
  const deviceOf = t => {
    const dev = t.dev >= 0 ? t.dev : 0;
    if (!traced) return t.dev >= 0 ? modelDevice(dev) : MODEL_DEVICE;
    return traced[dev] ?? traced[0] ?? MODEL_DEVICE;
  };
  const key = t => `${t.dev >= 0 ? t.dev : 0}/${t.cpu}`;
  return {
    /** A replayed trace's devices ("252,0", …, its `loaded.trace.devices`); null for a model run. */
    devices(list) {
      traced = list?.length ? list.map(majMin) : null;
    },
    /** "8,16": the device a transition's line is printed on (null for a lock move, which is on none). */
    deviceName(t) {
      return t.lock ? null : deviceOf(t).join(',');
    },
    line(t) {
      if (t0 === null) t0 = t.t;
      if (!t.action) return null;
      const n = (perCpu.get(key(t)) || 0) + 1;
      perCpu.set(key(t), n);
      return formatLine(t, n, t0, deviceOf(t));
    },
    /** Restarts numbering after a seek backwards: entries are the transitions still in the log. */
    rewind(entries) {
      perCpu.clear();
      t0 = entries.length ? entries[0].t.t : null;
      for (const e of entries) if (e.t.action) perCpu.set(key(e.t), (perCpu.get(key(e.t)) || 0) + 1);
    },
  };
}
