// An invariant violation, shown the way a kernel shows a BUG(): header, reason, where, call trace.
import { formatNs } from '../format.js';
import { highlight } from '../functions.js';

export function oopsView(el) {
  return {
    update(oops) {
      el.hidden = !oops;
      if (!oops) { el.textContent = ''; return; }
      const t = oops.transition;
      const lines = [
        `------------[ cut here ]------------`,
        `blkflow: kernel BUG in the block layer model at step ${oops.step}!`,
        `invariant violated: ${oops.invariant}`,
        `${oops.message}`,
        `time: [${(oops.t / 1e9).toFixed(9)}] (${formatNs(oops.t)} simulated)`,
        t ? `CPU: ${t.cpu} PID: ${t.pid} Comm: ${t.comm ?? '-'}  kind: ${t.kind}${t.action ? ` (${t.action})` : ''}` : 'no transition',
        t ? `request ${t.req}  bio ${t.bio}  ctx ${t.ctx}  hctx ${t.hctx}  tag ${t.tag}  sector ${t.sector} + ${t.sectors}` : '',
        `Call Trace:`,
        ...(t ? callTrace(t.fn) : []),
        `---[ model state ]---`,
        ...String(oops.state ?? '').split('\n'),
        `---[ end trace ]---  (load, reset or seek to go on)`,
      ];
      el.textContent = lines.filter(l => l !== '').join('\n');
    },
  };
}

function callTrace(fn) {
  const main = highlight(fn);
  const frames = [` [<blkflow>] ${fn}`];
  if (main && main !== fn) frames.push(` [<blkflow>] ${main}`);
  return frames;
}
