// The scenario editor's fields and the conversions between the form's strings and scenario JSON.
// Field paths are the server's error `field` names: "cpus", "device.slots", "jobs[0].bs".
export const TOP_FIELDS = [
  { path: 'name', label: 'name', type: 'text' },
  { path: 'seed', label: 'seed', type: 'number' },
  { path: 'mode', label: 'mode', type: 'select', options: ['mq', 'sq', 'bio'] },
  { path: 'kernel', label: 'kernel', type: 'select', options: ['3.16', '7.0'], fallback: '3.16' },
  { path: 'cpus', label: 'CPUs', type: 'number', min: 1, max: 64 },
  { path: 'smt', label: 'threads per core', type: 'number', min: 1, max: 8 },
  { path: 'hwQueues', label: 'hardware queues', type: 'number', min: 1, max: 64 },
  { path: 'queueDepth', label: 'queue depth', type: 'number', min: 1, max: 10240 },
  { path: 'reservedTags', label: 'reserved tags', type: 'number', min: 0 },
  { path: 'mapping', label: 'CPU → hctx map', type: 'list', placeholder: 'kernel, or 0,0,1,1' },
  { path: 'merging', label: 'merging', type: 'checkbox' },
  { path: 'scheduler', label: 'elevator (sq) / scheduler (7.0)', type: 'select',
    options: ['noop', 'deadline', 'cfq', 'none', 'mq-deadline'] },
  { path: 'nrRequests', label: 'nr_requests (sq)', type: 'number', min: 1 },
];

export const DEVICE_FIELDS = [
  { path: 'device.completionNs', label: 'completion (ns)', type: 'number', min: 0 },
  { path: 'device.irqMode', label: 'irq mode', type: 'select', options: ['none', 'softirq', 'timer'] },
  { path: 'device.maxSectors', label: 'max sectors', type: 'number', min: 1 },
  { path: 'device.maxSegments', label: 'max segments', type: 'number', min: 1 },
  { path: 'device.slots', label: 'device slots (0 = tags only)', type: 'number', min: 0 },
  { path: 'device.driver', label: 'driver', type: 'select', options: ['null_blk', 'xen-blkfront'] },
  { path: 'device.rings', label: 'rings (xen)', type: 'select', options: ['single-lock', 'split-lock', 'per-hctx'] },
];

export const JOB_FIELDS = [
  { path: 'name', label: 'name', type: 'text' },
  { path: 'cpus', label: 'CPUs', type: 'list', placeholder: 'all, or 0,2' },
  { path: 'rw', label: 'rw', type: 'select', options: ['read', 'write', 'randread', 'randwrite', 'randrw'] },
  { path: 'rwmixread', label: 'rwmixread %', type: 'number', min: 0, max: 100 },
  { path: 'bs', label: 'bs (bytes)', type: 'number', min: 512, step: 512 },
  { path: 'iodepth', label: 'iodepth', type: 'number', min: 1 },
  { path: 'ioengine', label: 'ioengine', type: 'select', options: ['sync', 'libaio'] },
  { path: 'sync', label: 'sync writes', type: 'checkbox' },
  { path: 'plug', label: 'plug', type: 'checkbox' },
  { path: 'ios', label: 'ios per CPU', type: 'number', min: 1 },
  { path: 'offset', label: 'offset (bytes)', type: 'number', min: 0 },
  { path: 'size', label: 'size (bytes)', type: 'number', min: 0 },
];

export const NEW_JOB = { name: 'job', cpus: 'all', rw: 'randread', rwmixread: 50, bs: 4096, iodepth: 1,
  ioengine: 'sync', sync: false, plug: false, ios: 8, offset: 0, size: 1048576 };

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
