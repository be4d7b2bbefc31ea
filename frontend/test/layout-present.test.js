// Presenting, Figure 1 is laid out tighter (metrics(font, true)) so that it fits a projector's height
// (fit-font.js): every shape of figure, at every font fit-font may choose and at the widths a projector or
// a phone gives it, is no taller than the page's layout, keeps every box inside the drawing and clear of
// the others, every lane inside its box, room for a request in every place, and every lock's tab in the
// gap above its box. The page's own layout is held as it was by layout-one-device.test.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layout, itemSize, slot } from '../src/layout.js';
import { legacyLayout } from '../src/layout-legacy.js';
import { devicesLayout } from '../src/layout-devices.js';
import { withDom0 } from '../src/layout-dom0.js';
import { lockPlaces } from '../src/lock-places.js';
import { MODE } from '../src/labels.js';

const overlap = (a, b) => a.x < b.x + b.w - 1e-9 && b.x < a.x + a.w - 1e-9 && a.y < b.y + b.h - 1e-9 && b.y < a.y + a.h - 1e-9;
const inside = (b, o) => b.x >= o.x - 1e-9 && b.y >= o.y - 1e-9 && b.x + b.w <= o.x + o.w + 1e-9 && b.y + b.h <= o.y + o.h + 1e-9;

const dom0 = (cpus, rings) => ({ cpus: Array.from({ length: 4 }, (_, i) => cpus + i),
  rings: Array.from({ length: rings }, (_, r) => ({ ring: r, cpu: cpus + (r % 4) })) });

// The presets' shapes: 3.16 blk-mq, 7.0 with each scheduler, NUMA, poll queues, the requeue list, several
// devices with shared tags, the legacy queue and bio-based, and xen-blkfront's dom0 under blk-mq and sq.
const FIGURES = {
  '3.16 six CPUs four hctx': (w, f, t) => layout({ cpus: 6, hwQueues: 4, cpuToHctx: [0, 0, 1, 1, 2, 2] }, { width: w, font: f, tight: t }),
  'sata-70 mq-deadline': (w, f, t) => layout({ cpus: 2, hwQueues: 1, cpuToHctx: [0, 0] }, { width: w, font: f, scheduler: 'mq-deadline', tight: t }),
  'kyber-70': (w, f, t) => layout({ cpus: 2, hwQueues: 2, cpuToHctx: [0, 1] }, { width: w, font: f, scheduler: 'kyber', tight: t }),
  'requeue-70': (w, f, t) => layout({ cpus: 1, hwQueues: 1, cpuToHctx: [0] }, { width: w, font: f, scheduler: 'mq-deadline', requeueList: true, tight: t }),
  'numa-70': (w, f, t) => layout({ cpus: 8, hwQueues: 4, cpuToHctx: [2, 2, 3, 3, 0, 0, 1, 1] }, { width: w, font: f, numaNodes: [[0, 1, 2, 3], [4, 5, 6, 7]], tight: t }),
  'poll-70': (w, f, t) => layout({ cpus: 2, hwQueues: 4, pollQueues: 2, cpuToHctx: [0, 1], cpuToPollHctx: [2, 3] }, { width: w, font: f, scheduler: 'none', tight: t }),
  'sixteen CPUs kyber': (w, f, t) => layout({ cpus: 16, hwQueues: 4, cpuToHctx: Array.from({ length: 16 }, (_, c) => c >> 2) }, { width: w, font: f, scheduler: 'kyber', tight: t }),
  'shared-tags-70': (w, f, t) => devicesLayout({ cpus: 2, hwQueues: 1, queueDepth: 12, cpuToHctx: [0, 0], devices: 2, sharedTags: true }, { width: w, font: f, scheduler: 'none', tight: t }),
  'four devices kyber requeue': (w, f, t) => devicesLayout({ cpus: 4, hwQueues: 2, queueDepth: 64, cpuToHctx: [0, 0, 1, 1], devices: 4 }, { width: w, font: f, scheduler: 'kyber', requeueList: true, tight: t }),
  'legacy-contention': (w, f, t) => legacyLayout({ cpus: 4, hwQueues: 1 }, MODE.SQ, { width: w, font: f, tight: t }),
  'bio-based': (w, f, t) => legacyLayout({ cpus: 4, hwQueues: 1 }, MODE.BIO, { width: w, font: f, tight: t }),
  'xen-iometer': (w, f, t) => withDom0(layout({ cpus: 4, hwQueues: 4, cpuToHctx: [0, 1, 2, 3] }, { width: w, font: f, tight: t }), dom0(4, 4)),
  'xen-io-lock': (w, f, t) => withDom0(legacyLayout({ cpus: 4, hwQueues: 1 }, MODE.SQ, { width: w, font: f, tight: t }), dom0(4, 1)),
};
// A phone, the figure's column on a 1024 px projector (the narration beside it), a laptop.
const WIDTHS = [390, 604, 1440];
const FONTS = [12, 13, 14, 15, 16];

const each = fn => {
  for (const [name, at] of Object.entries(FIGURES)) {
    for (const w of WIDTHS) for (const f of FONTS) fn(`${name} at ${w} px, ${f} px`, at(w, f, true), at(w, f, false));
  }
};

