import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frameScheduler } from '../src/frame.js';

test('many changes before a frame render once; a change after it renders again', () => {
  const frames = [];
  let renders = 0;
  const markDirty = frameScheduler(() => { renders++; }, cb => frames.push(cb));
  markDirty(); markDirty(); markDirty();
  assert.equal(frames.length, 1, 'one frame asked for three changes');
  frames.shift()();
  assert.equal(renders, 1);
  markDirty();
  assert.equal(frames.length, 1, 'dirty again after the render');
  frames.shift()();
  assert.equal(renders, 2);
});

test('a change made while rendering asks for the next frame', () => {
  const frames = [];
  let renders = 0;
  let markDirty;
  markDirty = frameScheduler(() => { renders++; if (renders === 1) markDirty(); }, cb => frames.push(cb));
  markDirty();
  frames.shift()();
  assert.equal(frames.length, 1);
});
