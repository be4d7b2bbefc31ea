// A preset named in the address: /?preset=<id>[&step=K] opens that preset at step K, so a teacher's
// slide or a chat message can point at one without the whole scenario link (which has v=1 and every
// field); /?step=K alone is step K of the preset the page opens with. A full link, a lesson or a comparison take precedence; the page's other keys pass through.

const PRESET_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** The preset the page opens with when the address names none: ?step=K alone is a step of this one. */
export const DEFAULT_PRESET = 'figure1';

/**
 * What ?preset= asks for: null when the address does not ask for a preset (neither a preset nor a step
 * key, or a full link with v), else { id, step, problem } where problem, if not null, says what is wrong and what is
 * allowed, as the server's errors do (the page then opens its default and shows the problem).
 */
export function presetAsked(search, maxStep) {
  const q = new URLSearchParams(search);
  if (q.has('v') || (!q.has('preset') && !q.has('step'))) return null;
  const id = q.get('preset') ?? DEFAULT_PRESET;
  if (!PRESET_ID.test(id)) {
    return { id: null, step: 0, problem: 'preset: a preset id is lower-case letters, digits and dashes' };
  }
  const raw = q.get('step');
  if (raw === null || raw === '') return { id, step: 0, problem: null };
  if (!/^\d{1,9}$/.test(raw) || Number(raw) > maxStep) {
    return { id, step: 0, problem: `step: a whole number from 0 to ${maxStep}` };
  }
  return { id, step: Number(raw), problem: null };
}

/** The problem for an id no preset has, naming the ones there are. */
export function unknownPreset(id, presets) {
  return `preset: there is no preset "${id}"; the presets are ${presets.map(p => p.id).join(', ')}`;
}
