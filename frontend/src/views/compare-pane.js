// One side of a comparison: its own session on its own socket, its Figure 1 and its narration,
// inside data-pane="A" or "B" with the one-run page's hooks (data-queue, data-request-id, …) inside.
// A side is a model run (its share link) or an uploaded trace replayed (its load command, no link).
import { openSocket } from '../socket.js';
import { createSession } from '../session.js';
import { outlineView } from './outline.js';
import { narrationView } from './narration.js';
import { formatNs } from '../format.js';
import { pageAck } from '../page-ack.js';

/** @param side { label, link } or { label, link: null, load: {cmd:'load', trace, mapping} } */
export function comparePane(el, { name, side, defaults, onChange, onLoaded }) {
  el.dataset.pane = name;
  el.innerHTML = `
    <h2>${name} · <span class="pane-label"></span> <span class="legend pane-time"></span>
      <span class="legend">step <span data-role="current-step">0</span></span></h2>
    <svg class="pane-outline" role="group" aria-label="Figure 1 of run ${name}"></svg>
    <div class="narration" aria-live="off"></div>`;
  el.querySelector('.pane-label').textContent = side.label;
  const session = createSession();
  const outline = outlineView(el.querySelector('svg'), {
    onSelect: () => {}, speed: () => 3, font: () => 12, defaults, onResize: onChange,
  });
  const narration = narrationView(el.querySelector('.narration'));
  let current = side;
  // A pause sent and not yet confirmed by the server's state message: play's last messages may still come.
  let pausing = false;
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  // Each pane acks what it draws, so play paces each side to its own drawing, as on the one-run page.
  const ack = pageAck(cmd => socket.send(cmd));
  const socket = openSocket(`${proto}//${location.host}/ws/session`, {
    onMessage: msg => {
      session.handle(msg);
      ack.received(msg);
      if (msg.type === 'state' && !msg.playing) pausing = false;
      if (msg.type === 'loaded') onLoaded(name);
      onChange();
    },
    onStatus: () => {},
    onOpen: () => socket.send(loadOf(current)),
  });

  return {
    name,
    get link() { return current.link; },
    session,
    send(cmd) {
      if (cmd.cmd === 'pause') pausing = true;
      socket.send(cmd);
    },
    /** The server has confirmed the last pause: nothing of play is still on its way. */
    settled: () => !pausing,
    /** Another scenario for this side (edited in the comparison): loaded afresh at step 0. */
    load(next) {
      current = next;
      el.querySelector('.pane-label').textContent = next.label;
      socket.send(loadOf(next));
    },
    /** Where the pane is, as the lockstep rules need it. */
    position: () => ({ step: session.state?.step ?? 0, t: session.state?.t ?? 0, finished: !!session.status.finished }),
    /** What the timeline needs: the step, the highest step seen and the server's scan of the run. */
    timeline: () => ({ step: session.state?.step ?? 0, highestStep: session.highestStep, timeline: session.timeline }),
    update() {
      const { state, last } = session;
      if (!state) return;
      outline.update(state, last);
      narration.update(state, last);
      el.querySelector('[data-role="current-step"]').textContent = String(state.step);
      el.querySelector('.pane-time').textContent = last ? `t = ${formatNs(last.t)}` : '';
      el.dataset.step = String(state.step);
      el.dataset.t = String(state.t);
      ack.drawn(state.step);
    },
  };
}

// Every load asks for the timeline scan, which the comparison's scrubber and marker strips draw.
const loadOf = side => (side.link ? { cmd: 'load', link: side.link, timeline: true } : { ...side.load, timeline: true });
