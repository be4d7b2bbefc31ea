import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layout, slot, itemSize } from '../src/layout.js';
import { fitText, metrics, NARROW } from '../src/layout-parts.js';
import { devicesLayout } from '../src/layout-devices.js';
import { legacyLayout } from '../src/layout-legacy.js';

const W = 960;
const six = layout({ cpus: 6, hwQueues: 4, cpuToHctx: [0, 0, 1, 1, 2, 2] }, { width: W });
const H = six.height;

const inside = (b, outer) => b.x >= outer.x - 1e-9 && b.y >= outer.y - 1e-9
  && b.x + (b.w ?? 0) <= outer.x + outer.w + 1e-9 && b.y + (b.h ?? 0) <= outer.y + outer.h + 1e-9;
const overlap = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

test('6 CPUs on 4 hctxs with map 001122 leave hctx 3 idle and draw many:1 edges', () => {
  assert.deepEqual(six.hctxs.map(h => h.idle), [false, false, false, true]);
  assert.deepEqual(six.hctxs[1].cpus, [2, 3]);
  assert.equal(six.edges.length, 6);
  assert.ok(six.edges.every(e => e.kind === 'many:1'));
  assert.deepEqual(six.edges.map(e => e.hctx), [0, 0, 1, 1, 2, 2]);
});

test('one CPU per hctx gives 1:1 edges', () => {
  const l = layout({ cpus: 4, hwQueues: 4, cpuToHctx: [0, 1, 2, 3] }, { width: W });
  assert.ok(l.edges.every(e => e.kind === '1:1'));
  assert.ok(l.hctxs.every(h => !h.idle));
});

test('every box lies inside the drawing and no two boxes overlap', () => {
  const all = { x: 0, y: 0, w: W, h: H };
  const boxes = [...six.cpus, ...six.ctxs, ...six.hctxs, six.driver, six.done];
  boxes.forEach(b => assert.ok(inside(b, all), JSON.stringify(b)));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) assert.ok(!overlap(boxes[i], boxes[j]), `${i} overlaps ${j}`);
  }
  const places = [...six.places.values()];
  for (let i = 0; i < places.length; i++) {
    assert.ok(inside(places[i], all));
    for (let j = i + 1; j < places.length; j++) assert.ok(!overlap(places[i], places[j]), `place ${i} vs ${j}`);
  }
});

test('each place lies inside its parent box', () => {
  six.cpus.forEach(c => { assert.ok(inside(c.task, c)); assert.ok(inside(c.plug, c)); });
  six.hctxs.forEach(h => { for (const lane of [h.dispatch, h.tagwait, h.tags, h.tagBar]) assert.ok(inside(lane, h)); });
  assert.ok(inside(six.places.get('driver:3'), six.driver));
});

test('the k-th slot stays inside its queue box, slots do not overlap, and overflow piles up', () => {
  const box = six.places.get('hctx:0');
  const size = itemSize(six);
  const cells = [];
  for (let k = 0; ; k++) {
    const p = slot(box, k, size);
    assert.ok(inside({ x: p.x, y: p.y, w: size.w, h: size.h }, box), `slot ${k}`);
    if (p.overflow) break;
    cells.push({ ...p, w: size.w, h: size.h });
  }
  assert.ok(size.labelled, 'six CPUs leave room for labelled requests');
  assert.ok(cells.length >= 4);
  for (let i = 1; i < cells.length; i++) assert.ok(!overlap(cells[i - 1], cells[i]));
});

test('64 CPUs still fit with a readable item size', () => {
  const l = layout({ cpus: 64, hwQueues: 8, cpuToHctx: Array.from({ length: 64 }, (_, i) => i >> 3) }, { width: W });
  assert.ok(l.ctxs[63].x + l.ctxs[63].w <= W);
  assert.ok(itemSize(l).w >= 4);
  assert.equal(itemSize(l).labelled, false, 'a 13-pixel queue holds plain squares, not labels it cannot fit');
});

test('the layout follows the font: a projector font makes every row taller and items larger', () => {
  const topo = { cpus: 4, hwQueues: 2, cpuToHctx: [0, 0, 1, 1] };
  const page = layout(topo, { width: 1400, font: 12 }), projector = layout(topo, { width: 1400, font: 16 });
  assert.ok(projector.height > page.height);
  assert.ok(itemSize(projector).h > itemSize(page).h);
  assert.equal(itemSize(page).h, metrics(12).item.h);
});

test('on a phone "done" goes under the device and nothing is wider than the screen', () => {
  const l = layout({ cpus: 4, hwQueues: 2, cpuToHctx: [0, 0, 1, 1] }, { width: 374, font: 12 });
  assert.ok(374 < NARROW);
  assert.ok(l.done.y >= l.device.y + l.device.h, 'done below the device');
  for (const b of [...l.cpus, ...l.ctxs, ...l.hctxs, l.driver, l.device, l.done]) assert.ok(b.x + b.w <= 374, JSON.stringify(b));
  assert.ok(l.height >= l.done.y + l.done.h);
});

