// Replays a transition stream of the Java model (6 CPUs, 4 hctxs, merges, a 3-slot device), written by
// the Java StreamFixtureTest from the golden scenario of the same name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initialState, applyTransitions, requests, itemsAt } from '../src/state.js';
import { createLog } from '../src/logmodel.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/six-cpus-four-hctx.json', import.meta.url)));
const loaded = fixture.loaded;
const ts = fixture.transitions;

test('the whole recorded run ends with nothing left in the block layer', () => {
  const s = applyTransitions(initialState(loaded), ts);
  assert.equal(s.items.size, 0);
  assert.ok(s.hctxs.every(h => h.tagsUsed === 0));
  assert.equal(s.counters.completed, ts.filter(t => t.kind === 'complete').length);
  assert.equal(s.q2c.count, ts.filter(t => t.kind === 'bio_end').length, 'one Q2C sample per bio, like btt');
});

test('at every step each live request is where its last transition put it', () => {
  let s = initialState(loaded);
  const lastTo = new Map();
  for (const t of ts) {
    s = applyTransitions(s, [t]);
    if (t.req >= 0 && !['queue', 'getrq', 'backmerge', 'frontmerge', 'bio_end'].includes(t.kind)) lastTo.set(t.req, t.to);
    for (const rq of requests(s)) assert.equal(rq.place, lastTo.get(rq.id), `request ${rq.id} at step ${t.seq}`);
    const used = s.hctxs.reduce((a, h) => a + h.tagsUsed, 0);
    assert.equal(used, requests(s).filter(r => r.tag >= 0).length, `tags at step ${t.seq}`);
  }
});

test('idle hctx 3 never sees a request and merges make requests longer than one bio', () => {
  let s = initialState(loaded);
  let longest = 0;
  for (const t of ts) {
    s = applyTransitions(s, [t]);
    assert.equal(itemsAt(s, 'hctx:3').length, 0);
    for (const rq of requests(s)) longest = Math.max(longest, rq.bios.length);
  }
  assert.ok(longest > 1);
});

test('every transition gets one log entry, blkparse lines numbered per CPU', () => {
  const log = createLog();
  log.append(ts);
  assert.equal(log.length, ts.length);
  const cpu0 = log.entries.filter(e => e.line && e.t.cpu === 0).map(e => Number(e.line.slice(13, 21)));
  assert.deepEqual(cpu0, cpu0.map((_, i) => i + 1));
});
