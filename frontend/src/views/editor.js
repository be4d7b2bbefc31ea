// The scenario editor: presets, every scenario field, jobs added and removed, Load. The server
// validates; every problem it finds appears next to the field it names, all at once. An empty number
// is refused here, before the server could quietly read it as the default. Editing a preset makes
// it a custom scenario, so it no longer claims the preset's name.
import { DEVICE_PREFIX, getAt, setAt, rangeOf, choicesOf, showList, showSplit, fromInput, fieldOfProblem, emptyNumberProblem, isShown } from '../scenario-form.js';
import { KERNEL, SCHEDULER } from '../labels.js';

// The select's value once a preset has been edited.
const CUSTOM = 'custom';

export function editorView(el, { defaults, onLoad, onPreset }) {
  el.innerHTML = `
    <label class="presets">preset <select data-role="presets"><option value="">—</option></select></label>
    <p class="preset-note" data-role="preset-note"></p>
    <form data-role="scenario-form" novalidate>
      <fieldset data-group="top"><legend>machine</legend></fieldset>
      <fieldset data-group="device"><legend>device (null_blk)</legend></fieldset>
      <fieldset data-group="jobs"><legend>jobs</legend><div data-role="jobs"></div>
        <button type="button" data-action="add-job">+ add job</button></fieldset>
      <p class="form-error" data-role="editor-error" role="alert"></p>
      <button type="submit" data-action="load" class="primary">Load scenario</button>
    </form>`;
  const form = el.querySelector('form');
  const jobsEl = el.querySelector('[data-role="jobs"]');
  const presetSelect = el.querySelector('[data-role="presets"]');
  let jobs = [];
  let presets = [];
  let costs = null; // the CPU cost table is not edited here; a loaded scenario's table is sent back as it was
  let numaNodes = null; // 7.0's NUMA nodes are not edited here either; a loaded scenario keeps them
  const note = el.querySelector('[data-role="preset-note"]');

  // The fields come from the server's table of scenario fields (PageDefaults), in its order.
  const { top: TOP_FIELDS, device: DEVICE_FIELDS, job: JOB_FIELDS } = defaults.fields;
  const readJobs = (form, n) => readJobsOf(form, n, JOB_FIELDS);
  const input = (f, path) => field(f, path, defaults);
  const deviceKey = path => path.slice(DEVICE_PREFIX.length);
  TOP_FIELDS.forEach(f => form.querySelector('[data-group="top"]').append(input(f, f.path)));
  DEVICE_FIELDS.forEach(f => form.querySelector('[data-group="device"]').append(input(f, f.path)));
  // The fields other fields decide the showing of ("kernel", "device.driver", "jobs.ioengine").
  const DECIDING = new Set([...TOP_FIELDS, ...DEVICE_FIELDS, ...JOB_FIELDS].flatMap(f => (f.shownWhen ?? []).map(c => c.field)));

  /**
   * Shows only the fields that mean something for the kernel, mode, driver and engine chosen. A field
   * the user's own choice hides goes back to its default (a 3.16 run has no poll queues); one hidden
   * by a loaded scenario keeps its value, so loading it again changes nothing.
   */
  function showRelevant(resetHidden) {
    const valueAt = path => controlOf(form, path)?.value;
    const each = (f, path) => {
      const c = controlOf(form, path);
      if (!c) return;
      const row = c.closest('label');
      const shown = isShown(f, path, valueAt);
      if (!shown && resetHidden && !row.hidden && f.fallback !== undefined) setValue(form, f, path, f.fallback);
      row.hidden = !shown;
    };
    TOP_FIELDS.forEach(f => each(f, f.path));
    DEVICE_FIELDS.forEach(f => each(f, f.path));
    jobs.forEach((_, i) => JOB_FIELDS.forEach(f => each(f, `jobs[${i}].${f.path}`)));
  }
  form.addEventListener('change', ev => {
    const path = ev.target.dataset.field;
    if (path && DECIDING.has(path.replace(/^jobs\[\d+\]\./, 'jobs.'))) showRelevant(true);
  });

  function renderJobs() {
    jobsEl.innerHTML = '';
    jobs.forEach((job, i) => {
      const box = document.createElement('div');
      box.className = 'job';
      box.dataset.job = i;
      box.innerHTML = `<div class="job-head">job ${i}<button type="button" data-action="remove-job" data-job="${i}" aria-label="remove job ${i}">remove</button></div>`;
      JOB_FIELDS.forEach(f => box.append(input(f, `jobs[${i}].${f.path}`)));
      jobsEl.append(box);
      JOB_FIELDS.forEach(f => setValue(form, f, `jobs[${i}].${f.path}`, job[f.path] ?? f.fallback));
    });
    showRelevant(false);
  }

  el.addEventListener('click', ev => {
    const a = ev.target.closest('[data-action]')?.dataset.action;
    if (a === 'add-job') { jobs = readJobs(form, jobs.length); jobs.push({ ...defaults.job, name: `job${jobs.length}` }); renderJobs(); edited(); }
    if (a === 'remove-job') {
      jobs = readJobs(form, jobs.length);
      jobs.splice(Number(ev.target.dataset.job), 1);
      renderJobs();
      edited();
    }
  });
  form.addEventListener('input', ev => { if (ev.target.dataset.field !== 'name') edited(); });
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const empty = [...form.querySelectorAll('input[type="number"]')]
      .filter(c => c.value === '').map(c => emptyNumberProblem(c.dataset.field, defaults.limits, c.validity?.badInput));
    if (empty.length) { showErrors(el, empty); return; }
    clearErrors(el);
    onLoad(read());
  });
  presetSelect.addEventListener('change', () => {
    const p = presets.find(x => x.id === presetSelect.value);
    if (!p) return;
    note.textContent = '';
    clearErrors(el);
    onPreset(p);
  });

  /** The first edit of a preset: it is now a custom scenario, named as one, its note withdrawn. */
  function edited() {
    const p = presets.find(x => x.id === presetSelect.value);
    if (!p) return;
    // The list offers presets only; "custom" appears once there is an edited one to name.
    if (![...presetSelect.options].some(o => o.value === CUSTOM)) presetSelect.append(new Option('custom (edited)', CUSTOM));
    presetSelect.value = CUSTOM;
    note.textContent = `Edited from the preset “${p.name}”: press Load scenario to run it.`;
    const name = controlOf(form, 'name');
    if (name.value === p.name) name.value = `custom (from ${p.id})`;
  }

  function read() {
    const s = {};
    for (const f of TOP_FIELDS) s[f.path] = valueOf(form, f, f.path);
    s.device = {};
    for (const f of DEVICE_FIELDS) setAt(s.device, deviceKey(f.path), valueOf(form, f, f.path));
    s.jobs = readJobs(form, jobs.length);
    if (costs) s.costs = costs;
    if (numaNodes) s.numaNodes = numaNodes;
    // Each kernel has its own schedulers: after a switch, one the other kernel lacks falls back to
    // the server's default for the new kernel (noop; elevator_set_default's choice in 7.0).
    const k70 = [SCHEDULER.NONE, SCHEDULER.MQ_DEADLINE, SCHEDULER.KYBER].includes(s.scheduler);
    if ((s.kernel === KERNEL.V7_0) !== k70) delete s.scheduler;
    return s;
  }

  return {
    update() {},
    setPresets(list) {
      presets = list;
      presetSelect.innerHTML = '<option value="">—</option>'
        + list.map(p => `<option value="${p.id}">${p.name}</option>`).join('');
    },
    /**
     * What the server says was loaded: a preset, or else no preset unless one is being edited. A
     * preset's note is its story above Figure 1 (main.js showStory), not repeated here.
     */
    loadedPreset(p) {
      if (p) { presetSelect.value = p.id; note.textContent = ''; return; }
      if (presetSelect.value !== CUSTOM) presetSelect.value = '';
      note.textContent = '';
    },
    /** A preset loaded without the select being used (the first load, an address naming one). */
    choosePreset(id) {
      presetSelect.value = id;
      note.textContent = '';
    },
    setScenario(s) {
      TOP_FIELDS.forEach(f => setValue(form, f, f.path, s[f.path] ?? f.fallback));
      // A field the server leaves out of the JSON when it is its default (7.0's several devices) shows that default.
      DEVICE_FIELDS.forEach(f => setValue(form, f, f.path, getAt(s.device || {}, deviceKey(f.path)) ?? f.fallback));
      jobs = (s.jobs || []).map(j => ({ ...j }));
      costs = s.costs ?? null;
      numaNodes = s.numaNodes ?? null;
      renderJobs();
    },
    /** An error frame: each of its problems beside its field, or above Load when no field matches. */
    showError(err) { showErrors(el, err.problems?.length ? err.problems : [{ field: err.field, message: err.message }]); },
    clearErrors() { clearErrors(el); },
    read,
  };
}

