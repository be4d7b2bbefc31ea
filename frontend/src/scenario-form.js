// The conversions between the scenario editor's strings and scenario JSON. The fields themselves
// (path, label, input type, default) are not written here: the server renders them into the page from
// its one table of scenario fields (ScenarioFields.java, as PageDefaults `fields` {top, device, job}),
// and rangeOf() and choicesOf() read each field's range and choices from the same place. Field paths
// are the server's error `field` names: "cpus", "device.slots", "jobs[0].bs".

/** The scenario's device fields are named "device.<field>" in the form and in error messages. */
export const DEVICE_PREFIX = 'device.';

/** A value under a dotted key ("backend.cpus": xen-blkback's fields nest in the device's record). */
export function getAt(obj, key) {
  return key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

/** Sets a dotted key, making the nested objects it passes through. */
export function setAt(obj, key, value) {
  const keys = key.split('.');
  const last = keys.pop();
  keys.reduce((o, k) => (o[k] ??= {}), obj)[last] = value;
}

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

const SIZE_UNITS = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/**
 * fio's bssplit syntax, as links write it: "512/10:4k/90" → [{bs: 512, percent: 10}, {bs: 4096, percent: 90}];
 * empty → null (one size). Text that is not size/percent entries stays text, so the server names the
 * field and what it allows.
 */
export function parseSplit(text) {
  const s = String(text ?? '').trim();
  if (s === '') return null;
  const entries = s.split(':').map(part => /^(\d+)([kmg]?)\/(\d+)$/i.exec(part.trim()));
  if (entries.some(m => !m)) return s;
  return entries.map(m => ({ bs: Number(m[1]) * SIZE_UNITS[m[2].toLowerCase()], percent: Number(m[3]) }));
}

/** [{bs, percent}] → "512/10:4k/90", sizes in their shortest exact unit (as the server's links write them). */
export function showSplit(split) {
  if (!Array.isArray(split)) return split ?? '';
  const size = b => { for (const u of ['g', 'm', 'k']) if (b % SIZE_UNITS[u] === 0 && b > 0) return `${b / SIZE_UNITS[u]}${u}`; return String(b); };
  return split.map(e => `${size(e.bs)}/${e.percent}`).join(':');
}

/** A field's form value → its JSON value; numbers stay strings when not numbers so the server names them. */
export function fromInput(field, raw, checked) {
  if (field.type === 'checkbox') return !!checked;
  if (field.type === 'number') return raw === '' ? null : (Number.isFinite(Number(raw)) ? Number(raw) : raw);
  if (field.type === 'list') return parseList(raw, field.path.endsWith('mapping') ? 'kernel' : 'all');
  if (field.type === 'bssplit') return parseSplit(raw);
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

/**
 * Whether the editor shows a field given the form's current values: a field with shownWhen cases
 * (PageDefaults, from ScenarioFields' declarations) is shown while any case's field holds one of its
 * values. A case on "jobs.<field>" reads the same job's control ("jobs[2].ioengine" for "jobs[2].hipri").
 * valueAt(path) gives a control's current value.
 */
export function isShown(f, path, valueAt) {
  if (!f.shownWhen?.length) return true;
  const job = /^jobs\[\d+\]\./.exec(path)?.[0];
  return f.shownWhen.some(c => c.in.includes(valueAt(job && c.field.startsWith('jobs.') ? job + c.field.slice(5) : c.field)));
}
