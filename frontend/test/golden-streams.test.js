// The server's golden streams (frontend/test/fixtures, written by the Java StreamFixtureTest) replayed
// through state.js: at every state message the fixture holds, the browser's picture must be the
// server's snapshot, item for item. Regenerate the fixtures only from Java (see StreamFixtureTest).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { initialState, applyTransitions, fromSnapshot } from '../src/state.js';

const dir = new URL('./fixtures/', import.meta.url);
const fixtures = readdirSync(dir).filter(f => f.endsWith('.json')).sort();

/** What a snapshot says of an item, and the same fields of state.js's item. */
const view = i => i.type === 'req'
  ? `req ${i.id} at ${i.place} sectors ${i.sector}+${i.sectors} tag ${i.tag} bios [${i.bios.join(',')}]`
  : `bio ${i.id} at ${i.place} sectors ${i.sector}+${i.sectors} in req ${i.req}`;
const hctxView = h => `hctx ${h.hctx} stopped ${h.stopped} tags ${h.tagsUsed} driver tags ${h.driverTags} dispatched ${h.dispatched}`;
const lockView = l => `${l.lock} held by ${l.holder} spinners [${l.spinners.join(',')}]`;

test('the fixtures cover blk-mq, the legacy queue, bio-based, xen-blkfront and a replayed trace', () => {
  const modes = fixtures.map(f => {
    const s = JSON.parse(readFileSync(new URL(f, dir))).loaded.scenario;
    return s ? `${s.mode}/${s.device.driver}` : 'trace';
  });
  for (const m of ['mq/null_blk', 'sq/null_blk', 'bio/null_blk', 'sq/xen-blkfront', 'mq/xen-blkfront', 'trace']) {
    assert.ok(modes.includes(m), `a fixture for ${m} (have ${modes})`);
  }
});

for (const file of fixtures) {
  test(`${file}: state.js agrees with the server's snapshot at every state the fixture holds`, () => {
    const fx = JSON.parse(readFileSync(new URL(file, dir)));
    assert.ok(fx.states.length > 0);
    let s = initialState(fx.loaded);
    let done = 0;
    for (const state of fx.states) {
      s = applyTransitions(s, fx.transitions.slice(done, state.step));
      done = state.step;
      assert.equal(s.step, state.step);
      const ours = [...s.items.values()].map(view).sort();
      const server = state.snapshot.items.map(view).sort();
      assert.deepEqual(ours, server, `items after step ${state.step}`);
      assert.deepEqual(s.hctxs.map(hctxView), state.snapshot.hctxs.map(hctxView), `hctxs after step ${state.step}`);
      assert.deepEqual([...s.locks].map(([lock, l]) => lockView({ lock, ...l })), state.locks.map(lockView),
        `locks after step ${state.step}`);
      if (s.blkback) assert.deepEqual(fromSnapshot(fx.loaded, state).blkback, s.blkback, `dom0 after step ${state.step}`);
    }
    s = applyTransitions(s, fx.transitions.slice(done));
    if (fx.loaded.trace) {
      // A trace may end with I/O in flight: its last state is at its end, and was compared above.
      assert.equal(fx.states.at(-1).step, fx.transitions.length);
      return;
    }
    assert.equal(s.items.size, 0, 'nothing is left in the block layer at the end');
    for (const [name, l] of s.locks) assert.ok(l.holder === -1 && !l.spinners.length, `${name} is free at the end`);
  });
}

test('the contended fixture shows a holder and spinners at some state, so the lock check can fail', () => {
  const fx = JSON.parse(readFileSync(new URL('sq-contention.json', dir)));
  assert.deepEqual(fx.loaded.locks, ['queue_lock']);
  assert.ok(fx.transitions.some(t => t.kind === 'lock_contended'));
  assert.ok(fx.states.some(st => st.locks.some(l => l.holder >= 0 && l.spinners.length > 0)),
    'some snapshot catches CPUs spinning');
});

// A seek lands on a snapshot and the stream goes on from there: the tags freed after it must come off
// the hctx the snapshot names for each request, so every later snapshot still agrees.
for (const file of ['sata-70.json', 'six-cpus-four-hctx.json']) {
  test(`${file}: state.js taken from a snapshot keeps agreeing with the server's later snapshots`, () => {
    const fx = JSON.parse(readFileSync(new URL(file, dir)));
    const from = fx.states[Math.floor(fx.states.length / 3)];
    let s = fromSnapshot(fx.loaded, from);
    let done = from.step;
    for (const state of fx.states.filter(st => st.step > from.step)) {
      s = applyTransitions(s, fx.transitions.slice(done, state.step));
      done = state.step;
      assert.deepEqual(s.hctxs.map(hctxView), state.snapshot.hctxs.map(hctxView), `hctxs after step ${state.step}`);
    }
  });
}

test('sata-70: mq-deadline holds scheduler tags without driver tags at some state, and driver tags at another', () => {
  const fx = JSON.parse(readFileSync(new URL('sata-70.json', dir)));
  const hs = fx.states.map(st => st.snapshot.hctxs[0]);
  assert.ok(hs.some(h => h.tagsUsed > h.driverTags), 'requests waiting in the scheduler hold no driver tag');
  assert.ok(hs.some(h => h.driverTags > 0), 'dispatched requests hold a driver tag');
});
