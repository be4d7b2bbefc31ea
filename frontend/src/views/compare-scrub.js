// A comparison's whole-run timeline: one scrubber over the steps of the runs, and under it each run's
// markers (S, R, U, stop, start, oops; the server's background scan of that pane's load) on a strip of
// its own. The comparison decides what a seek means for the other pane (lockstep by time or by step).
import { timelineMarkers } from './controls.js';

/**
 * @param seek (k, leader) the scrubber or a strip asks for step k of pane `leader` ('A' or 'B')
 */
export function compareScrubView(el, { seek }) {
  el.innerHTML = `<div class="scrub"><span aria-hidden="true">step</span>
    <div class="timeline compare-timeline"><input data-role="scrubber" type="range" min="0" max="0" value="0" aria-label="step of run A">
      <div class="markers" data-role="markers" data-side="A" title="run A: S, R, U, stop, start"></div>
      <div class="markers" data-role="markers" data-side="B" title="run B: S, R, U, stop, start"></div></div>
    <span data-role="run-length"></span></div>`;
  const scrubber = el.querySelector('[data-role="scrubber"]');
  const strips = ['A', 'B'].map(name => timelineMarkers(el.querySelector(`[data-side="${name}"]`), k => seek(k, name)));
  scrubber.addEventListener('change', () => seek(Number(scrubber.value), 'A'));

  return {
    /**
     * @param panes [{ step, timeline }] A then B, timeline the server's message for that pane's load or null
     * @param byStep both panes share the scrubber's steps; by time it is A's run, and B's strip B's own steps
     */
    update(panes, byStep) {
      const length = p => (p.timeline?.done ? p.timeline.length : Math.max(p.highestStep ?? 0, p.step));
      const max = byStep ? Math.max(...panes.map(length)) : length(panes[0]);
      scrubber.max = String(max);
      scrubber.setAttribute('aria-label', byStep ? 'step of both runs' : 'step of run A (B follows its virtual time)');
      if (document.activeElement !== scrubber) scrubber.value = String(panes[0].step);
      panes.forEach((p, i) => strips[i].update(p.timeline, byStep ? max : length(p)));
      const text = panes.every(p => p.timeline?.done) ? ` of ${panes.map(length).map(n => n.toLocaleString('en')).join(' (A) and ')} (B)` : ' · measuring the runs…';
      const len = el.querySelector('[data-role="run-length"]');
      if (len.textContent !== text) len.textContent = text;
    },
  };
}
