// Wires the socket, the session's state and the views. Every transition is applied to the state and
// the log as it arrives; drawing happens at most once per animation frame.
import { frameScheduler } from './frame.js';
import { openSocket } from './socket.js';
import { createSession } from './session.js';
import { pageAck } from './page-ack.js';
import { withStep, stepOf, titleOf } from './link.js';
import { connectionView } from './views/connection.js';
import { addressView } from './views/address.js';
import { outlineView } from './views/outline.js';
import { inspectorView } from './views/inspector.js';
import { inspectorOverlay } from './views/overlay.js';
import { functionsView } from './views/functions.js';
import { narrationView } from './views/narration.js';
import { logView } from './views/log.js';
import { chartsView } from './views/charts.js';
import { oopsView } from './views/oops.js';
import { controlsView } from './views/controls.js';
import { editorView } from './views/editor.js';
import { shareView } from './views/share.js';
import { locksView } from './views/locks.js';
import { lockStripView } from './views/lock-strip.js';
import { blockSizesView } from './views/block-sizes.js';
import { sweepView } from './views/sweep.js';
import { narrationFitter } from './fit-narration.js';
import { formatsView } from './views/formats.js';
import { notesView } from './views/notes.js';
import { lessonView } from './views/lesson.js';
import { quizView } from './views/quiz.js';
import { pageParams, withoutPageKeys, withPageKeys, stopIndex } from './lesson.js';
import { presetAsked, unknownPreset, DEFAULT_PRESET } from './start-address.js';
import { modeTitle } from './ring.js';
import { fontFor } from './layout-parts.js';

// Every change marks the page dirty; render runs once in the next frame (render is hoisted).
const markDirty = frameScheduler(render);

const $ = sel => document.querySelector(sel);
// The server's defaults and limits, rendered into the page (PageDefaults.java).
const defaults = JSON.parse($('#page-defaults').textContent);
// Steps the log can be walked forward by; further seeks are the server's, and start the log afresh.
const MAX_STEP_N = defaults.session.maxStep;
// Speed while paused: a single step is animated as if playing at 3 transitions/s.
const STEPPING_SPEED = 3;

const session = createSession();
const connection = connectionView($('#connection'));
let pendingStep = 0;
let presenting = false;
let socket = null;
// Acks each step this page draws: play sends the next frame only after the ack (page-ack.js).
const ack = pageAck(cmd => send(cmd));
// False from a seek's click to the server's answer: a message still in flight is applied to the state and
// the log but not drawn, since the page is about to leave its step (the step shown stays one it drew).
let seekAnswered = true;
// The step the last frame drew (data-role="current-step").
let drawnStep = 0;
// Milliseconds spent in each view's update, summed, once a measurement sets window.blkflow.profile = {}.
let profile = null;

const send = cmd => socket.send(cmd);

const actions = {
  // A question on show (predict mode, a lesson's question stop) holds the step until it is answered.
  step: () => { if (!quiz.holdsStep(session.state, lesson.questionAt(session.state?.step))) send({ cmd: 'step', n: 1 }); },
  // One before the step drawn: a message applied but not drawn yet is not where the viewer is.
  back: () => { if (drawnStep > 0) actions.seek(drawnStep - 1); },
  reset: () => { session.setPlaying(false); send({ cmd: 'reset' }); },
  togglePlay(speed) {
    if (!session.playing() && quiz.holdsStep(session.state, lesson.questionAt(session.state?.step))) return;
    session.setPlaying(!session.playing());
    send(session.playing() ? { cmd: 'play', speed } : { cmd: 'pause' });
    markDirty();
  },
  setSpeed(speed) { if (session.playing()) send({ cmd: 'play', speed }); },
  /** Forward within reach: step there, so the log stays complete; otherwise let the server seek. */
  seek(k) {
    const now = session.state ? session.state.step : 0;
    const logReaches = session.log.contiguousUpTo() === now;
    // While playing, the server is a message ahead of the step drawn: a step from here would land past k.
    if (k > now && k - now <= MAX_STEP_N && logReaches && !session.playing()) send({ cmd: 'step', n: k - now });
    else if (k !== now) {
      send({ cmd: 'seek', step: k });
      // Within the log the page lands there itself at once; beyond it, it waits for the server's snapshot.
      if (session.landAt(k)) markDirty(); else seekAnswered = false;
    }
  },
  breakpoints: bp => send(bp),
  present: () => setPresenting(!presenting),
  leavePresentation: () => { if (presenting) setPresenting(false); },
};

/** Presentation mode: Figure 1 and the narration fill the screen, at a projector's font size. */
function setPresenting(on) {
  presenting = on;
  document.body.classList.toggle('presenting', on);
  controls.presenting(on);
  markDirty();
}

