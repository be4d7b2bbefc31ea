// Wires the socket, the session's state and the views. Every transition is applied to the state and
// the log as it arrives; drawing happens at most once per animation frame.
import { connectionBadge } from './connection.js';
import { openSocket } from './socket.js';
import { createSession } from './session.js';
import { withStep, stepOf, titleOf } from './link.js';
import { outlineView } from './views/outline.js';
import { inspectorView } from './views/inspector.js';
import { functionsView } from './views/functions.js';
import { narrationView } from './views/narration.js';
import { logView } from './views/log.js';
import { chartsView } from './views/charts.js';
import { oopsView } from './views/oops.js';
import { controlsView } from './views/controls.js';
import { editorView } from './views/editor.js';
import { shareView } from './views/share.js';
import { locksView } from './views/locks.js';
import { sweepView } from './views/sweep.js';
import { formatsView } from './views/formats.js';
import { notesView } from './views/notes.js';
import { modeTitle } from './ring.js';

const d3 = window.d3;
const MAX_STEP_N = 100000;
const $ = sel => document.querySelector(sel);

const session = createSession();
let pendingStep = 0;
let playing = false;
let dirty = false;
let socket = null;
// Milliseconds spent in each view's update, summed, once a measurement sets window.blkflow.profile = {}.
let profile = null;

function drawConnection(status, server) {
  const badge = connectionBadge(status);
  const svg = d3.select('#connection');
  svg.attr('data-status', status);
  svg.selectAll('circle').data([badge]).join('circle')
    .attr('cx', 10).attr('cy', 14).attr('r', 6).attr('fill', d => d.colour);
  svg.selectAll('text').data([badge]).join('text')
    .attr('x', 22).attr('y', 18)
    .text(d => server ? `${d.text} to ${server}` : d.text);
}

const send = cmd => socket.send(cmd);

const actions = {
  step: () => send({ cmd: 'step', n: 1 }),
  back: () => { if (session.state && session.state.step > 0) actions.seek(session.state.step - 1); },
  reset: () => { playing = false; send({ cmd: 'reset' }); },
  togglePlay(speed) {
    playing = !playing;
    send(playing ? { cmd: 'play', speed } : { cmd: 'pause' });
    markDirty();
  },
  setSpeed(speed) { if (playing) send({ cmd: 'play', speed }); },
  /** Forward within reach: step there, so the log stays complete; otherwise let the server seek. */
  seek(k) {
    const now = session.state ? session.state.step : 0;
    const logReaches = session.log.contiguousUpTo() === now;
    if (k > now && k - now <= MAX_STEP_N && logReaches) send({ cmd: 'step', n: k - now });
    else if (k !== now) send({ cmd: 'seek', step: k });
  },
  breakpoints: bp => send(bp),
};

const speed = () => controls.speed();
const views = {
  outline: outlineView($('#outline'), { onSelect: select, speed: () => (playing ? speed() : 3) }),
  inspector: inspectorView($('#inspector')),
  functions: functionsView($('#functions')),
  narration: narrationView($('#narration')),
  log: logView($('#log'), session.log, { onSeek: k => actions.seek(k) }),
  charts: chartsView($('#charts')),
  oops: oopsView($('#oops')),
  share: shareView($('#share')),
  notes: notesView($('#model-notes')),
};
const locks = locksView($('#locks'), $('#locks-panel'));
const controls = controlsView($('#controls'), actions);
const editor = editorView($('#editor'), {
  onLoad: scenario => loadScenario(scenario),
  onPreset: preset => { editor.setScenario(preset.scenario); loadScenario(preset.scenario); },
});

const loadedScenario = () => session.loaded?.scenario ?? editor.read();
sweepView($('#sweep'), { scenario: loadedScenario });
formatsView($('#formats'), { scenario: loadedScenario, editor, send: cmd => send(cmd) });
$('[data-action="show-notes"]').addEventListener('click', () => { $('#model-notes-panel').open = true; });

