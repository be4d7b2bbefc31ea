// Figure 1's dom0 row for xen-blkfront: dom0's vCPUs (data-backend-cpu) and on each the blkback
// threads of its rings (data-blkback), drawn once from the layout, then labelled live from the state
// the stream builds (blkback.js): which thread sleeps, is being woken or runs, and what each vCPU did last.
import { box, text, setText } from './outline-parts.js';
import { fitText, textWidth, metrics } from '../layout-parts.js';

const STATUS = { sleeping: 'sleeps', waking: 'woken', running: 'runs' };
const HEADER = ['dom0 · xen-blkback: one thread per ring, on the vCPU of its event channel', 'dom0 · xen-blkback', 'dom0'];

export function dom0Frame(svg, geo) {
  const d = geo.dom0;
  if (!d) return;
  const f = geo.font;
  const g = svg.append('g').attr('class', 'dom0');
  text(g, d.x, d.y + f, fitText(d.labelW, f, ...HEADER), 'box-label dom0-header');
  for (const c of d.cpus) {
    const cg = g.append('g').attr('class', 'dom0-cpu').attr('data-backend-cpu', c.cpu);
    box(cg, c, 'cpu-box', f, `CPU ${c.cpu}`, `${c.cpu}`);
    text(cg, c.x + c.w - 4, c.y + f, '', 'dom0-fn', 'end');
    for (const t of c.threads) {
      const tg = cg.append('g').attr('class', 'blkback').attr('data-blkback', t.ring).attr('data-status', 'sleeping');
      tg.append('rect').attr('class', 'blkback-chip').attr('x', t.x).attr('y', t.y).attr('width', t.w).attr('height', t.h).attr('rx', 3);
      text(tg, t.x + 4, t.y + f + 1, fitText(t.w - 8, f, `blkback ${t.ring}`, `${t.ring}`), 'blkback-text');
      // The second of the chip's lines (layout-dom0.js), whose height follows the layout's spacing.
      text(tg, t.x + 4, t.y + metrics(f, geo.tight).line + f + 1, '', 'blkback-state');
    }
  }
}

/**
 * Each thread's status and last step, each vCPU's last blkback function, and (host pCPUs shared) the
 * vCPUs waiting for a pCPU, as the stream left them: a dom0 vCPU waiting says so in its box, the guest's
 * are named in the row's header.
 */
export function dom0State(svg, geo, state) {
  const b = state.blkback;
  if (!geo.dom0 || !b) return;
  const f = geo.font;
  const waiting = b.pcpuWaiting;
  const guest = waiting.filter(v => !geo.dom0.cpus.some(c => c.cpu === v));
  svg.select('g.dom0').attr('data-pcpu-waiting', waiting.join(' '));
  setText(svg.select('.dom0-header'), guest.length
    ? fitText(geo.dom0.labelW, f, `dom0 · guest vCPUs waiting for a pCPU: ${guest.join(', ')}`, `waiting for a pCPU: ${guest.join(',')}`, HEADER[2])
    : fitText(geo.dom0.labelW, f, ...HEADER));
  for (const t of b.threads) {
    const tg = svg.select(`g.blkback[data-blkback="${t.ring}"]`);
    const chip = geo.dom0.cpus.flatMap(c => c.threads).find(x => x.ring === t.ring);
    if (tg.empty() || !chip) continue;
    tg.attr('data-status', t.status).attr('data-cpu', t.cpu).attr('data-fn', t.status === 'running' ? t.fn : '');
    const doing = STATUS[t.status];
    setText(tg.select('.blkback-state'), fitText(chip.w - 8, f, t.status === 'running' && t.fn ? `${doing} · ${t.fn}` : doing, doing));
  }
  for (const c of b.cpus) {
    const cg = svg.select(`g.dom0-cpu[data-backend-cpu="${c.cpu}"]`);
    const at = geo.dom0.cpus.find(x => x.cpu === c.cpu);
    if (cg.empty() || !at) continue;
    const waits = waiting.includes(c.cpu);
    cg.attr('data-ring', c.ring).attr('data-fn', c.fn ?? '').attr('data-pcpu', waits ? 'waiting' : null);
    const label = fitText(at.w - 8, f, `CPU ${c.cpu}`, `${c.cpu}`);
    const doing = waits ? 'waits for a pCPU' : c.fn;
    setText(cg.select('.dom0-fn'), doing ? fitText(at.w - 12 - textWidth(label, f), f, doing, waits ? 'no pCPU' : '') : '');
  }
}
