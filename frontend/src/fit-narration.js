// Presenting, the column beside Figure 1 (the lesson's stop, the narration, a question and its choices) must
// end on the projector's screen as the figure does (fit-font.js): a student cannot scroll the teacher's screen.
// Its text is set a step smaller until the column fits under the controls, down to a floor that keeps the
// narration at the page's own size or more; only past that does the column scroll, inside itself, never the page.

/** The scales tried, largest first: 1.35 rem narration text ends at 15 px, 1.2 rem lesson text at 13.4 px. */
export const NARRATION_SCALES = [1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7];

/**
 * @param apply scale => void: sets the column's text to that scale (and lays it out)
 * @param fits  () => boolean: whether the column, as now laid out, fits its room
 * @returns the largest scale that fits, or the smallest when none does
 */
export function shrinkToFit(apply, fits, scales = NARRATION_SCALES) {
  for (const s of scales) {
    apply(s);
    if (fits()) return s;
  }
  return scales[scales.length - 1];
}

/**
 * The DOM side: the panel gets the room between its top and the window's bottom (less `pad`), its text the
 * largest scale that fits it. Off presenting the panel is left as the page lays it out.
 */
function fitNarrationPanel(panel, presenting, pad) {
  if (!presenting) {
    panel.style.removeProperty('--narr-scale');
    panel.style.removeProperty('max-height');
    delete panel.dataset.scale;
    return null;
  }
  const room = Math.max(0, Math.floor(window.innerHeight - panel.getBoundingClientRect().top - pad));
  panel.style.maxHeight = `${room}px`;
  const scale = shrinkToFit(s => panel.style.setProperty('--narr-scale', String(s)),
    () => panel.scrollHeight <= panel.clientHeight + 1);
  panel.dataset.scale = String(scale);
  return scale;
}

/**
 * Fits the panel now and whenever what it shows changes after the frame that fitted it (a question's choices,
 * written when they arrive): a change of its children or text, never of its own style, so fitting cannot
 * trigger itself. Returns the function that fits it, for the page's frames (presenting on or off, a resize).
 */
export function narrationFitter(panel, presenting, pad) {
  const fit = () => fitNarrationPanel(panel, presenting(), pad);
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; fit(); });
  }).observe(panel, { childList: true, subtree: true, characterData: true });
  return fit;
}
