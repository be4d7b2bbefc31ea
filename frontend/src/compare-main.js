// /?compare=<id>: two runs of a comparison preset (GET /api/comparisons), A above B, driven together.
// Lockstep by virtual time (the default): step moves the pane whose clock is behind, back the one
// ahead, and a seek or the end of play puts B at the last transition at or before A's time (the
// server finds it, GET /api/lockstep). By step (&lock=step): every control takes both panes to the
// same step. While playing both run at the same speed and are brought together when play stops. A
// pane whose run ends first stays at its end. The delta panel shows the live differences.
import { comparePane } from './views/compare-pane.js';
import { commandTo, lockstepTarget, deltaRows, compareLink, timeCommands, lockstepUrl } from './compare.js';
import { formatNs, esc } from './format.js';

const defaults = JSON.parse(document.querySelector('#page-defaults').textContent);
const MAX_STEP_N = defaults.session.maxStep;
const params = new URLSearchParams(location.search);
const id = params.get('compare');
const startStep = Math.max(0, Number.parseInt(params.get('step') ?? '0', 10) || 0);
let byStep = params.get('lock') === 'step';

paneStyles();
document.body.classList.add('comparing');
document.body.innerHTML = `
  <header class="top"><div class="brand"><h1><a href="/">blkflow</a></h1>
    <span class="tagline">two runs side by side</span></div>
    <a data-role="share-link" class="notes-link" href="#">link to this comparison</a></header>
  <nav class="controls" id="compare-controls" aria-label="playback of both runs"><div class="transport">
    <button data-action="reset">reset</button><button data-action="back">◀ back</button>
    <button data-action="play">▶ play</button><button data-action="step">step ▶</button></div>
    <label>go to step <input data-role="goto" type="number" min="0" value="0"></label>
    <label>lockstep <select data-role="lockstep"><option value="time">by virtual time</option><option value="step">by step</option></select></label></nav>
  <p id="error" class="error-line" role="alert"></p>
  <p class="story" data-role="compare-note"></p>
  <div class="compare-layout"><div class="panes"><section class="panel pane"></section><section class="panel pane"></section></div>
    <section class="panel delta-panel" aria-label="differences"><h2>B − A, live</h2><table data-role="delta"></table></section></div>`;

const $ = sel => document.querySelector(sel);
let panes = [];
// By time: B follows A to this step of A once A is there (a seek, the end of play).
let follow = null;
let playing = false;
let dirty = false;

async function start() {
  let list = [];
  try { list = await (await fetch('/api/comparisons')).json(); } catch { /* shown below */ }
  const cmp = list.find(c => c.id === id);
  if (!cmp) {
    $('#error').innerHTML = `There is no comparison "${esc(id)}". Try: ${list.map(c => `<a href="${compareLink(c.id, 0)}">${esc(c.id)}</a>`).join(', ')}.`;
    return;
  }
  document.title = `${cmp.title} · blkflow`;
  $('[data-role="compare-note"]').textContent = `${cmp.title}. ${cmp.note} (A and B differ in ${cmp.changed}.)`;
  const loaded = new Set();
  const [ea, eb] = document.querySelectorAll('section.pane');
  panes = [['A', cmp.a, ea], ['B', cmp.b, eb]].map(([name, side, el]) => comparePane(el, {
    name, side, defaults, onChange: markDirty,
    onLoaded: n => { loaded.add(n); if (loaded.size === 2 && startStep) to('seek', startStep); },
    link: side.link,
  }));
}

/** Takes both panes where the action says, by step or by virtual time. */
function to(action, k) {
  const at = panes.map(p => p.position());
  if (!byStep && (action === 'step' || action === 'back')) {
    timeCommands(action, at).forEach((cmd, i) => { if (cmd) panes[i].send(cmd); });
    return;
  }
  if (!byStep && action !== 'reset') {
    // A goes where it is told (or stays, when aligning); B follows A's clock once A is there.
    // Aligning follows A wherever its last messages leave it (-1); a seek waits for A at its target.
    const target = action === 'align' ? -1 : lockstepTarget(action, at, k);
    const cmd = target >= 0 ? commandTo(at[0], target, MAX_STEP_N) : null;
    if (cmd) panes[0].send(cmd);
    follow = target;
    markDirty();
    return;
  }
  const target = lockstepTarget(action, at, k);
  for (const p of panes) {
    const cmd = commandTo(p.position(), target, MAX_STEP_N);
    if (cmd) p.send(cmd);
  }
}