/** Under the narration's column, presenting: the layout's padding (.25rem) and the panel's border. */
const NARRATION_PANEL_PADDING_PX = 6;
const fitNarration = narrationFitter($('.narration-panel'), () => presenting, NARRATION_PANEL_PADDING_PX);
/** The height Figure 1 has on the screen under the controls, presenting: the padding under it kept (CSS: .3rem + .25rem + 1 px). */
const FIGURE_PANEL_PADDING_PX = 10;
function roomForFigure() {
  const top = $('#outline').getBoundingClientRect().top + window.scrollY;
  return Math.max(0, Math.floor(window.innerHeight - top - FIGURE_PANEL_PADDING_PX));
}
// A projector's window changes height without its figure's column changing width.
window.addEventListener('resize', () => { if (presenting) markDirty(); });

const speed = () => controls.speed();
const views = {
  outline: outlineView($('#outline'), {
    onSelect: select, speed: () => (session.playing() ? speed() : STEPPING_SPEED), font: () => fontFor(presenting),
    room: () => (presenting ? roomForFigure() : 0),
    defaults, onResize: () => markDirty(),
  }),
  inspector: inspectorView($('#inspector')),
  functions: functionsView($('#functions')),
  narration: narrationView($('#narration')),
  log: logView($('#log'), session.log, { onSeek: k => actions.seek(k), onInspect: select }),
  charts: chartsView($('#charts')),
  share: shareView($('#share'), { trace: () => session.loaded?.trace ?? null }),
  notes: notesView($('#model-notes')),
  lockStrip: lockStripView($('#lock-strip'), { drawnInFigure: () => views.outline.locksDrawn() }),
};
const overlay = inspectorOverlay($('aside.right'));
const oops = oopsView($('#oops'));
// The address carries the lesson, its stop, predict mode and presenting beside the share link (lesson.js).
const pageKeys = () => ({ lesson: lesson.lesson()?.id ?? null, stop: lesson.index() + 1, quiz: quiz.predicting(), present: presenting });
const address = addressView({
  onNavigate: link => (new URLSearchParams(link.split('?')[1] ?? '').has('v') ? loadLink(link) : firstLoad()),
  decorate: link => withPageKeys(link, pageKeys()),
});
const locks = locksView($('#locks'), $('#locks-panel'));
const blockSizes = blockSizesView($('#block-sizes'));
const controls = controlsView($('#controls'), actions);
const lesson = lessonView($('#lesson'), {
  outline: $('#outline'),
  seek: k => actions.seek(k),
  mayLeave: () => !quiz.holdsStep(session.state, lesson.questionAt(session.state?.step)),
  onStop: () => markDirty(),
});
const quiz = quizView($('#quiz'), {
  onAnswered: step => { if (session.state?.step === step) send({ cmd: 'step', n: 1 }); markDirty(); },
  onToggle: () => markDirty(),
});
const editor = editorView($('#editor'), {
  defaults,
  onLoad: scenario => loadScenario(scenario),
  onPreset: preset => { editor.setScenario(preset.scenario); loadScenario(preset.scenario); },
});

const loadedScenario = () => session.loaded?.scenario ?? editor.read();
sweepView($('#sweep'), { scenario: loadedScenario, xenSetup: defaults.xenIometerSetup });
formatsView($('#formats'), { scenario: loadedScenario, editor, send: cmd => send(cmd) });
$('[data-action="show-notes"]').addEventListener('click', () => { $('#model-notes-panel').open = true; });

/** Something was clicked or entered: inspect it, and on a narrow page show Figure 2 beside it. */
function select(sel, anchor) {
  views.outline.select(sel);
  views.inspector.select(sel);
  render();
  overlay.openNear(anchor);
}

function loadScenario(scenario) {
  session.setPlaying(false);
  pendingStep = 0;
  send({ cmd: 'load', scenario, timeline: true });
}

/** A preset opened without the select (the address names it, or the default): loaded, then stepped to `step`. */
function openPreset(preset, step) {
  editor.choosePreset(preset.id);
  editor.setScenario(preset.scenario);
  loadScenario(preset.scenario);
  pendingStep = step;
}

/** What went wrong with the address the page opened with, shown once the default it fell back to loads. */
let startNotice = '';

/** A shared link is loaded without its step, then stepped there, so the log shows how it got there. */
function loadLink(link) {
  session.setPlaying(false);
  const k = stepOf(link);
  pendingStep = k <= MAX_STEP_N ? k : 0;
  const scenarioLink = withoutPageKeys(link);
  send({ cmd: 'load', link: pendingStep ? withStep(scenarioLink, 0) : scenarioLink, timeline: true });
}

session.on('hello', msg => connection.update('open', msg.server));
session.on('loaded', msg => {
  editor.clearErrors();
  $('#error').textContent = startNotice;
  startNotice = '';
  // A replayed trace has no scenario: the editor keeps what it had, the title names the trace.
  if (msg.scenario) editor.setScenario(msg.scenario);
  // The kernel the run models (a replayed trace is whatever kernel recorded it).
  $('[data-role="tagline"]').textContent = `the Linux multi-queue block layer${msg.scenario ? ` (${msg.scenario.kernel ?? '3.16'})` : ''}, one transition at a time`;
  editor.loadedPreset(msg.preset ?? null);
  showStory(msg.preset ?? null);
  address.loaded(msg.link);
  // Another scenario loaded from the editor or a preset ends the lesson; the lesson's own loads keep it.
  const l = lesson.lesson();
  if (l && msg.link && withStep(msg.link, 0) !== withStep(l.link, 0)) lesson.close();
  if (pendingStep > 0) { send({ cmd: 'step', n: pendingStep }); pendingStep = 0; }
});
/** A preset's note above Figure 1 on every load of it, a link's included: what to watch for. */
function showStory(preset) {
  const el = $('#story');
  el.hidden = !preset;
  el.replaceChildren();
  if (!preset) { delete el.dataset.preset; return; }
  const name = document.createElement('strong');
  name.textContent = `${preset.name}.`;
  el.append(name, preset.note);
  el.dataset.preset = preset.id;
}