// The session's stats carry lockstat's figures only when the server hands them over at the run's end;
// until it does, the finished run's figures come from the same deterministic run via POST /api/runs.
const endOfRun = { link: null, stats: null };
async function fetchEndOfRunLocks() {
  const loaded = session.loaded;
  if (!loaded?.scenario || endOfRun.link === loaded.link || session.stats?.locks?.length) return;
  endOfRun.link = loaded.link;
  endOfRun.stats = null;
  try {
    const res = await fetch('/api/runs?transitions=0', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(loaded.scenario) });
    if (res.ok && session.loaded === loaded) { endOfRun.stats = (await res.json()).stats; markDirty(); }
  } catch { endOfRun.link = null; }
}

function select(sel) {
  views.outline.select(sel);
  views.inspector.select(sel);
  markDirty();
}

function loadScenario(scenario) {
  playing = false;
  pendingStep = 0;
  send({ cmd: 'load', scenario });
}

/** A shared link is loaded without its step, then stepped there, so the log shows how it got there. */
function loadLink(link) {
  playing = false;
  const k = stepOf(link);
  pendingStep = k <= MAX_STEP_N ? k : 0;
  send({ cmd: 'load', link: pendingStep ? withStep(link, 0) : link });
}

function onMessage(msg) {
  session.handle(msg);
  if (msg.type === 'hello') drawConnection('open', msg.server);
  if (msg.type === 'loaded') onLoaded(msg);
  if (msg.type === 'state') playing = !!msg.playing;
  if (msg.type === 'oops') playing = false;
  if (msg.type === 'error') showError(msg);
  markDirty();
}

function onLoaded(msg) {
  editor.clearErrors();
  $('#error').textContent = '';
  // A replayed trace has no scenario: the editor keeps what it had, the title names the trace.
  if (msg.scenario) { editor.setScenario(msg.scenario); document.title = titleOf(msg.scenario); }
  else if (msg.trace) document.title = `trace ${msg.trace.id} — ${msg.trace.lines} lines · blkflow`;
  if (pendingStep > 0) { send({ cmd: 'step', n: pendingStep }); pendingStep = 0; }
}

function showError(msg) {
  if (msg.cmd === 'load' || (msg.field && msg.field !== 'n' && msg.field !== 'step')) editor.showError(msg);
  else $('#error').textContent = msg.message;
}

function markDirty() {
  if (dirty) return;
  dirty = true;
  requestAnimationFrame(render);
}

function render() {
  dirty = false;
  profile = window.blkflow?.profile ?? null;
  const { state, last } = session;
  views.oops.update(session.oops);
  const whole = session.status.finished && endOfRun.link === session.loaded?.link ? endOfRun.stats : null;
  locks.update(session.stats?.locks?.length ? session.stats : whole);
  if (session.status.finished) fetchEndOfRunLocks();
  controls.update({ ...session.status, playing }, state, session.highestStep);
  if (!state) return;
  for (const [name, view] of Object.entries(views)) {
    if (name === 'oops') continue;
    const t0 = profile ? performance.now() : 0;
    view.update(state, last);
    if (profile) profile[name] = (profile[name] ?? 0) + performance.now() - t0;
  }
  $('#figure-mode').textContent = $('#path-mode').textContent = modeTitle(state.scenario);
}

async function loadPresets() {
  try {
    const res = await fetch('/api/presets');
    if (!res.ok) return [];
    const list = await res.json();
    editor.setPresets(list);
    return list;
  } catch {
    return [];
  }
}

/** First connection: the URL's link if it has one, else the "figure1" preset, else the defaults. */
async function firstLoad() {
  const presets = await loadPresets();
  if (new URLSearchParams(location.search).has('v')) { loadLink(location.pathname + location.search); return; }
  const fig = presets.find(p => p.id === 'figure1');
  if (fig) { editor.choosePreset(fig.id); editor.setScenario(fig.scenario); loadScenario(fig.scenario); }
  else loadScenario({});
}

let opened = false;
function onOpen() {
  if (!opened) { opened = true; firstLoad(); return; }
  // A new connection is a new, empty session: load where we were.
  const st = session.state;
  if (st && st.link) loadLink(withStep(st.link, st.step));
}

const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
socket = openSocket(`${proto}//${location.host}/ws/session`, {
  onMessage,
  onStatus: status => drawConnection(status, null),
  onOpen,
});
// For browser tests and measurements: the session, and a way to feed it messages.
window.blkflow = { session, send, receive: onMessage, lastDownload: null, outline: views.outline, profile: null };
