// The conversions between the scenario editor's strings and scenario JSON. The fields themselves
// (path, label, input type, default) are not written here: the server renders them into the page from
// its one table of scenario fields (ScenarioFields.java, as PageDefaults `fields` {top, device, job}),
// and rangeOf() and choicesOf() read each field's range and choices from the same place. Field paths
// are the server's error `field` names: "cpus", "device.slots", "jobs[0].bs".

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
