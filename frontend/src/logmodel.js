// Every transition seen since the load, as log entries: a blkparse line for those with a blktrace
// action, a narration-only note for the others. The view shows a window; this keeps everything.
import { blkparseWriter } from './blkparse.js';
import { narrate } from './narration.js';

export function createLog() {
  let entries = [];
  let trace = false;
  const writer = blkparseWriter();
  return {
    /**
     * What the next entries come from: a model run, or a replayed trace with its devices, whose
     * numbers the log prints (blktrace's own: each line its transition's `dev`, or the one device's).
     */
    source(loadedTrace) {
      trace = !!loadedTrace;
      writer.devices(loadedTrace?.devices ?? null);
    },
    get entries() { return entries; },
    get length() { return entries.length; },
    /** Transitions 0..n-1 in order, when the log holds an unbroken run from the start. */
    contiguousUpTo() {
      const n = entries.length;
      return n && entries[0].seq === 0 && entries[n - 1].seq === n - 1 ? n : 0;
    },
    append(ts) {
      const added = ts.map(t => {
        const line = writer.line(t);
        return { seq: t.seq, t, line, text: line ?? note(t, trace), device: writer.deviceName(t) };
      });
      entries.push(...added);
      return added;
    },
    /** After a seek to step K only transitions 0..K-1 remain true history. */
    truncate(step) {
      const keep = entries.findIndex(e => e.seq >= step);
      if (keep >= 0) entries = entries.slice(0, keep);
      writer.rewind(entries);
    },
    clear() { entries = []; writer.rewind([]); },
  };
}

/** A move blktrace does not trace, in the log's columns: kind, then the narration's first clause. */
function note(t, trace) {
  const first = narrate(t, undefined, trace).split(': ')[0];
  return `${' '.repeat(14)}${String(t.cpu).padStart(2)}  ·  ${t.kind.padEnd(9)} ${first}`;
}

/** filter = {action: '' | letter | '-' (no action), cpu: '' | n, req: '' | id, device: '' | "8,16"}. */
export function matches(entry, filter) {
  const t = entry.t;
  if (filter.device && entry.device !== filter.device.replace(/\s/g, '')) return false;
  if (filter.action === '-' && t.action) return false;
  if (filter.action && filter.action !== '-' && t.action !== filter.action) return false;
  if (filter.cpu !== '' && filter.cpu !== undefined && t.cpu !== Number(filter.cpu)) return false;
  if (filter.req !== '' && filter.req !== undefined && t.req !== Number(filter.req)) return false;
  return true;
}
