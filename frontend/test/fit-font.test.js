import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitToHeight } from '../src/fit-font.js';
import { layout } from '../src/layout.js';

const topo = { cpus: 2, hwQueues: 1, queueDepth: 32, cpuToHctx: [0, 0] };
const sataLike = font => layout(topo, { width: 700, font, scheduler: 'mq-deadline' });

test('a figure that fits keeps the font asked for', () => {
  const { geo, font } = fitToHeight(sataLike, 16, 10_000, 12);
  assert.equal(font, 16);
  assert.equal(geo.height, sataLike(16).height);
});

test('a figure too tall is laid out smaller until it fits, each size a real layout', () => {
  const at16 = sataLike(16).height;
  const at12 = sataLike(12).height;
  assert.ok(at12 < at16, `a smaller font makes a shorter figure (${at12} against ${at16})`);
  const room = Math.floor((at12 + at16) / 2);
  const { geo, font } = fitToHeight(sataLike, 16, room, 12);
  assert.ok(font < 16 && font >= 12, `font ${font}`);
  assert.ok(geo.height <= room, `${geo.height} in ${room}`);
  assert.ok(sataLike(font + 1).height > room, 'the largest font that fits');
  assert.equal(geo.font, font);
});

test('never below the smallest font, nor without a limit', () => {
  assert.equal(fitToHeight(sataLike, 16, 10, 12).font, 12);
  assert.equal(fitToHeight(sataLike, 16, 0, 12).font, 16);
});
