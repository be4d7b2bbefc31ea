// A seek lands on a snapshot and the stream goes on from there: the shared walk of the fixture tests that
// take state.js from the server's snapshot a third of the way into a fixture, step it on with the
// fixture's transitions, and compare it with every later snapshot the server sent.
import { applyTransitions, fromSnapshot } from '../src/state.js';

/** Calls check(state, serverState) at every state message after the one a third of the way in. */
export function afterSeekingAThird(fx, check) {
  const from = fx.states[Math.floor(fx.states.length / 3)];
  let s = fromSnapshot(fx.loaded, from);
  let done = from.step;
  for (const state of fx.states.filter(st => st.step > from.step)) {
    s = applyTransitions(s, fx.transitions.slice(done, state.step));
    done = state.step;
    check(s, state);
  }
}
