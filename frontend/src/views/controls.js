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
    <div class="scrub"><span aria-hidden="true">step</span>
      <div class="timeline"><input data-role="scrubber" type="range" min="0" max="0" value="0" aria-label="step">
        <div class="markers" data-role="markers" title="${MARKER_LEGEND}"></div></div>
      <input data-role="goto" type="number" min="0" value="0" aria-label="go to step"></div>
    <span class="status" data-role="status" aria-live="off">step <span data-role="current-step">0</span><span data-role="run-length"></span><span data-role="status-extra"></span></span>
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
  const markers = timelineMarkers($('[data-role="markers"]'), k => actions.seek(k));
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
    /** @param timeline the server's latest timeline message for this load, or null */
    update(status, state, highestStep, timeline) {
      playing = !!status.playing;
      const play = $('[data-action="play"]');
      setText(play, playing ? '❚❚ pause' : '▶ play');
      play.dataset.playing = String(playing);
      const step = state ? state.step : 0;
      // The whole run once the background scan knows its length; until then, as far as anyone has been.
      const known = timeline?.done ? timeline.length : null;
      scrubber.max = known ?? Math.max(highestStep, step);
      markers.update(timeline, Number(scrubber.max));
      setText($('[data-role="run-length"]'), runLength(timeline));
      if (document.activeElement !== scrubber) scrubber.value = step;
      if (document.activeElement !== gotoInput) gotoInput.value = step;
      // The step drawn, not the step the server has reached: this is what the figure shows.
      setText($('[data-role="current-step"]'), String(step));
      setText($('[data-role="status-extra"]'), `${status.finished ? ' · finished' : ''}${status.reason === 'breakpoint' ? ' · breakpoint' : ''}`);
      el.dataset.step = step;
    },
  };
}

// Where the moments worth seeing are, as the server's timeline scan found them.
const MARKER_LEGEND = 'S: a task sleeps for a tag or request · R: requeue · U: unplug · stop/start: hardware queue stopped/started · oops: an invariant broke. Click to go there.';

function runLength(timeline) {
  if (!timeline) return '';
  if (!timeline.done) return ` · measuring the run: ${timeline.scanned.toLocaleString('en')} steps so far…`;
  return timeline.complete ? ` of ${timeline.length.toLocaleString('en')}` : ` of ${timeline.length.toLocaleString('en')}+ (the run goes on beyond the seek limit)`;
}

/**
 * The marker strip under the scrubber: one tick per marker and tick width (the first there), placed as the
 * range input places its thumb. A click on a tick seeks to its step; anywhere else on the strip, to
 * the step under the pointer.
 */
// A tick's width in CSS pixels (blkflow.css): ticks of one marker never overlap, so each can be clicked.
const TICK_PX = 3;

export function timelineMarkers(strip, seek) {
  let drawn = null;
  strip.addEventListener('click', ev => {
    const tick = ev.target.closest('[data-marker]');
    if (tick) { seek(Number(tick.dataset.step)); return; }
    const max = Number(strip.dataset.max || 0);
    const box = strip.getBoundingClientRect();
    if (max > 0 && box.width > 0) seek(Math.round(Math.min(1, Math.max(0, (ev.clientX - box.left) / box.width)) * max));
  });
  return {
    update(timeline, max) {
      const width = Math.round(strip.getBoundingClientRect().width);
      const key = timeline?.done ? `${width}:${max}` : 'none';
      if (drawn && drawn.timeline === timeline && drawn.key === key) return;
      drawn = { timeline, key };
      strip.dataset.max = String(max);
      strip.replaceChildren();
      if (!timeline?.done || max <= 0 || width <= 0) return;
      for (const [kind, steps] of Object.entries(timeline.markers)) {
        let lastPx = -TICK_PX;
        for (const k of steps) {
          if (k > max) break;
          const px = Math.round((k / max) * width);
          if (px - lastPx < TICK_PX) continue;
          lastPx = px;
          const tick = document.createElement('span');
          tick.dataset.marker = kind;
          tick.dataset.step = String(k);
          tick.title = `${kind} at step ${k}`;
          tick.style.left = `${(100 * k) / max}%`;
          strip.append(tick);
        }
      }
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