/** The boxes a layout draws side by side or one under another: none may overlap another. */
function boxesOf(geo) {
  const parts = geo.devices ?? [geo];
  const out = [...geo.cpus.map(c => ['cpu', c]), ['done', geo.done]];
  for (const p of parts) {
    out.push(...(p.ctxs ?? []).map(c => ['ctx', c]), ...(p.hctxs ?? []).map(h => ['hctx', h]), ['driver', p.driver], ['device', p.device]);
    if (p.elv) out.push(['elv', p.elv]);
    if (p.requeue) out.push(['requeue', p.requeue]);
  }
  if (geo.queue) out.push(['queue', geo.queue]);
  if (geo.tagSets) out.push(['tag sets', geo.tagSets]);
  if (geo.dom0) out.push(...geo.dom0.cpus.map(c => ['dom0 cpu', c]));
  return out;
}

/** Every lock the figure places, by its kernel name. */
function lockNames(geo) {
  const names = ['queue_lock', 'dd->lock', 'q->requeue_lock'];
  for (const c of geo.ctxs ?? []) names.push(`ctx[${c.ctx}]->lock`);
  for (const h of geo.hctxs ?? []) names.push(`hctx[${h.hctx}]->lock`, `khd[${h.hctx}]->lock`, `kcq[${h.hctx}.0]->lock`);
  return names;
}

test('presenting, no figure is taller than the page\'s, and most are shorter', () => {
  let shorter = 0, all = 0;
  each((at, tight, page) => {
    assert.ok(tight.height <= page.height, `${at}: ${tight.height} > ${page.height}`);
    all++;
    if (tight.height < page.height) shorter++;
    assert.equal(tight.tight, true, at);
    assert.equal(page.tight, undefined, `${at}: the page's layout says nothing of presenting`);
  });
  assert.ok(shorter > 0.9 * all, `${shorter} of ${all} shorter`);
});

test('presenting, every box is inside the drawing and no two overlap; each place inside the drawing, clear of the others', () => {
  each((at, geo) => {
    const all = { x: 0, y: 0, w: geo.width, h: geo.height };
    const boxes = boxesOf(geo);
    for (const [kind, b] of boxes) assert.ok(inside(b, all), `${at}: ${kind} ${JSON.stringify(b)} outside`);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [ka, a] = boxes[i], [kb, b] = boxes[j];
        assert.ok(!overlap(a, b), `${at}: ${ka} ${JSON.stringify(a)} overlaps ${kb} ${JSON.stringify(b)}`);
      }
    }
    const places = [...geo.places];
    for (let i = 0; i < places.length; i++) {
      assert.ok(inside(places[i][1], all), `${at}: ${places[i][0]} outside`);
      for (let j = i + 1; j < places.length; j++) {
        assert.ok(!overlap(places[i][1], places[j][1]), `${at}: ${places[i][0]} overlaps ${places[j][0]}`);
      }
    }
  });
});

test('presenting, a CPU\'s task and plug lanes and an hctx\'s lanes and tag lines lie inside their box, apart', () => {
  each((at, geo) => {
    for (const c of geo.cpus) {
      assert.ok(inside(c.task, c) && inside(c.plug, c) && !overlap(c.task, c.plug), `${at}: CPU ${c.cpu}`);
      // The label on the task's line keeps left of the lane.
      assert.ok(c.task.x >= c.x + (c.labelW ?? 0) - 1e-9, `${at}: CPU ${c.cpu}'s label left of its task`);
    }
    for (const h of (geo.devices ?? [geo]).flatMap(p => p.hctxs ?? [])) {
      const lanes = [h.tagwait, h.dispatch, h.tags, ...(h.driverTags ? [h.driverTags] : [])];
      lanes.forEach(l => assert.ok(inside(l, h), `${at}: hctx ${h.hctx} lane ${JSON.stringify(l)}`));
      for (let i = 0; i < lanes.length; i++) for (let j = i + 1; j < lanes.length; j++) assert.ok(!overlap(lanes[i], lanes[j]), `${at}: hctx ${h.hctx}`);
      assert.equal(h.badgeInside, 0, `${at}: STOPPED on the hctx's label line`);
    }
  });
});

test('presenting, every place holds a request, as labelled as on the page', () => {
  each((at, geo, page) => {
    const size = itemSize(geo);
    assert.equal(size.labelled, itemSize(page).labelled, `${at}: labelled on the page and presenting alike`);
    for (const [place, b] of geo.places) {
      const p = slot(b, 0, size);
      assert.ok(!p.overflow && inside({ x: p.x, y: p.y, w: size.w, h: size.h }, b), `${at}: ${place} holds no request`);
    }
  });
});

test('presenting, a lock\'s tab sits in the gap over its box, on no other box, and never rises over the one above', () => {
  each((at, geo) => {
    const boxes = boxesOf(geo);
    for (const [name, p] of lockPlaces(geo, lockNames(geo))) {
      if (p.side !== 'above') continue;
      assert.equal(p.lift, undefined, `${at}: ${name} has no STOPPED badge to rise over`);
      for (const [kind, b] of boxes) assert.ok(!overlap(p, b), `${at}: ${name}'s tab ${JSON.stringify(p)} on ${kind} ${JSON.stringify(b)}`);
    }
  });
});

test("presenting, each blkback thread's ring lock is under its status line, whose baseline outline-dom0.js sets", () => {
  for (const name of ['xen-iometer', 'xen-io-lock']) {
    for (const w of WIDTHS) {
      for (const f of FONTS) {
        const geo = FIGURES[name](w, f, true);
        for (const t of geo.dom0.cpus.flatMap(c => c.threads)) {
          const status = t.y + (f + 3) + f + 1;
          assert.ok(t.lock.y >= status + 0.3 * f, `${name} at ${w}/${f}: ring ${t.ring}'s lock over its status line's descenders`);
          assert.ok(inside(t.lock, t), `${name} at ${w}/${f}: ring ${t.ring}'s lock inside its thread`);
        }
      }
    }
  }
});
