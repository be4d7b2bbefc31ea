// Figure 2: the details of whatever was clicked, a request, a bio, a software or a hardware queue.
import { formatNs, formatBytes, esc } from '../format.js';
import { itemsAt, key, deviceOf } from '../state.js';
import { deviceCount, diskName, ctxOnDevice, hctxOnDevice, hctxNumber } from '../devices.js';
import { tagsInUse } from '../layout-devices.js';

export function inspectorView(el) {
  let selected = null;
  let shown = null;

  function update(state) {
    if (!state) return;
    const html = selected ? RENDER[selected.type]?.(state, selected.id) ?? ''
      : '<p class="hint">Click a request, bio or queue in the outline to inspect it.</p>';
    if (selected) el.dataset.selected = `${selected.type}:${selected.id}`;
    // Rewriting identical HTML every frame would make the browser lay the page out again for nothing.
    if (html !== shown) { el.innerHTML = html; shown = html; }
  }

  return { update, select(sel) { selected = sel; } };
}

const row = (k, v) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`;
const table = rows => `<table class="kv">${rows.join('')}</table>`;
const gone = what => `<h3>${esc(what)}</h3><p class="hint">No longer in the block layer.</p>`;

function request(state, id) {
  const rq = state.items.get(key('req', id));
  if (!rq) return gone(`request ${id}`);
  const times = ['Q', 'G', 'I', 'D', 'C'].map(l => `<span class="ts"><b>${l}</b> ${formatNs(rq.times[l])}</span>`).join(' ');
  return `<h3>request ${id}</h3>` + table([
    ...deviceRow(state.topology, deviceOf(state, rq)),
    row('place', `<code>${esc(rq.place)}</code>`),
    row('sectors', `${rq.sector} + ${rq.sectors} <span class="muted">(${formatBytes(rq.sectors * 512)})</span>`),
    row('rwbs', esc(rq.rwbs)),
    row('tag', rq.tag >= 0 ? `${rq.tag} on hctx ${rq.hctx}` : '—'),
    row('submitted on', `CPU ${rq.cpu}${rq.comm ? ` (${esc(rq.comm)})` : ''}`),
    row('bios', rq.bios.length ? rq.bios.map(b => `<code>${b}</code>`).join(' ') : '—'),
    row('timestamps', times),
  ]);
}

function bio(state, id) {
  const b = state.items.get(key('bio', id));
  if (!b) return gone(`bio ${id}`);
  return `<h3>bio ${id}</h3>` + table([
    row('place', `<code>${esc(b.place)}</code>`),
    row('sectors', `${b.sector} + ${b.sectors}`),
    row('rwbs', esc(b.rwbs)),
    row('request', b.req >= 0 ? `<code>${b.req}</code>` : 'none yet'),
    row('queued at', formatNs(b.times.Q)),
  ]);
}

/** Several 7.0 devices: which device a queue or request is on (devices.js numbers them); none for one. */
const deviceRow = (topo, d) => (deviceCount(topo) > 1 ? [row('device', diskName(d))] : []);

function ctx(state, id) {
  const list = itemsAt(state, `ctx:${id}`).filter(i => i.type === 'req');
  const topo = state.topology;
  const { d, n: cpu } = ctxOnDevice(topo, id);
  return `<h3>software queue ctx ${id}</h3>` + table([
    ...deviceRow(topo, d),
    row('CPU', cpu),
    row('maps to', `hctx ${hctxNumber(topo, d, topo.cpuToHctx[cpu])}`),
    row('rq_list', list.length ? list.map(r => `<code>${r.id}</code>`).join(' → ') : 'empty'),
  ]);
}

function hctx(state, id) {
  const h = state.hctxs[id];
  if (!h) return gone(`hctx ${id}`);
  const { d, n } = hctxOnDevice(state.topology, id);
  const cpus = state.topology.cpuToHctx.map((x, cpu) => (x === n ? cpu : -1)).filter(c => c >= 0);
  const dispatch = itemsAt(state, `hctx:${id}`).filter(i => i.type === 'req');
  const inFlight = itemsAt(state, `device:${id}`).length + itemsAt(state, `driver:${id}`).length;
  return `<h3>hardware queue hctx ${id}</h3>` + table([
    ...deviceRow(state.topology, d),
    row('state', h.stopped ? '<span class="badge bad">STOPPED</span>' : (cpus.length ? 'running' : 'idle (no CPU maps here)')),
    row('cpumask', cpus.length ? cpus.join(', ') : 'empty'),
    row('tags', tagsInUse(h.tagsUsed, h.depth, state.scenario?.reservedTags ?? 0)),
    row('dispatch list', dispatch.length ? dispatch.map(r => `<code>${r.id}</code>`).join(' → ') : 'empty'),
    row('in flight', inFlight),
    row('runs', h.runs ?? 0),
  ]);
}

const RENDER = { req: request, bio, ctx, hctx };
