// The scenario editor's fields and the conversions between the form's strings and scenario JSON.
// Field paths are the server's error `field` names: "cpus", "device.slots", "jobs[0].bs". Ranges
// and choices are not written here: rangeOf() and choicesOf() read what the server renders into the page.

// Bios are whole 512-byte sectors.
const SECTOR = 512;

export const TOP_FIELDS = [
  { path: 'name', label: 'name', type: 'text' },
  { path: 'seed', label: 'seed', type: 'number' },
  { path: 'mode', label: 'mode', type: 'select' },
  // A scenario without "kernel" is a 3.16 one: links and JSON carry the field only for 7.0.
  { path: 'kernel', label: 'kernel', type: 'select', fallback: '3.16' },
  { path: 'cpus', label: 'CPUs', type: 'number' },
  { path: 'smt', label: 'threads per core', type: 'number' },
  { path: 'hwQueues', label: 'hardware queues', type: 'number' },
  { path: 'queueDepth', label: 'queue depth', type: 'number' },
  { path: 'reservedTags', label: 'reserved tags', type: 'number' },
  { path: 'mapping', label: 'CPU → hctx map', type: 'list', placeholder: 'kernel, or 0,0,1,1' },
  { path: 'merging', label: 'merging', type: 'checkbox' },
  { path: 'scheduler', label: 'elevator (sq) / scheduler (7.0)', type: 'select' },
  { path: 'nrRequests', label: 'nr_requests (sq)', type: 'number' },
];

export const DEVICE_FIELDS = [
  { path: 'device.completionNs', label: 'completion (ns)', type: 'number' },
  { path: 'device.irqMode', label: 'irq mode', type: 'select' },
  { path: 'device.maxSectors', label: 'max sectors', type: 'number' },
  { path: 'device.maxSegments', label: 'max segments', type: 'number' },
  { path: 'device.slots', label: 'device slots (0 = tags only)', type: 'number' },
  { path: 'device.driver', label: 'driver', type: 'select' },
  { path: 'device.rings', label: 'rings (xen)', type: 'select' },
];

export const JOB_FIELDS = [
  { path: 'name', label: 'name', type: 'text' },
  { path: 'cpus', label: 'CPUs', type: 'list', placeholder: 'all, or 0,2' },
  { path: 'rw', label: 'rw', type: 'select' },
  { path: 'rwmixread', label: 'rwmixread %', type: 'number' },
  { path: 'bs', label: 'bs (bytes)', type: 'number', step: SECTOR },
  { path: 'iodepth', label: 'iodepth', type: 'number' },
  { path: 'ioengine', label: 'ioengine', type: 'select' },
  { path: 'sync', label: 'sync writes', type: 'checkbox' },
  { path: 'plug', label: 'plug', type: 'checkbox' },
  { path: 'ios', label: 'ios per CPU', type: 'number' },
  { path: 'offset', label: 'offset (bytes)', type: 'number' },
  { path: 'size', label: 'size (bytes)', type: 'number' },
];

/** The scenario's device fields are named "device.<field>" in the form and in error messages. */
export const DEVICE_PREFIX = 'device.';

/** The values a select offers, as the server's validator lists them. */
export function choicesOf(path, choices) {
  return choices[path.replace(/^jobs\[\d+\]/, 'jobs')] ?? [];
}

/** {min, max} for a field at a form path ("jobs[2].bs" reads "jobs.bs"), from the server's limits. */
export function rangeOf(path, limits) {
  const r = limits[path.replace(/^jobs\[\d+\]/, 'jobs')];
  return r ? { min: r[0], max: r[1] } : {};
}

/** "kernel"/"all" → the given word; "0, 1,1" → [0,1,1]; a list stays a list. */
export function parseList(text, word) {
  if (Array.isArray(text)) return text;
  const s = String(text ?? '').trim();
  if (s === '' || s === word) return word;
  return s.split(/[\s,]+/).filter(Boolean).map(Number);
}

export function showList(value, word) {
  return Array.isArray(value) ? value.join(',') : (value ?? word);
}

/** A field's form value → its JSON value; numbers stay strings when not numbers so the server names them. */
export function fromInput(field, raw, checked) {
  if (field.type === 'checkbox') return !!checked;
  if (field.type === 'number') return raw === '' ? null : (Number.isFinite(Number(raw)) ? Number(raw) : raw);
  if (field.type === 'list') return parseList(raw, field.path.endsWith('mapping') ? 'kernel' : 'all');
  return raw;
}

/**
 * The form field a server problem belongs to: its path, or the nearest enclosing one the form has
 * ("mapping[2]" → "mapping", "jobs[0].cpus[3]" → "jobs[0].cpus"); null when none matches.
 */
export function fieldOfProblem(path, exists) {
  let p = String(path ?? '').replace(/^scenario\./, '');
  while (p) {
    if (exists(p)) return p;
    const shorter = p.replace(/(\[\d+\]|\.[^.[\]]+)$/, '');
    if (shorter === p) return null;
    p = shorter;
  }
  return null;
}

/** An empty (or unreadable) number field, worded like the server's problems, with the allowed range. */
export function emptyNumberProblem(path, limits, unreadable = false) {
  const { min, max } = rangeOf(path, limits);
  const range = min !== undefined ? `: must be a number between ${min} and ${max}` : ': must be a number';
  return { field: path, value: null, message: `${path} is ${unreadable ? 'not a number' : 'empty'}${range}` };
}
