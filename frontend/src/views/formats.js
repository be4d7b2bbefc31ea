// Formats in and out: the loaded run as blkparse text or a binary blktrace file; a fio job file into
// the editor's jobs; a sysfs cpu_list dump into the CPU map; a blkparse trace loaded into the session.
// Each import reads a file or pasted text, and shows the server's error beside its button.
export function formatsView(el, { scenario, editor, send }) {
  el.innerHTML = `
    <div class="fmt-row"><span>download the run</span>
      <button type="button" data-download="blkparse">blkparse text</button>
      <button type="button" data-download="blktrace">blktrace binary</button></div>
    ${importer('fio', 'fio job file → jobs', '[global]\nioengine=libaio\n[job]\nrw=randread\niodepth=8')}
    ${importer('sysfs', 'sysfs cpu_list dump → CPU map', '/sys/block/nvme0n1/mq/0/cpu_list: 0-3')}
    ${importer('trace', 'blkparse trace → session', '  8,0    0        1     0.000000000  1000  Q   R 2048 + 8 [fio]')}
    <p class="form-error" data-role="formats-error" role="alert"></p>
    <p class="fmt-note" data-role="formats-note"></p>`;
  const $ = sel => el.querySelector(sel);
  const error = msg => { $('[data-role="formats-error"]').textContent = msg; };
  const note = msg => { $('[data-role="formats-note"]').textContent = msg; };

  el.addEventListener('click', ev => {
    const fmt = ev.target.closest('[data-download]')?.dataset.download;
    if (fmt) download(fmt).catch(e => error(e.message));
    const imp = ev.target.closest('[data-import]')?.dataset.import;
    if (imp) IMPORTS[imp](textOf(imp)).catch(e => error(e.message));
  });
  el.addEventListener('change', async ev => {
    const kind = ev.target.dataset.file;
    if (kind && ev.target.files[0]) $(`[data-text="${kind}"]`).value = await ev.target.files[0].text();
  });
  const textOf = kind => $(`[data-text="${kind}"]`).value;

  async function download(format) {
    error('');
    const res = await post(`/api/runs?format=${format}&download=1`, JSON.stringify(scenario()), 'application/json');
    const blob = await res.blob();
    const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') || '')?.[1] ?? `blkflow.${format}`;
    window.blkflow.lastDownload = { format, name, size: blob.size, type: blob.type };
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    note(`${name}: ${blob.size} bytes`);
  }

  const IMPORTS = {
    async fio(text) {
      // Read for the editor's kernel: io_uring and hipri are 7.0's.
      const s = editor.read();
      const r = await (await post(`/api/fio${s.kernel ? `?kernel=${encodeURIComponent(s.kernel)}` : ''}`, text)).json();
      editor.setScenario({ ...s, jobs: r.jobs, cpus: Math.max(Number(s.cpus) || 1, r.cpus) });
      note(`${r.jobs.length} job(s) read into the editor; press Load scenario.`
        + (r.ignored.length ? ` Ignored: ${r.ignored.map(i => `${i.job}: ${i.option} (${i.reason})`).join('; ')}` : ''));
      el.dataset.ignored = r.ignored.length;
    },
    async sysfs(text) {
      const r = await (await post('/api/mapping/sysfs', text)).json();
      const s = editor.read();
      editor.setScenario({ ...s, mapping: r.cpuToHctx, cpus: r.cpuToHctx.length, hwQueues: r.hwQueues ?? Math.max(...r.cpuToHctx) + 1 });
      note(`CPU map ${r.cpuToHctx.join(',')} set in the editor; press Load scenario.`);
    },
    async trace(text) {
      const r = await (await post('/api/traces', text)).json();
      note(`trace ${r.id} imported; loading it into the session…`);
      send({ cmd: 'load', trace: r.id, timeline: true });
    },
  };

  async function post(url, body, type = 'text/plain') {
    error('');
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': type }, body });
    if (!res.ok) {
      const err = await res.json().catch(() => ({}));
      throw new Error(err.message || `${url}: HTTP ${res.status}`);
    }
    return res;
  }
}

function importer(kind, label, placeholder) {
  return `<details class="fmt-import" data-kind="${kind}"><summary>${label}</summary>
    <input type="file" data-file="${kind}" aria-label="${label} file">
    <textarea data-text="${kind}" rows="4" placeholder="${placeholder}" aria-label="${label}: paste the text here"></textarea>
    <button type="button" data-import="${kind}">read</button></details>`;
}
