// /?compare=<id>: two runs side by side (A above B on a narrow screen), driven together. <id> is a comparison preset
// (GET /api/comparisons), `custom` with a= and b= (two scenarios of one's own, each a link's query), or
// `trace` (an uploaded blkparse trace beside the model of its workload).
// Lockstep by virtual time (the default): step moves the pane whose clock is behind, back the one
// ahead, and a seek, a scrub or the end of play puts the other pane at the last transition at or before
// the leading pane's time (the server finds it, GET /api/lockstep). By step (&lock=step): every control
// takes both panes to the same step. While playing both run at the same speed and are brought together
// when play stops. A pane whose run ends first stays at its end. The delta panel and the charts show both.
import { frameScheduler } from './frame.js';
import { comparePane } from './views/compare-pane.js';
import { compareChartsView } from './views/compare-charts.js';
import { compareScrubView } from './views/compare-scrub.js';
import { compareEditView } from './views/compare-edit.js';
import { traceSetupView } from './views/compare-trace.js';
import { compareStyles } from './views/compare-styles.js';
import { showShareLink, copyButton } from './views/compare-share.js';
import { drawDelta } from './views/compare-delta.js';
import { commandTo, lockstepTarget, compareLink, timeCommands, lockstepUrl, withSide, CUSTOM, TRACE } from './compare.js';
import { esc } from './format.js';
import { fetchRetryingBusy } from './busy-retry.js';

// Every change marks the page dirty; render runs once in the next frame (render is hoisted).
const markDirty = frameScheduler(render);

const defaults = JSON.parse(document.querySelector('#page-defaults').textContent);
const MAX_STEP_N = defaults.session.maxStep;
// The latest virtual time /api/lockstep takes (ComparisonController.MAX_T): a trace's clock may be later.
const MAX_T = 1e12;
const params = new URLSearchParams(location.search);
const id = params.get('compare');
const startStep = Math.max(0, Number.parseInt(params.get('step') ?? '0', 10) || 0);
let byStep = params.get('lock') === 'step';

compareStyles();
document.body.classList.add('comparing');
document.body.innerHTML = `
  <header class="top"><div class="brand"><h1><a href="/">blkflow</a></h1>
    <span class="tagline">two runs side by side</span></div>
    <span><a data-role="share-link" class="notes-link" href="#">link to this comparison</a>
      <button type="button" data-action="copy-link" title="copy the link to this comparison at this step">copy</button></span></header>
  <nav class="controls" id="compare-controls" aria-label="playback of both runs"><div class="transport">
    <button data-action="reset">reset</button><button data-action="back">◀ back</button>
    <button data-action="play">▶ play</button><button data-action="step">step ▶</button></div>
    <div data-role="compare-scrub"></div>
    <label>go to step <input data-role="goto" type="number" min="0" value="0"></label>
    <label>lockstep <select data-role="lockstep"><option value="time">by virtual time</option><option value="step">by step</option></select></label></nav>
  <main class="compare-main" aria-label="two runs side by side">
  <p id="error" class="error-line" role="alert"></p>
  <p class="story" data-role="compare-note"></p>
  <section class="panel trace-setup" data-role="trace-setup" hidden></section>
  <div class="compare-layout"><div class="panes"><section class="panel pane"></section><section class="panel pane"></section></div>
    <section class="panel delta-panel" aria-label="differences"><h2>B − A, live</h2><table data-role="delta"></table></section></div>
  <section class="panel compare-charts-panel" aria-label="charts of both runs" data-role="compare-charts"></section>
  <div data-role="compare-edit"></div>
  </main>`;

const $ = sel => document.querySelector(sel);
let cmp = null;
let panes = [];
// By time: the other pane follows the leader's clock once the leader is at target (-1: wherever it is).
let follow = null;
let playing = false;
let aligning = false;

const scrub = compareScrubView($('[data-role="compare-scrub"]'), {
  seek: (k, leader) => { if (playing) togglePlay(); seekFrom(leader === 'B' ? 1 : 0, k); },
});
copyButton($('[data-action="copy-link"]'), $('[data-role="share-link"]'));
const charts = compareChartsView($('[data-role="compare-charts"]'));
const edit = compareEditView($('[data-role="compare-edit"]'), {
  defaults,
  scenarioOf: name => panes.find(p => p.name === name)?.session.loaded?.scenario ?? null,
  onEdited: (name, link, label) => edited(name, link, label),
});

async function start() {
  if (id === TRACE) {
    const el = $('[data-role="trace-setup"]');
    el.hidden = false;
    traceSetupView(el, { onReady: c => { el.hidden = true; open(c); } });
    return;
  }
  const c = id === CUSTOM ? await custom(location.search.slice(1)) : await preset();
  if (c) open(c);
}

async function preset() {
  let list = [];
  try { list = await (await fetch('/api/comparisons')).json(); } catch { /* shown below */ }
  const c = list.find(x => x.id === id);
  if (!c) {
    $('#error').innerHTML = `There is no comparison "${esc(id)}". Try: ${list.map(x => `<a href="${compareLink(x.id, 0)}">${esc(x.id)}</a>`).join(', ')}, `
      + `or <a href="/?compare=${TRACE}">a trace beside its model</a>.`;
  }
  return c ?? null;
}

/** Two sides of one's own: the server reads and checks both (a bad side is named a.<field> or b.<field>). */
async function custom(query) {
  try {
    const res = await fetch(`/api/comparisons/custom?${query}`);
    const body = await res.json();
    if (res.ok) return body;
    $('#error').textContent = (body.problems?.length ? body.problems.map(p => p.message) : [body.message]).join('; ');
  } catch {
    $('#error').textContent = 'the comparison could not be read';
  }
  return null;
}

