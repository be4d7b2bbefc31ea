// mq-deadline's batch on the scheduler lane, stepped from the stream (deadline-batch.js through state.js)
// against the model's own dd->last_dir, batching, starved and latest_pos in the server's snapshots of the
// mq-deadline fixtures (written by the Java StreamFixtureTest), and against what the model did next.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { initialState, applyTransitions, fromSnapshot, itemsAt } from '../src/state.js';
import { nextDirection, batchView, batchLines, BATCH_WIDEST, directionOf } from '../src/deadline-batch.js';
import { afterSeekingAThird } from './seek-then-step.js';

const dir = new URL('./fixtures/', import.meta.url);
const read = f => JSON.parse(readFileSync(new URL(f, dir)));
const fixtures = readdirSync(dir).filter(f => f.endsWith('.json'))
  .filter(f => read(f).loaded.scenario?.scheduler === 'mq-deadline' && read(f).loaded.scenario?.kernel === '7.0').sort();

/** A lane as the snapshot says it (elv, last_dir, batching, starved, latest_pos, dd->dispatch). */
const laneView = (elv, l) => `${elv} ${l.lastDir} batching ${l.batching} starved ${l.starved} latest_pos ${l.latestPos.join(',')}`
  + ` dispatch [${l.dispatch.join(',')}]`;
const lanes = s => Object.entries(s.deadline).map(([elv, l]) => laneView(elv, l)).sort();
const snapshotLanes = st => (st.snapshot.deadline || []).map(e => laneView(e.elv, e)).sort();

test('the mq-deadline fixtures are there, and between them starve writes once and twice', () => {
  for (const f of ['sata-70.json', 'requeue-70.json', 'deadline-starved-70.json']) assert.ok(fixtures.includes(f), `${f} in ${fixtures}`);
  const starved = new Set(fixtures.flatMap(f => read(f).states.flatMap(st => (st.snapshot.deadline || []).map(e => e.starved))));
  assert.deepEqual([...starved].sort(), [0, 1, 2], 'snapshots with writes starved 0, 1 and 2 times');
  const requeued = read('requeue-70.json').states.some(st => st.snapshot.deadline?.[0]?.dispatch.length > 0);
  assert.ok(requeued, 'requeue-70 has a state with a request on dd->dispatch');
});

for (const file of fixtures) {
  test(`${file}: stepped from the stream, the batch is the model's at every state, and a seek there shows the same`, () => {
    const fx = read(file);
    let s = initialState(fx.loaded);
    let done = 0;
    for (const state of fx.states) {
      s = applyTransitions(s, fx.transitions.slice(done, state.step));
      done = state.step;
      assert.deepEqual(lanes(s), snapshotLanes(state), `mq-deadline after step ${state.step}`);
      const sought = fromSnapshot(fx.loaded, state);
      for (const elv of new Set([...Object.keys(s.deadline), 'elv:0'])) {
        assert.deepEqual(batchView(sought.deadline[elv]), batchView(s.deadline[elv]), `${elv} shown after step ${state.step}`);
        assert.deepEqual(nextDirection(sought.deadline[elv], itemsAt(sought, elv)), nextDirection(s.deadline[elv], itemsAt(s, elv)),
          `${elv}'s next direction after step ${state.step}`);
      }
    }
  });

  test(`${file}: the direction marked next is the one mq-deadline dispatches next, at every dispatch`, () => {
    const fx = read(file);
    let s = initialState(fx.loaded);
    let checked = 0;
    for (const t of fx.transitions) {
      if (t.fn === 'dd_dispatch_request') {
        const next = nextDirection(s.deadline[t.from], itemsAt(s, t.from));
        assert.deepEqual(next, { dir: directionOf(t.rwbs), fromDispatch: t.count < 0 }, `before step ${t.seq + 1} (${t.rwbs}, count ${t.count})`);
        checked++;
      }
      s = applyTransitions(s, [t]);
      if (t.fn === 'dd_dispatch_request' && t.count >= 1) {
        assert.deepEqual(batchView(s.deadline[t.from]).dir, directionOf(t.rwbs));
        assert.equal(batchView(s.deadline[t.from]).count, t.count, `the stream's count is the batch's place after step ${t.seq + 1}`);
      }
    }
    assert.ok(checked > 0, 'the fixture dispatches through mq-deadline');
  });

  test(`${file}: sought at a third of the way, the batch stepped on from there agrees with every later snapshot`, () => {
    afterSeekingAThird(read(file), (s, state) =>
      assert.deepEqual(lanes(s), snapshotLanes(state), `mq-deadline after step ${state.step}`));
  });
}

test('nothing is shown before the first dispatch; then the batch, and the starvation only while it counts', () => {
  assert.deepEqual(batchView(undefined), { dir: 'none', count: 0, starved: 0, batch: '', starvedText: '' });
  const l = { lastDir: 'read', batching: 3, starved: 1, latestPos: [8, 0], dispatch: [] };
  assert.deepEqual(batchView(l), { dir: 'read', count: 3, starved: 1, batch: 'read batch 3 / 16', starvedText: 'writes starved 1 / 2' });
  assert.equal(batchView({ ...l, starved: 0 }).starvedText, '');
  assert.deepEqual(batchLines(batchView(l)), ['read batch 3 / 16 · writes starved 1 / 2', 'R 3/16 · W starved 1/2', 'R 3/16']);
  assert.deepEqual(batchLines(batchView(undefined)), ['', '', '']);
  assert.equal(BATCH_WIDEST, 'write batch 16 / 16 · writes starved 2 / 2');
});

test('the next direction: the batch goes on, or reads, or writes once starved twice; dd->dispatch first', () => {
  const rq = (id, rwbs, sector) => ({ type: 'req', id, rwbs, sector });
  const base = { lastDir: 'read', batching: 3, starved: 2, latestPos: [100, 0], dispatch: [] };
  const items = [rq(1, 'R', 200), rq(2, 'W', 50)];
  assert.deepEqual(nextDirection(base, items), { dir: 'read', fromDispatch: false }, 'a read at or after latest_pos continues the batch');
  assert.deepEqual(nextDirection({ ...base, batching: 16 }, items), { dir: 'write', fromDispatch: false }, 'a full batch, writes starved twice');
  assert.deepEqual(nextDirection({ ...base, batching: 16, starved: 1 }, items), { dir: 'read', fromDispatch: false });
  assert.deepEqual(nextDirection({ ...base, latestPos: [300, 0] }, items), { dir: 'write', fromDispatch: false }, 'no read after latest_pos ends the batch');
  assert.deepEqual(nextDirection({ ...base, dispatch: [2] }, items), { dir: 'write', fromDispatch: true });
  assert.deepEqual(nextDirection(base, []), { dir: 'none', fromDispatch: false });
});