session.on('error', msg => {
  if (msg.cmd === 'load' || (msg.field && msg.field !== 'n' && msg.field !== 'step')) editor.showError(msg);
  else $('#error').textContent = msg.message;
});

function onMessage(msg) {
  session.handle(msg);
  ack.received(msg);
  if (msg.type !== 'transitions' && msg.type !== 'stats' && msg.type !== 'timeline') seekAnswered = true;
  markDirty();
}

function render() {
  if (!seekAnswered) return;
  profile = window.blkflow?.profile ?? null;
  const { state, last } = session;
  quiz.update(state, lesson.questionAt(state?.step), session.playing());
  oops.update(session.oops);
  // The legacy queue and xen-blkfront are about their one lock: lockstat sits beside Figure 1 there.
  const beside = !!state?.scenario && (state.scenario.mode === 'sq' || state.scenario.device?.driver === 'xen-blkfront');
  $('main.centre').classList.toggle('with-locks', beside);
  locks.update(session.stats, beside);
  blockSizes.update(session.stats);
  controls.update(session.status, state, session.highestStep, session.timeline);
  if (!state) { lesson.update({ step: 0 }); return; }
  for (const [name, view] of Object.entries(views)) {
    const t0 = profile ? performance.now() : 0;
    view.update(state, last);
    if (profile) profile[name] = (profile[name] ?? 0) + performance.now() - t0;
  }
  // After the figure: a frame laid out again (load, resize, presenting) has lost the stop's lit place.
  lesson.update(state);
  // Last, once the lesson, narration and question are written: presenting, their column ends on the screen.
  fitNarration();
  $('#figure-mode').textContent = $('#path-mode').textContent = modeTitle(state.scenario);
  address.update(state, pageTitle(state));
  drawnStep = state.step;
  ack.drawn(state.step);
}

function pageTitle(state) {
  const trace = session.loaded?.trace;
  if (state.scenario) return titleOf(state.scenario, state.step);
  return trace ? `trace ${trace.id} — ${trace.lines} lines${state.step ? ` · step ${state.step}` : ''} · blkflow` : null;
}

/** The lessons menu: each lesson is a link that opens it at its first stop. */
async function listLessons() {
  try {
    const res = await fetch('/api/lessons');
    if (!res.ok) return;
    const items = (await res.json()).map(l => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `/?lesson=${encodeURIComponent(l.id)}`;
      a.textContent = `${l.title} (${l.stops} stops)`;
      li.append(a);
      return li;
    });
    $('#lesson-list').replaceChildren(...items);
  } catch {
    // no menu: the page works without it
  }
}
listLessons();

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
let presetList = null;
async function firstLoad() {
  const presets = presetList ??= await loadPresets();
  const page = pageParams(location.search);
  if (page.quiz) quiz.setPredict(true);
  if (page.present) setPresenting(true);
  if (page.lesson && await openLesson(page.lesson, page.stop)) return;
  if (new URLSearchParams(location.search).has('v')) { loadLink(location.pathname + location.search); return; }
  const asked = presetAsked(location.search, MAX_STEP_N);
  const named = asked?.id ? presets.find(p => p.id === asked.id) : null;
  if (asked && !asked.problem && named) { openPreset(named, asked.step); return; }
  if (asked) startNotice = asked.problem ?? unknownPreset(asked.id, presets);
  const fig = presets.find(p => p.id === DEFAULT_PRESET);
  if (fig) openPreset(fig, 0);
  else loadScenario({});
}

/**
 * ?lesson=<id>&stop=N: the lesson's scenario at that stop's step, or, when the address also has the
 * scenario (a reload mid-lesson), that scenario at its own step. False when there is no such lesson.
 */
async function openLesson(id, stop) {
  try {
    const res = await fetch(`/api/lessons/${encodeURIComponent(id)}`);
    if (!res.ok) { startNotice = `lesson: there is no lesson "${id}"`; return false; }
    const l = await res.json();
    const i = stopIndex(l, stop);
    lesson.open(l, i);
    const here = location.pathname + location.search;
    loadLink(new URLSearchParams(location.search).has('v') ? here : withStep(l.link, l.stops[i].step));
    return true;
  } catch {
    return false;
  }
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
  onStatus: status => connection.update(status, null),
  onOpen,
});
// For browser tests and measurements: the session, and a way to feed it messages.
window.blkflow = { session, send, receive: onMessage, lastDownload: null, outline: views.outline, profile: null, defaults, lesson, quiz };