test('"done" keeps its last line for the count of completions: no request is stacked over it', () => {
  // A phone's one-row "done" stacked its request on the count's line ("2 completed" under request 1 in
  // plug-merge at 390x844); drawDone writes the count on the box's last line.
  const topo = { cpus: 4, hwQueues: 2, queueDepth: 64, cpuToHctx: [0, 0, 1, 1] };
  const two = { ...topo, devices: 2, sharedTags: false };
  for (const width of [374, 1024, 1440]) {
    for (const font of [12, 16]) {
      const m = metrics(font);
      const figures = { mq: layout(topo, { width, font }), sq: legacyLayout(topo, 'sq', { width, font }), devices: devicesLayout(two, { width, font, scheduler: 'none' }) };
      for (const [name, l] of Object.entries(figures)) {
        const size = itemSize(l), place = l.places.get('done');
        const countTop = l.done.y + l.done.h - m.line;
        for (let k = 0; k < 40; k++) {
          const p = slot(place, k, size);
          assert.ok(p.y + size.h <= countTop, `${name} at ${width}/${font}px: request ${k} reaches the count's line (${p.y + size.h} > ${countTop})`);
        }
        assert.ok(p0(place, size) >= l.done.y + m.line, `${name} at ${width}/${font}px: under the label`);
      }
    }
  }
});
const p0 = (place, size) => slot(place, 0, size).y;

test('a label that does not fit falls back to a shorter one, then to none', () => {
  assert.equal(fitText(200, 12, 'hctx 0 · idle', 'hctx 0'), 'hctx 0 · idle');
  assert.equal(fitText(50, 12, 'hctx 0 · idle', 'hctx 0'), 'hctx 0');
  assert.equal(fitText(10, 12, 'hctx 0 · idle', 'hctx 0'), '');
});

test('7.0 mq-deadline gets one scheduler lane (elv:0) between the ctx and hctx rows, overlapping nothing', () => {
  const l = layout({ cpus: 6, hwQueues: 4, cpuToHctx: [0, 0, 1, 1, 2, 2] }, { width: W, font: 12, scheduler: 'mq-deadline' });
  const elv = l.places.get('elv:0');
  assert.ok(inside(elv, l.elv));
  assert.ok(inside(l.elv, { x: 0, y: 0, w: W, h: l.height }));
  assert.ok(l.ctxs.every(c => c.y + c.h <= l.elv.y) && l.hctxs.every(h => h.y >= l.elv.y + l.elv.h));
  [...l.cpus, ...l.ctxs, ...l.hctxs, l.driver, l.done].forEach(b => assert.ok(!overlap(b, l.elv)));
  for (const [place, b] of l.places) if (place !== 'elv:0') assert.ok(!overlap(b, elv), `${place} overlaps elv:0`);
  assert.ok(l.height > six.height, 'the lane adds a row instead of squeezing the others');
  assert.equal(layout({ cpus: 2, hwQueues: 1, cpuToHctx: [0, 0] }, { width: W, font: 12, scheduler: 'none' }).places.get('elv:0'), undefined);
  assert.equal(six.elv, undefined);
});

test('the tag bar counts scheduler tags under 7.0 mq-deadline, the driver tags otherwise', async () => {
  const { tagPool } = await import('../src/layout.js');
  assert.deepEqual([tagPool({ kernel: '7.0', scheduler: 'mq-deadline' }).name, tagPool({ kernel: '7.0', scheduler: 'mq-deadline' }).depth(32)],
    ['sched tags', 64]);
  assert.equal(tagPool({ kernel: '7.0', scheduler: 'mq-deadline' }).depth(1000), 256, 'nr_requests = 2 × min(depth, 128)');
  assert.equal(tagPool({ kernel: '7.0', scheduler: 'none' }).depth(32), 32);
  assert.equal(tagPool({ mode: 'mq' }).name, 'tags');
});

test('every layout of Figure 1 takes its options as one object; a positional call is refused, not drawn at NaN', () => {
  const topo = { cpus: 4, hwQueues: 2, cpuToHctx: [0, 0, 1, 1] };
  const two = { ...topo, queueDepth: 8, devices: 2, sharedTags: true };
  const asked = { width: 700, font: 14, tight: true, scheduler: 'kyber', requeueList: true };
  const l = layout(topo, asked);
  assert.deepEqual([l.width, l.font, l.tight, !!l.elv, !!l.requeue], [700, 14, true, true, true], 'each option taken');
  assert.deepEqual(layout(topo, { width: 700 }), layout(topo, { width: 700, font: 12, tight: false, scheduler: null,
    numaNodes: null, requeueList: false }), 'what is left out is the default');
  assert.deepEqual([devicesLayout(two, asked).font, legacyLayout(topo, 'sq', asked).font], [14, 14]);
  for (const old of [() => layout(topo, 960, 12), () => devicesLayout(two, 960), () => legacyLayout(topo, 'sq', 960, 12)]) {
    assert.throws(old, /takes \{ width, font, tight/);
  }
});
