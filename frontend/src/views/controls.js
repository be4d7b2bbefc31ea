// The transport bar: step, back, play/pause, speed, scrubber, breakpoints, presentation mode; keys
// space/←/→ (and PageDown/PageUp, which a presenter's clicker sends), Escape to leave presentation.
export const SPEEDS = [0.3, 1, 2, 5, 10, 30, 100, 1000, 10000, 0];
export const speedLabel = s => (s === 0 ? 'max' : `${s}/s`);

const KEYS = { ' ': 'play', ArrowRight: 'step', PageDown: 'step', ArrowLeft: 'back', PageUp: 'back', Escape: 'leavePresentation' };

export function controlsView(el, actions) {
  el.innerHTML = `
    <div class="transport">
      <button data-action="reset" title="back to step 0">reset</button>
      <button data-action="back" title="step back (←)">◀ back</button>
      <button data-action="play" title="play / pause (space)">▶ play</button>
      <button data-action="step" title="one transition (→)">step ▶</button>
      <button data-action="present" title="Figure 1 and the narration fill the screen (Esc leaves)" aria-pressed="false">present</button>
    </div>
    <label class="speed">speed <input data-role="speed" type="range" min="0" max="${SPEEDS.length - 1}" value="2" aria-label="speed">
      <output data-role="speed-label">${speedLabel(SPEEDS[2])}</output></label>
    <label class="scrub">step <input data-role="scrubber" type="range" min="0" max="0" value="0" aria-label="step">
      <input data-role="goto" type="number" min="0" value="0" aria-label="go to step"></label>
    <span class="status" data-role="status" aria-live="off">step <span data-role="current-step">0</span><span data-role="status-extra"></span></span>
    <details class="breakpoints"><summary>breakpoints</summary>
      <label>kinds <input data-bp="kinds" placeholder="requeue, stop"></label>
      <label>actions <input data-bp="actions" placeholder="R, S"></label>
      <label>request <input data-bp="req" type="number" min="0" placeholder="id"></label>
      <button data-action="breakpoints">set</button>
    </details>`;
  const $ = sel => el.querySelector(sel);
  const speedInput = $('[data-role="speed"]');
  const scrubber = $('[data-role="scrubber"]');
  const gotoInput = $('[data-role="goto"]');
  let playing = false;

  const speed = () => SPEEDS[Number(speedInput.value)];
  el.addEventListener('click', ev => {
    const a = ev.target.closest('[data-action]')?.dataset.action;
    if (a === 'step') actions.step();
    if (a === 'back') actions.back();
    if (a === 'reset') actions.reset();
    if (a === 'play') actions.togglePlay(speed());
    if (a === 'breakpoints') actions.breakpoints(breakpoints(el));
    if (a === 'present') actions.present();
  });
  speedInput.addEventListener('input', () => {
    $('[data-role="speed-label"]').value = speedLabel(speed());
    actions.setSpeed(speed());
  });
  scrubber.addEventListener('change', () => actions.seek(Number(scrubber.value)));
  gotoInput.addEventListener('change', () => actions.seek(Math.max(0, Number(gotoInput.value) || 0)));
  document.addEventListener('keydown', ev => {
    if (ev.target.closest('input, select, textarea, [contenteditable]') || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    // Space on a focused button is that button's: it must not also toggle play.
    if (ev.key === ' ' && ev.target.closest('button, summary, a[href], [role="button"]')) return;
    const key = KEYS[ev.key];
    if (!key) return;
    ev.preventDefault();
    if (key === 'play') actions.togglePlay(speed()); else actions[key]();
  });

  return {
    speed,
    presenting(on) {
      const b = $('[data-action="present"]');
      b.setAttribute('aria-pressed', String(on));
      setText(b, on ? 'leave presentation' : 'present');
    },
    update(status, state, highestStep) {
      playing = !!status.playing;
      const play = $('[data-action="play"]');
      setText(play, playing ? '❚❚ pause' : '▶ play');
      play.dataset.playing = String(playing);
      const step = state ? state.step : 0;
      scrubber.max = Math.max(highestStep, step);
      if (document.activeElement !== scrubber) scrubber.value = step;
      if (document.activeElement !== gotoInput) gotoInput.value = step;
      // The step drawn, not the step the server has reached: this is what the figure shows.
      setText($('[data-role="current-step"]'), String(step));
      setText($('[data-role="status-extra"]'), `${status.finished ? ' · finished' : ''}${status.reason === 'breakpoint' ? ' · breakpoint' : ''}`);
      el.dataset.step = step;
    },
  };
}

function breakpoints(el) {
  const list = name => el.querySelector(`[data-bp="${name}"]`).value.split(/[\s,]+/).filter(Boolean);
  const req = el.querySelector('[data-bp="req"]').value;
  const bp = { cmd: 'breakpoints' };
  if (list('kinds').length) bp.kinds = list('kinds');
  if (list('actions').length) bp.actions = list('actions').map(a => a.toUpperCase());
  if (req !== '') bp.req = Number(req);
  return bp;
}

/** Called every frame: leave unchanged text alone, so the page is not laid out again for nothing. */
function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
