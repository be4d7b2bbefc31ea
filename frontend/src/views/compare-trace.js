// A model beside reality (/?compare=trace): A replays an uploaded blkparse trace, B runs the model of
// the same workload, described by a fio job file and, optionally, the machine's sysfs cpu_list dump.
// Each file goes through the server's own reader (POST /api/traces, /api/fio, /api/mapping/sysfs) and
// B's scenario through its validator (POST /api/scenario/link); a problem is shown naming its file.
const MODEL_MAX_CPUS = 64; // ScenarioValidator.MAX_CPUS: a trace may come from a bigger machine

export function traceSetupView(el, { onReady }) {
  el.innerHTML = `<h2>A model beside reality</h2>
    <p>A replays a real blkparse trace; B runs the model of the same workload, from a fio job file and,
      if you have it, the machine's <code>grep . /sys/block/DEV/mq/*/cpu_list</code>. Their latency histograms
      and counts then sit side by side.</p>
    ${input('trace', 'A: blkparse trace (text)')}
    ${input('fio', 'B: fio job file')}
    ${input('sysfs', 'the machine\'s sysfs cpu_list dump (optional)')}
    <p><button type="button" class="primary" data-action="compare-trace">compare</button></p>
    <p class="form-error" data-role="setup-error" role="alert"></p>`;
  const text = kind => el.querySelector(`[data-text="${kind}"]`).value;
  const error = el.querySelector('[data-role="setup-error"]');

  el.addEventListener('change', async ev => {
    const kind = ev.target.dataset.file;
    if (kind && ev.target.files[0]) el.querySelector(`[data-text="${kind}"]`).value = await ev.target.files[0].text();
  });
  el.querySelector('[data-action="compare-trace"]').addEventListener('click', () => {
    error.textContent = '';
    build().then(onReady, e => { error.textContent = e.message; });
  });

  async function build() {
    const trace = await post('trace', '/api/traces', text('trace'));
    const fio = await post('fio', '/api/fio', text('fio'));
    const map = text('sysfs').trim() ? await post('sysfs', '/api/mapping/sysfs', text('sysfs')) : null;
    const { scenario, cut } = modelOf(fio, map);
    const { link } = await post('model', '/api/scenario/link', JSON.stringify(scenario), 'application/json');
    const load = { cmd: 'load', trace: trace.id, ...(map ? { mapping: map.cpuToHctx } : {}) };
    return {
      id: 'trace',
      title: 'A trace beside its model',
      note: `A is the trace as the machine recorded it (${trace.stats.parsed} events); B is blkflow's model of the workload the fio job describes`
        + `${map ? `, on the machine's CPU map${cut}` : ''}. Where their histograms and counts differ, the model departs from the machine.`,
      changed: 'trace vs model',
      a: { label: `trace ${trace.id.slice(0, 8)}…`, link: null, load },
      b: { label: scenario.name, link },
    };
  }

  async function post(what, url, body, type = 'text/plain') {
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': type }, body });
    const json = await res.json().catch(() => ({ message: `HTTP ${res.status}` }));
    if (!res.ok) throw new Error(`${what}: ${json.message}`);
    return json;
  }
}

/**
 * B's scenario: the fio jobs on as many CPUs as they name; with a CPU map, the map's hardware queues
 * and its first CPUs (a map of more CPUs than the model runs is cut, and the note says so).
 */
export function modelOf(fio, map) {
  const scenario = { name: 'Model of the traced workload', jobs: fio.jobs, cpus: Math.max(1, fio.cpus) };
  if (!map) return { scenario, cut: '' };
  const cpus = map.cpuToHctx.length <= MODEL_MAX_CPUS ? map.cpuToHctx.length : scenario.cpus;
  const mapping = map.cpuToHctx.slice(0, cpus);
  const cut = cpus < map.cpuToHctx.length ? ` (its first ${cpus} of ${map.cpuToHctx.length} CPUs: the model runs at most ${MODEL_MAX_CPUS})` : '';
  return { scenario: { ...scenario, cpus, mapping, hwQueues: map.hwQueues ?? Math.max(...mapping) + 1 }, cut };
}

function input(kind, label) {
  return `<label class="trace-input">${label}<input type="file" data-file="${kind}" aria-label="${label} file">
    <textarea data-text="${kind}" rows="3" aria-label="${label}: paste the text here"></textarea></label>`;
}
