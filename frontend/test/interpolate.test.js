import { test } from 'node:test';
import assert from 'node:assert/strict';
import { easeCubicInOut, at, retarget, moving, requestAt } from '../src/interpolate.js';

const target = (x, y) => ({ x, y, fill: '#E69F00', write: false });
const one = (id, x, y) => new Map([[id, target(x, y)]]);

test('the easing starts at 0, ends at 1, is symmetric about the middle', () => {
  assert.equal(easeCubicInOut(0), 0);
  assert.equal(easeCubicInOut(1), 1);
  assert.equal(easeCubicInOut(0.5), 0.5);
  assert.ok(Math.abs(easeCubicInOut(0.25) + easeCubicInOut(0.75) - 1) < 1e-12);
  assert.ok(easeCubicInOut(0.1) < 0.1, 'slow start');
});

test('a new request fades in at its target; a move runs from where it is drawn', () => {
  let tw = retarget(new Map(), one(7, 10, 20), 0, 400);
  assert.deepEqual(at(tw.get(7), 0), { x: 10, y: 20, o: 0 });
  assert.deepEqual(at(tw.get(7), 400), { x: 10, y: 20, o: 1 });
  tw = retarget(tw, one(7, 110, 20), 400, 400);
  assert.equal(at(tw.get(7), 600).x, 60, 'half way in time is half way for a symmetric ease');
  tw = retarget(tw, one(7, 60, 120), 600, 400);
  const start = at(tw.get(7), 600);
  assert.equal(start.x, 60, 'retargeted mid-flight, it starts where it was, not where it was going');
  assert.equal(start.y, 20);
  assert.deepEqual(at(tw.get(7), 1000), { x: 60, y: 120, o: 1 });
});

test('an unmoved request keeps its running tween instead of restarting it', () => {
  const a = retarget(retarget(new Map(), one(1, 0, 0), 0, 0), one(1, 100, 0), 0, 400);
  const b = retarget(a, one(1, 100, 0), 200, 400);
  assert.equal(b.get(1).t0, 0);
  assert.equal(at(b.get(1), 400).x, 100);
});

test('a request that left fades out where it was, then is dropped; without animation it goes at once', () => {
  const shown = retarget(new Map(), one(3, 5, 5), 0, 0);
  const gone = retarget(shown, new Map(), 100, 400);
  assert.equal(gone.get(3).leaving, true);
  assert.deepEqual(at(gone.get(3), 500), { x: 5, y: 5, o: 0 });
  assert.ok(moving(gone, 300));
  assert.ok(!moving(gone, 500));
  assert.equal(retarget(gone, new Map(), 600, 400).size, 0);
  assert.equal(retarget(shown, new Map(), 100, 0).size, 0);
});

test('hit-testing finds the topmost request under the point and ignores leaving ones', () => {
  let tw = retarget(new Map(), new Map([[1, target(0, 0)], [2, target(5, 0)], [3, target(50, 50)]]), 0, 0);
  assert.equal(requestAt(tw, 0, 6, 3, 8), 2, 'overlapping squares: the one drawn last wins');
  assert.equal(requestAt(tw, 0, 2, 3, 8), 1);
  assert.equal(requestAt(tw, 0, 30, 30, 8), -1);
  tw = retarget(tw, new Map([[1, target(0, 0)], [2, target(5, 0)]]), 0, 400);
  assert.equal(requestAt(tw, 100, 52, 52, 8), -1);
});

test('retargeted every frame, a request still fades in on time and keeps moving towards its target', () => {
  let tw = new Map();
  for (let now = 0; now <= 400; now += 16) tw = retarget(tw, one(9, now % 32 ? 0 : 100, 0), now, 400);
  const p = at(tw.get(9), 400);
  assert.ok(p.o > 0.95, `faded in: ${p.o}`);
  assert.equal(tw.get(9).flying, true);
  const moved = at(tw.get(9), 416).x - at(tw.get(9), 400).x;
  assert.ok(Math.abs(moved) > 1, `a mid-flight move starts at speed, not from rest: ${moved}`);
});