function field(f, path, { limits, choices }) {
  const label = document.createElement('label');
  label.className = `field field-${f.type}`;
  const name = document.createElement('span');
  // A narrow panel breaks fio's long names after an underscore (thinktime_ / blocks), not mid-word.
  f.label.split(/(?<=_)/).forEach((part, i) => name.append(...(i ? [document.createElement('wbr')] : []), part));
  let control;
  if (f.type === 'select') {
    control = document.createElement('select');
    control.innerHTML = choicesOf(path, choices).map(o => `<option>${o}</option>`).join('');
  } else {
    control = document.createElement('input');
    control.type = f.type === 'list' || f.type === 'bssplit' ? 'text' : f.type;
    const attrs = { ...rangeOf(path, limits), step: f.step, placeholder: f.placeholder };
    for (const [a, v] of Object.entries(attrs)) if (v !== undefined) control.setAttribute(a, v);
  }
  control.dataset.field = path;
  control.name = path;
  label.append(name, control);
  return label;
}

const controlOf = (form, path) => form.querySelector(`[data-field="${CSS.escape(path)}"]`);

function setValue(form, f, path, value) {
  const c = controlOf(form, path);
  if (!c) return;
  if (f.type === 'checkbox') c.checked = !!value;
  else if (f.type === 'select' && value != null && ![...c.options].some(o => o.value === String(value))) {
    c.append(new Option(String(value))); // a value this page does not know yet still round-trips
    c.value = String(value);
  }
  else if (f.type === 'list') c.value = showList(value, path.endsWith('mapping') ? 'kernel' : 'all');
  else if (f.type === 'bssplit') c.value = showSplit(value);
  else c.value = value ?? '';
}