function open(c) {
  cmp = c;
  describe();
  let started = false;
  const loaded = new Set();
  const [ea, eb] = document.querySelectorAll('section.pane');
  panes = [['A', c.a, ea], ['B', c.b, eb]].map(([name, side, el]) => comparePane(el, {
    name, side, defaults, onChange: markDirty,
    onLoaded: n => {
      loaded.add(n);
      if (started || loaded.size < 2) return;
      started = true;
      if (startStep) to('seek', startStep);
    },
  }));
}

function describe() {
  document.title = `${cmp.title} · blkflow`;
  $('[data-role="compare-note"]').textContent = `${cmp.title}. ${cmp.note}${cmp.id === CUSTOM || cmp.id === TRACE ? '' : ` (A and B differ in ${cmp.changed}.)`}`;
}

/** One side edited: it reloads at step 0, the other goes back to 0, and the comparison is now one's own. */
async function edited(name, link, label) {
  if (playing) togglePlay();
  follow = null;
  cmp = withSide(cmp, name, link, label);
  for (const p of panes) {
    if (p.name === name) p.load({ label, link }); else p.send({ cmd: 'reset' });
  }
  markDirty();
  if (cmp.id === TRACE) return;
  history.pushState(null, '', compareLink(cmp, 0, byStep));
  const c = await custom(compareLink(cmp, 0).split('?')[1]);
  if (c) { cmp = c; describe(); }
}

/** Takes both panes where the action says, by step or by virtual time. */
function to(action, k) {
  const at = panes.map(p => p.position());
  if (!byStep && (action === 'step' || action === 'back')) {
    timeCommands(action, at).forEach((cmd, i) => { if (cmd) panes[i].send(cmd); });
    return;
  }
  if (!byStep && action !== 'reset') {
    // Aligning follows A wherever its last messages leave it (-1); a seek waits for A at its target.
    seekFrom(0, action === 'align' ? -1 : lockstepTarget(action, at, k));
    return;
  }
  const target = lockstepTarget(action, at, k);
  for (const p of panes) {
    const cmd = commandTo(p.position(), target, MAX_STEP_N);
    if (cmd) p.send(cmd);
  }
}

/** Pane i goes to step k (k < 0: stays); by time the other follows its clock, by step goes to k too. */
function seekFrom(i, k) {
  if (!panes.length) return;
  if (byStep) { to('seek', k); return; }
  const cmd = k >= 0 ? commandTo(panes[i].position(), k, MAX_STEP_N) : null;
  if (cmd) panes[i].send(cmd);
  follow = { leader: i, target: k };
  markDirty();
}

/** The other pane to the last transition of its run at or before the leader's virtual time, once the leader is there. */
async function followLeader() {
  const { leader, target } = follow;
  const lead = panes[leader].position();
  if (target >= 0 && lead.step !== target && !(lead.finished && lead.step < target)) return;
  follow = null;
  const other = panes[1 - leader];
  // A replayed trace has no link for the server to run: it stays where it is.
  if (!other.link) return;
  try {
    const res = await fetchRetryingBusy(lockstepUrl(other.link, Math.min(lead.t, MAX_T)));
    if (!res.ok) { $('#error').textContent = (await res.json()).message; return; }
    const { step } = await res.json();
    const cmd = commandTo(other.position(), step, MAX_STEP_N);
    if (cmd) other.send(cmd);
  } catch {
    $('#error').textContent = `pane ${other.name} could not be brought to pane ${panes[leader].name}'s time`;
  }
}

function togglePlay() {
  playing = !playing;
  for (const p of panes) p.send(playing ? { cmd: 'play', speed: 10 } : { cmd: 'pause' });
  $('[data-action="play"]').textContent = playing ? '❚❚ pause' : '▶ play';
  // The panes drift apart by a few steps while playing; the one behind catches up once the server has
  // confirmed both pauses, so no message of play can land after the alignment (render does it).
  aligning = !playing;
  markDirty();
}

$('#compare-controls').addEventListener('click', ev => {
  const a = ev.target.closest('[data-action]')?.dataset.action;
  if (!a || !panes.length) return;
  if (a === 'play') { togglePlay(); return; }
  if (playing) togglePlay();
  to(a);
});
$('[data-role="lockstep"]').value = byStep ? 'step' : 'time';
$('[data-role="lockstep"]').addEventListener('change', ev => { byStep = ev.target.value === 'step'; if (!playing && panes.length) to('align'); markDirty(); });
// Clearing the field (as a test driver's clear() does) is not a request for step 0.
$('[data-role="goto"]').addEventListener('change', ev => {
  if (ev.target.value.trim() === '') return;
  if (playing) togglePlay();
  to('seek', Number(ev.target.value) || 0);
});

function render() {
  for (const p of panes) p.update();
  if (aligning && panes.length && panes.every(p => p.settled())) { aligning = false; to('align'); }
  if (follow !== null && panes.length) followLeader();
  const step = panes.length ? panes[0].position().step : 0;
  if (cmp) showShareLink($('[data-role="share-link"]'), compareLink(cmp, step, byStep));
  if (document.activeElement !== $('[data-role="goto"]')) $('[data-role="goto"]').value = step;
  scrub.update(panes.length ? panes.map(p => p.timeline()) : [{ step: 0 }, { step: 0 }], byStep);
  charts.update(panes.map(p => ({ name: p.name, label: (p.name === 'A' ? cmp.a : cmp.b).label, state: p.session.state })));
  edit.update();
  drawDelta($('[data-role="delta"]'), ...panes.map(p => p.session.stats));
}

// Back and forward after an edit (a new history entry): the address is the comparison, so open it.
window.addEventListener('popstate', () => location.reload());
start();
window.blkflow = { panes: () => panes };
