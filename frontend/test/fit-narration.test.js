import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shrinkToFit, NARRATION_SCALES } from '../src/fit-narration.js';

// A column whose height follows its text's scale: each line as tall as the text, fewer lines as more words fit.
const column = (lines, lineHeight, room) => {
  let scale = null;
  const applied = [];
  return {
    apply: s => { scale = s; applied.push(s); },
    fits: () => Math.ceil(lines * scale) * lineHeight * scale <= room,
    applied,
  };
};

test('a column that fits keeps its full size and is measured once', () => {
  const c = column(10, 30, 1000);
  assert.equal(shrinkToFit(c.apply, c.fits), 1);
  assert.deepEqual(c.applied, [1]);
});

test('a column too tall takes the largest smaller scale that fits, trying each in turn', () => {
  const c = column(30, 30, 700);
  const s = shrinkToFit(c.apply, c.fits);
  assert.ok(s < 1 && s > NARRATION_SCALES.at(-1), `scale ${s}`);
  assert.ok(Math.ceil(30 * s) * 30 * s <= 700, 'it fits at the scale chosen');
  const next = NARRATION_SCALES[NARRATION_SCALES.indexOf(s) - 1];
  assert.ok(Math.ceil(30 * next) * 30 * next > 700, 'and not at the one before');
  assert.deepEqual(c.applied, NARRATION_SCALES.slice(0, NARRATION_SCALES.indexOf(s) + 1));
});

test('never below the floor: a column that cannot fit stays at the smallest scale (and scrolls itself)', () => {
  const c = column(100, 30, 200);
  assert.equal(shrinkToFit(c.apply, c.fits), NARRATION_SCALES.at(-1));
  assert.equal(c.applied.at(-1), NARRATION_SCALES.at(-1));
  assert.ok(NARRATION_SCALES.every((s, i) => i === 0 || s < NARRATION_SCALES[i - 1]), 'largest first');
  // The floor keeps the narration (1.35 rem) at 15 px or more and the lesson's text (1.2 rem) over the page's 12 px.
  assert.ok(1.35 * 16 * NARRATION_SCALES.at(-1) >= 15 && 1.2 * 16 * NARRATION_SCALES.at(-1) > 13);
});
