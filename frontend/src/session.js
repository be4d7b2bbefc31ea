// The browser side of one session: turns the server's messages into state, log and status. It is the
// one place that dispatches on a message's type; the page reacts through on(type, fn).
// Stepping back replays the log from the nearest checkpoint, so counters and histograms stay exact;
// only when the log does not reach back (after a forward seek) does it fall back to the snapshot.
import { initialState, applyTransitions, fromSnapshot, cloneState } from './state.js';
import { createLog } from './logmodel.js';

const CHECKPOINT_EVERY = 2000;

export function createSession() {
  const s = {
    loaded: null, state: null, log: createLog(), last: null, status: {}, stats: null, oops: null,
    error: null, highestStep: 0, checkpoints: new Map(), server: null, timeline: null, awaitingSeek: false,
  };
  const listeners = new Map();
  const handlers = {
    loaded(msg) {
      Object.assign(s, { loaded: msg, state: initialState(msg), last: null, oops: null, error: null, highestStep: 0, stats: null, timeline: null, awaitingSeek: false });
      s.log.clear();
      s.log.source(msg.trace ?? null);
      s.checkpoints = new Map([[0, s.state]]);
    },
    transitions(msg) {
      // Sent before the seek the page has already landed on (landAt): the page has left that step.
      if (!s.state || !msg.items.length || s.awaitingSeek) return;
      s.state = applyTransitions(s.state, msg.items);
      s.log.append(msg.items);
      s.last = msg.items[msg.items.length - 1];
      s.highestStep = Math.max(s.highestStep, s.state.step);
      keepCheckpoint(s);
    },
    state(msg) {
      s.awaitingSeek = false;
      s.status = { step: msg.step, playing: !!msg.playing, finished: msg.finished, reason: msg.reason };
      if (msg.snapshot && s.loaded && msg.step !== s.state?.step) landOn(s, msg);
      if (['reset', 'load', 'seek'].includes(msg.reason)) s.oops = null;
    },
    stats(msg) { s.stats = msg.stats; },
    /** The whole run's length and markers, from the server's background scan of this load. */
    timeline(msg) { s.timeline = msg; },
    oops(msg) { s.awaitingSeek = false; s.oops = msg; s.status = { ...s.status, playing: false }; },
    error(msg) { s.error = msg; },
    hello(msg) { s.server = msg.server; },
  };
  s.handle = msg => {
    const h = handlers[msg.type];
    if (h) h(msg);
    for (const fn of listeners.get(msg.type) ?? []) fn(msg);
    return msg.type;
  };
  /** Runs fn(msg) after each message of that type has been applied. */
  s.on = (type, fn) => { listeners.set(type, [...(listeners.get(type) ?? []), fn]); };
  /**
   * Lands on step k from the page's own log, when it reaches k, as the seek just sent will (the run is
   * deterministic), so a step back is drawn without waiting for the server; transitions still in flight
   * from before the seek are dropped until the server's answer. False when the log does not reach k.
   */
  s.landAt = k => {
    if (!s.loaded || !s.state || s.log.contiguousUpTo() < k) return false;
    landOn(s, { step: k });
    s.status = { ...s.status, step: k, playing: false, reason: 'seek' };
    s.awaitingSeek = true;
    return true;
  };
  /** The one playing flag: set by the server's state messages, and at once by the page's own commands. */
  s.setPlaying = playing => { s.status = { ...s.status, playing }; };
  s.playing = () => !!s.status.playing;
  return s;
}

function landOn(s, msg) {
  const k = msg.step;
  s.log.truncate(k);
  if (s.log.contiguousUpTo() >= k) {
    const from = Math.max(...[...s.checkpoints.keys()].filter(c => c <= k));
    const base = s.checkpoints.get(from);
    s.state = applyTransitions(base, s.log.entries.slice(from, k).map(e => e.t));
  } else {
    s.state = fromSnapshot(s.loaded, msg);
    s.log.clear();
  }
  for (const c of [...s.checkpoints.keys()]) if (c > k) s.checkpoints.delete(c);
  s.last = s.log.entries.length ? s.log.entries[s.log.entries.length - 1].t : null;
}

function keepCheckpoint(s) {
  const step = s.state.step;
  const lastKept = Math.max(...s.checkpoints.keys());
  if (step - lastKept >= CHECKPOINT_EVERY) s.checkpoints.set(step, cloneState(s.state));
}
