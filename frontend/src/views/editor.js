// The scenario editor: presets, every scenario field, jobs added and removed, Load. The server
// validates; its error messages appear next to the field they name.
import { TOP_FIELDS, DEVICE_FIELDS, JOB_FIELDS, NEW_JOB, showList, fromInput } from '../scenario-form.js';

export function editorView(el, { onLoad, onPreset }) {
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

  TOP_FIELDS.forEach(f => form.querySelector('[data-group="top"]').append(input(f, f.path)));
  DEVICE_FIELDS.forEach(f => form.querySelector('[data-group="device"]').append(input(f, f.path)));

  function renderJobs() {
    jobsEl.innerHTML = '';
    jobs.forEach((job, i) => {
      const box = document.createElement('div');
      box.className = 'job';
      box.dataset.job = i;
      box.innerHTML = `<div class="job-head">job ${i}<button type="button" data-action="remove-job" data-job="${i}" aria-label="remove job ${i}">remove</button></div>`;
      JOB_FIELDS.forEach(f => box.append(input(f, `jobs[${i}].${f.path}`)));
      jobsEl.append(box);
      JOB_FIELDS.forEach(f => setValue(form, f, `jobs[${i}].${f.path}`, job[f.path]));
    });
  }

  el.addEventListener('click', ev => {
    const a = ev.target.closest('[data-action]')?.dataset.action;
    if (a === 'add-job') { jobs = readJobs(form, jobs.length); jobs.push({ ...NEW_JOB, name: `job${jobs.length}` }); renderJobs(); }
    if (a === 'remove-job') {
      jobs = readJobs(form, jobs.length);
      jobs.splice(Number(ev.target.dataset.job), 1);
      renderJobs();
    }
  });
  form.addEventListener('submit', ev => { ev.preventDefault(); clearErrors(el); onLoad(read()); });
  presetSelect.addEventListener('change', () => {
    const p = presets.find(x => x.id === presetSelect.value);
    if (!p) return;
    el.querySelector('[data-role="preset-note"]').textContent = p.note ?? '';
    clearErrors(el);
    onPreset(p);
  });

  function read() {
    const s = {};
    for (const f of TOP_FIELDS) s[f.path] = valueOf(form, f, f.path);
    s.device = {};
    for (const f of DEVICE_FIELDS) s.device[f.path.slice(7)] = valueOf(form, f, f.path);
    s.jobs = readJobs(form, jobs.length);
    if (costs) s.costs = costs;
    if (numaNodes) s.numaNodes = numaNodes;
    // Each kernel has its own schedulers: after a switch, one the other kernel lacks falls back to
    // the server's default for the new kernel (noop; elevator_set_default's choice in 7.0).
    const k70 = ['none', 'mq-deadline'].includes(s.scheduler);
    if ((s.kernel === '7.0') !== k70) delete s.scheduler;
    return s;
  }

  return {
    update() {},
    setPresets(list) {
      presets = list;
      presetSelect.innerHTML = '<option value="">—</option>'
        + list.map(p => `<option value="${p.id}">${p.name}</option>`).join('');
    },
    choosePreset(id) { presetSelect.value = id; },
    setScenario(s) {
      TOP_FIELDS.forEach(f => setValue(form, f, f.path, s[f.path] ?? f.fallback));
      DEVICE_FIELDS.forEach(f => setValue(form, f, f.path, (s.device || {})[f.path.slice(7)]));
      jobs = (s.jobs || []).map(j => ({ ...j }));
      costs = s.costs ?? null;
      numaNodes = s.numaNodes ?? null;
      renderJobs();
    },
    showError(err) { showError(el, err); },
    clearErrors() { clearErrors(el); },
    read,
  };
}

function input(f, path) {
  const label = document.createElement('label');
  label.className = `field field-${f.type}`;
  const name = document.createElement('span');
  name.textContent = f.label;
  let control;
  if (f.type === 'select') {
    control = document.createElement('select');
    control.innerHTML = f.options.map(o => `<option>${o}</option>`).join('');
  } else {
    control = document.createElement('input');
    control.type = f.type === 'list' ? 'text' : f.type;
    for (const a of ['min', 'max', 'step', 'placeholder']) if (f[a] !== undefined) control.setAttribute(a, f[a]);
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
  else c.value = value ?? '';
}

function valueOf(form, f, path) {
  const c = controlOf(form, path);
  return fromInput(f, c.value, c.checked);
}

function readJobs(form, n) {
  return Array.from({ length: n }, (_, i) => {
    const job = {};
    for (const f of JOB_FIELDS) job[f.path] = valueOf(form, f, `jobs[${i}].${f.path}`);
    return job;
  });
}

function clearErrors(el) {
  el.querySelectorAll('.field-error').forEach(e => e.remove());
  el.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  el.querySelector('[data-role="editor-error"]').textContent = '';
}

/** Puts the server's message beside the field it names, or above the Load button if none matches. */
function showError(el, err) {
  clearErrors(el);
  const field = err.field ? err.field.replace(/^scenario\./, '') : null;
  const c = field ? el.querySelector(`[data-field="${CSS.escape(field)}"]`) : null;
  if (!c) { el.querySelector('[data-role="editor-error"]').textContent = err.message; return; }
  c.setAttribute('aria-invalid', 'true');
  const msg = document.createElement('span');
  msg.className = 'field-error';
  msg.dataset.errorFor = field;
  msg.setAttribute('role', 'alert');
  msg.textContent = err.message;
  c.closest('label').after(msg);
  c.scrollIntoView?.({ block: 'nearest' });
}