function valueOf(form, f, path) {
  const c = controlOf(form, path);
  return fromInput(f, c.value, c.checked);
}

function readJobsOf(form, n, jobFields) {
  return Array.from({ length: n }, (_, i) => {
    const job = {};
    for (const f of jobFields) job[f.path] = valueOf(form, f, `jobs[${i}].${f.path}`);
    return job;
  });
}

function clearErrors(el) {
  el.querySelectorAll('.field-error').forEach(e => e.remove());
  el.querySelectorAll('[aria-invalid]').forEach(e => { e.removeAttribute('aria-invalid'); e.removeAttribute('aria-describedby'); });
  el.querySelector('[data-role="editor-error"]').textContent = '';
}

/** Every problem beside the field it names (data-field-error), the rest above the Load button. */
function showErrors(el, problems) {
  clearErrors(el);
  const unplaced = [];
  let first = null;
  problems.forEach((p, i) => {
    const field = fieldOfProblem(p.field, path => !!el.querySelector(`[data-field="${CSS.escape(path)}"]`));
    const c = field ? el.querySelector(`[data-field="${CSS.escape(field)}"]`) : null;
    if (!c) { unplaced.push(p.message); return; }
    const msg = document.createElement('span');
    msg.className = 'field-error';
    msg.id = `field-error-${i}`;
    msg.dataset.fieldError = p.field.replace(/^scenario\./, '');
    msg.dataset.errorFor = field;
    msg.textContent = p.message;
    c.closest('label').hidden = false; // a problem is never left on a field the editor hid
    c.setAttribute('aria-invalid', 'true');
    c.setAttribute('aria-describedby', [c.getAttribute('aria-describedby'), msg.id].filter(Boolean).join(' '));
    c.closest('label').after(msg);
    first ??= c;
  });
  el.querySelector('[data-role="editor-error"]').textContent = unplaced.join(' ');
  first?.scrollIntoView?.({ block: 'nearest' });
}
