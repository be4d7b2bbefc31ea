// Two runs side by side: what each pane must be told so both show the same step, and the live
// differences between them. Pure, so node --test checks it.

/**
 * The command for one pane to reach the step `target`: a step forward when it is near and the pane
 * can go on, else a seek; null when it is there already (or finished before it).
 * @param pane { step, finished }
 */
export function commandTo(pane, target, maxStep) {
  if (target === pane.step) return null;
  if (target > pane.step && pane.finished) return null;
  if (target > pane.step && target - pane.step <= maxStep) return { cmd: 'step', n: target - pane.step };
  return { cmd: 'seek', step: target };
}

/**
 * Where a control takes both panes, lockstep by step: the step after the one ahead, the step before
 * it, or the step asked for. A pane whose run ended earlier stays at its end.
 */
export function lockstepTarget(action, panes, k = 0) {
  const ahead = Math.max(...panes.map(p => p.step));
  if (action === 'step') return ahead + 1;
  if (action === 'back') return Math.max(0, ahead - 1);
  if (action === 'align') return ahead;
  if (action === 'reset') return 0;
  return Math.max(0, k);
}

/**
 * Lockstep by virtual time, one press: step moves the pane (or panes) whose clock is behind, back the
 * one ahead, so the two clocks never pass each other by more than one transition. null: leave it.
 * @param panes [{ step, t, finished }]
 */
export function timeCommands(action, panes) {
  if (action === 'step') {
    const live = panes.filter(p => !p.finished);
    const tMin = Math.min(...live.map(p => p.t));
    return panes.map(p => (!p.finished && p.t === tMin ? { cmd: 'step', n: 1 } : null));
  }
  const moved = panes.filter(p => p.step > 0);
  const tMax = Math.max(...moved.map(p => p.t));
  return panes.map(p => (p.step > 0 && p.t === tMax ? { cmd: 'seek', step: p.step - 1 } : null));
}

/** Where the server says pane B must be to show pane A's moment t (GET /api/lockstep). */
export function lockstepUrl(link, t) {
  return `/api/lockstep?t=${t}&${queryOf(link)}`;
}

const sumContentions = s => (s.locks ?? []).reduce((n, l) => n + l.contentions, 0);
const ROWS = [
  ['completed I/Os', s => s.completed, 'count'],
  ['bios queued (Q)', s => s.bios, 'count'],
  ['requests issued (D)', s => s.requests, 'count'],
  ['merges (M + F)', s => (s.merges ? s.merges.back + s.merges.front : null), 'count'],
  ['plugs (P)', s => s.plugs, 'count'],
  ['requeues (R)', s => s.requeues, 'count'],
  ['IOPS', s => s.iops, 'rate'],
  ['Q2C p50', s => s.latencyNs?.q2c?.p50, 'ns'],
  ['Q2C p99', s => s.latencyNs?.q2c?.p99, 'ns'],
  ['D2C p50', s => s.latencyNs?.d2c?.p50, 'ns'],
  ['D2C p99', s => s.latencyNs?.d2c?.p99, 'ns'],
  ['lock contentions', sumContentions, 'count'],
  ['tag waits (S)', s => s.tagWaits, 'count'],
  ['simulated time', s => s.simTimeNs, 'ns'],
];

/** The delta panel's rows: each figure for A and B and B − A; null where a side has no statistics yet. */
export function deltaRows(a, b) {
  return ROWS.map(([name, get, unit]) => {
    const va = a ? get(a) ?? null : null;
    const vb = b ? get(b) ?? null : null;
    return { name, unit, a: va, b: vb, delta: va == null || vb == null ? null : vb - va };
  });
}

// The ids that are not presets: two scenarios of one's own (a= and b=), and a trace beside its model.
export const CUSTOM = 'custom';
export const TRACE = 'trace';
// A link's limit, the server's (ScenarioLink.MAX_LENGTH): a comparison's link carries both sides under it.
export const LINK_MAX = 4096;

/** A share link's scenario query, without its path and step: what a= and b= carry. */
export function queryOf(link) {
  return (link.split('?')[1] ?? '').split('&').filter(p => p && !p.startsWith('step=')).join('&');
}

/**
 * The comparison's own link: a preset by its id, two sides of one's own as a= and b= (each a link's
 * query, %-encoded), then the lockstep if by step and A's step. null for a trace, which no link carries.
 * @param cmp { id, a: { link }, b: { link } }, or a preset's id
 */
export function compareLink(cmp, step, byStep = false) {
  const id = typeof cmp === 'string' ? cmp : cmp.id;
  if (id === TRACE) return null;
  const tail = `${byStep ? '&lock=step' : ''}${step > 0 ? `&step=${step}` : ''}`;
  if (id !== CUSTOM) return `/?compare=${encodeURIComponent(id)}${tail}`;
  return `/?compare=${CUSTOM}&a=${encodeURIComponent(queryOf(cmp.a.link))}&b=${encodeURIComponent(queryOf(cmp.b.link))}${tail}`;
}

/**
 * One side edited: the comparison becomes a custom one with that side's new link, the other kept; beside
 * a trace it stays a trace comparison (the trace still has no link).
 */
export function withSide(cmp, name, link, label) {
  const side = { label, link };
  return { ...cmp, id: cmp.id === TRACE ? TRACE : CUSTOM, a: name === 'A' ? side : cmp.a, b: name === 'B' ? side : cmp.b };
}
