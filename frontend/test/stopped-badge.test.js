import { test } from 'node:test';
import assert from 'node:assert/strict';
import { edgeBadge, badgeLabel, fitText } from '../src/layout-parts.js';

// Widths Chromium draws at 12 px (DejaVu Sans: the badge's bold capitals with their .05em spacing, the
// titles' semi-bold), measured with getBoundingClientRect() in an hctx of the running page; they scale
// with the font (16 px measured 89.31 for STOPPED, 66.69 for "hctx 15").
const DRAWN_12 = { STOPPED: 66.98, STOP: 38.23, '■': 11.95, 'hctx 2': 41.67, 2: 8.36, 'hctx 15': 50.02, 15: 16.70 };
const drawn = (text, font) => DRAWN_12[text] * font / 12;

test('an hctx\'s STOPPED badge holds its word and leaves its title\'s letters clear, at every width', () => {
  // Lesson 9-xen-mq-rings at 1440x900: four 101 px hctxs; the 52 px estimate of STOPPED drew 67 px over "2".
  for (const font of [12, 14, 16]) {
    for (const n of [2, 15]) {
      for (let w = 24; w <= 400; w += 1) {
        const b = { x: 100, y: 50, w };
        // The view's title: the first of its labels that fits (outline-frame.js), and its number while stopped.
        const title = fitText(w - 8, font, `hctx ${n}`, `${n}`);
        const badge = edgeBadge(b, font, title, `${n}`);
        const at = `${w} px at ${font} px, hctx ${n}: ${JSON.stringify(badge)}`;
        const word = drawn(badge.label, font);
        const wordLeft = badge.x + badge.w / 2 - word / 2;
        assert.ok(badge.x >= b.x && badge.x + badge.w <= b.x + w + 1e-9, `the badge inside its box: ${at}`);
        assert.ok(word <= badge.w + 1e-9, `the word inside its badge (${word} px): ${at}`);
        const shown = badge.title ?? title;
        if (shown) {
          const titleRight = b.x + 4 + drawn(shown, font);
          assert.ok(wordLeft >= titleRight, `the word starts after "${shown}" (${titleRight}): ${at}`);
        }
      }
    }
  }
});

test('where not even a square fits beside the hctx\'s number, the title gives way to none', () => {
  // 1-vs-16-hw-queues at 1280x800: pane B's sixteen hctxs are 22 px wide, titled by their number.
  const b = { x: 0, y: 0, w: 22 };
  const badge = edgeBadge(b, 12, '15', '15');
  assert.equal(badge.title, '');
  assert.equal(badge.label, '■');
  assert.ok(Math.abs(badge.x + badge.w / 2 - 11) < 1e-9, 'centred on its box');
  assert.equal(edgeBadge({ x: 0, y: 0, w: 200 }, 12, 'hctx 15', '15').title, null, 'a wide box keeps its title');
});

test('the badge says STOPPED where the box has room for it drawn, else STOP', () => {
  assert.equal(badgeLabel(drawn('STOPPED', 12) + 1, 12).label, 'STOPPED');
  assert.equal(badgeLabel(drawn('STOPPED', 12) - 1, 12).label, 'STOP', 'a room narrower than STOPPED as drawn takes STOP');
  assert.equal(badgeLabel(drawn('STOP', 16) - 1, 16).label, '■');
});
