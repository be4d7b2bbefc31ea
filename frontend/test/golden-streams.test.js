// The server's golden streams (frontend/test/fixtures, written by the Java StreamFixtureTest) replayed
// through state.js: at every state message the fixture holds, the browser's picture must be the
// server's snapshot, item for item. Regenerate the fixtures only from Java (see StreamFixtureTest).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { initialState, applyTransitions, fromSnapshot, deviceOf } from '../src/state.js';
import { afterSeekingAThird } from './seek-then-step.js';

const dir = new URL('./fixtures/', import.meta.url);
const fixtures = readdirSync(dir).filter(f => f.endsWith('.json')).sort();

/** What a snapshot says of an item, and the same fields of state.js's item (dev: several 7.0 devices'). */
const view = i => (i.type === 'req'
  ? `req ${i.id} at ${i.place} sectors ${i.sector}+${i.sectors} tag ${i.tag} bios [${i.bios.join(',')}]`
  : `bio ${i.id} at ${i.place} sectors ${i.sector}+${i.sectors} in req ${i.req}`) + (i.dev >= 0 ? ` on dev ${i.dev}` : '');
/** A shared tag set's part (active, users, share) only where the run shares tags. */
const hctxView = h => `hctx ${h.hctx} stopped ${h.stopped} tags ${h.tagsUsed} driver tags ${h.driverTags} dispatched ${h.dispatched}`
  + ('users' in h ? ` active ${h.active} users ${h.users} share ${h.share}` : '');
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
// the hctx the snapshot names for each request, so every later snapshot still agrees; and with several
// devices each item's device and each shared set's active queues are the same whether stepped or sought.
for (const file of ['sata-70.json', 'six-cpus-four-hctx.json', 'shared-tags-70.json']) {
  test(`${file}: state.js taken from a snapshot keeps agreeing with the server's later snapshots`, () => {
    afterSeekingAThird(JSON.parse(readFileSync(new URL(file, dir))), (s, state) => {
      assert.deepEqual(s.hctxs.map(hctxView), state.snapshot.hctxs.map(hctxView), `hctxs after step ${state.step}`);
      assert.deepEqual([...s.items.values()].map(view).sort(), state.snapshot.items.map(view).sort(), `items after step ${state.step}`);
    });
  });
}

test('shared-tags-70: at every state, seeking there and stepping there put each item on the same device', () => {
  const fx = JSON.parse(readFileSync(new URL('shared-tags-70.json', dir)));
  const devices = st => [...st.items.values()].map(i => `${i.type} ${i.id} on nullb${deviceOf(st, i)}`).sort();
  const shares = st => st.hctxs.map(h => `hctx ${h.hctx} active ${h.active} users ${h.users} share ${h.share}`);
  let stepped = initialState(fx.loaded);
  let done = 0;
  const seen = new Set();
  for (const state of fx.states) {
    stepped = applyTransitions(stepped, fx.transitions.slice(done, state.step));
    done = state.step;
    const sought = fromSnapshot(fx.loaded, state);
    assert.deepEqual(devices(sought), devices(stepped), `devices at step ${state.step}`);
    assert.deepEqual(shares(sought), shares(stepped), `shared tags at step ${state.step}`);
    devices(sought).forEach(d => seen.add(d.split(' on ')[1]));
    shares(sought).forEach(d => seen.add(d.split(' active ')[1]));
  }
  assert.ok(seen.has('nullb0') && seen.has('nullb1'), `items of both devices at some state: ${[...seen]}`);
  assert.ok(seen.has('true users 2 share 8'), `both queues active, each held to 8 of 16: ${[...seen]}`);
});

test('sata-70: mq-deadline holds scheduler tags without driver tags at some state, and driver tags at another', () => {
  const fx = JSON.parse(readFileSync(new URL('sata-70.json', dir)));
  const hs = fx.states.map(st => st.snapshot.hctxs[0]);
  assert.ok(hs.some(h => h.tagsUsed > h.driverTags), 'requests waiting in the scheduler hold no driver tag');
  assert.ok(hs.some(h => h.driverTags > 0), 'dispatched requests hold a driver tag');
});