/** B to the last transition at or before A's virtual time, once A has reached its step. */
async function followA() {
  const a = panes[0].position();
  if (follow === null || (follow >= 0 && a.step !== follow)) return;
  follow = null;
  try {
    const res = await fetch(lockstepUrl(panes[1].link, a.t));
    if (!res.ok) { $('#error').textContent = (await res.json()).message; return; }
    const { step } = await res.json();
    const cmd = commandTo(panes[1].position(), step, MAX_STEP_N);
    if (cmd) panes[1].send(cmd);
  } catch {
    $('#error').textContent = 'pane B could not be brought to pane A\'s time';
  }
}

function togglePlay() {
  playing = !playing;
  for (const p of panes) p.send(playing ? { cmd: 'play', speed: 10 } : { cmd: 'pause' });
  $('[data-action="play"]').textContent = playing ? '❚❚ pause' : '▶ play';
  // The panes drift apart by a few steps while playing; the one behind catches up once both have paused.
  if (!playing) setTimeout(() => to('align'), 300);
}

$('#compare-controls').addEventListener('click', ev => {
  const a = ev.target.closest('[data-action]')?.dataset.action;
  if (!a || !panes.length) return;
  if (a === 'play') { togglePlay(); return; }
  if (playing) togglePlay();
  to(a);
});
$('[data-role="lockstep"]').value = byStep ? 'step' : 'time';
$('[data-role="lockstep"]').addEventListener('change', ev => { byStep = ev.target.value === 'step'; if (!playing) to('align'); markDirty(); });
$('[data-role="goto"]').addEventListener('change', ev => { if (playing) togglePlay(); to('seek', Number(ev.target.value) || 0); });

function markDirty() {
  if (dirty) return;
  dirty = true;
  requestAnimationFrame(render);
}

function render() {
  dirty = false;
  for (const p of panes) p.update();
  if (follow !== null && panes.length) followA();
  const step = panes.length ? panes[0].position().step : 0;
  const link = compareLink(id, step, byStep);
  $('[data-role="share-link"]').href = link;
  if (location.pathname + location.search !== link) history.replaceState(null, '', link);
  if (document.activeElement !== $('[data-role="goto"]')) $('[data-role="goto"]').value = step;
  drawDelta();
}

function drawDelta() {
  const [a, b] = panes.map(p => p.session.stats);
  const show = (v, unit) => (v == null ? '—' : unit === 'ns' ? formatNs(v) : Math.round(v).toLocaleString('en'));
  const signed = (v, unit) => (v == null ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${show(Math.abs(v), unit)}`);
  $('[data-role="delta"]').innerHTML = '<tr><th></th><th>A</th><th>B</th><th>B − A</th></tr>'
    + deltaRows(a, b).map(r => `<tr data-row="${esc(r.name)}"><th>${esc(r.name)}</th><td>${show(r.a, r.unit)}</td>`
      + `<td>${show(r.b, r.unit)}</td><td data-delta>${signed(r.delta, r.unit)}</td></tr>`).join('');
}

/**
 * Figure 1's rules in blkflow.css are written for the one-run page's #outline; each pane's figure gets
 * the same rules under .pane-outline, copied here rather than repeated in the stylesheet.
 */
function paneStyles() {
  const copies = [];
  for (const sheet of document.styleSheets) {
    let rules;
    try { rules = sheet.cssRules; } catch { continue; }
    for (const r of rules) if (r.selectorText?.includes('#outline')) copies.push(r.cssText.replaceAll('#outline', '.pane-outline'));
  }
  const style = document.createElement('style');
  style.textContent = copies.join('\n') + `
    body.comparing .brand a { color: inherit; text-decoration: none; }
    body.comparing > .story, body.comparing > .error-line { padding: 0 .6rem; }
    .compare-layout { display: grid; grid-template-columns: minmax(0, 1fr) 20rem; gap: .5rem; padding: .4rem .6rem; align-items: start; }
    .panes { display: grid; gap: .5rem; }
    .pane-outline { width: 100%; height: auto; display: block; }
    .delta-panel table { border-collapse: collapse; width: 100%; font-size: .85rem; }
    .delta-panel th, .delta-panel td { text-align: right; padding: .15rem .3rem; }
    .delta-panel th:first-child { text-align: left; font-weight: 500; color: var(--muted); }
    @media (max-width: 700px) { .compare-layout { grid-template-columns: minmax(0, 1fr); } }`;
  document.head.append(style);
}

start();
window.blkflow = { panes: () => panes };
