import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSession } from '../src/session.js';
import { key, itemsAt } from '../src/state.js';
import { matches } from '../src/logmodel.js';
import { loaded, stream } from './stream.js';

function played() {
  const s = createSession();
  s.handle(loaded());
  const ts = stream().syncRead(0, 0).dispatch(0).finish(0, [0]).out;
  s.handle({ type: 'transitions', items: ts.slice(0, 5) });
  s.handle({ type: 'transitions', items: ts.slice(5) });
  return { s, ts };
}

test('transitions grow the log by one entry each, blkparse lines only for actions', () => {
  const { s, ts } = played();
  assert.equal(s.log.length, ts.length);
  assert.equal(s.log.entries.filter(e => e.line).length, ts.filter(t => t.action).length);
  assert.equal(s.last.seq, ts.length - 1);
  assert.equal(s.state.items.size, 0);
});

test('a seek back replays the log: the request is back on its queue and later lines are gone', () => {
  const { s } = played();
  s.handle({ type: 'state', step: 4, t: 0, playing: false, finished: false, reason: 'seek',
    snapshot: { items: [], hctxs: [] } });
  assert.equal(s.log.length, 4);
  assert.equal(s.state.step, 4);
  assert.equal(s.state.items.get(key('req', 0)).place, 'ctx:0');
  assert.equal(s.state.counters.completed, 0);
  assert.equal(s.last.kind, 'insert');
});

test('a seek beyond the log lands on the snapshot and drops the log', () => {
  const s = createSession();
  s.handle(loaded());
  s.handle({ type: 'state', step: 500, t: 1, playing: false, finished: false, reason: 'seek', snapshot: {
    items: [{ type: 'req', id: 7, place: 'device:0', cpu: 0, sector: 0, sectors: 8, rwbs: 'R', tag: 1, req: 7, bios: [] }],
    hctxs: [] } });
  assert.equal(s.state.step, 500);
  assert.equal(itemsAt(s.state, 'device:0')[0].id, 7);
  assert.equal(s.log.length, 0);
});

test('log filters pick by action, CPU and request', () => {
  const { s } = played();
  const d = s.log.entries.filter(e => matches(e, { action: 'D', cpu: '', req: '' }));
  assert.equal(d.length, 1);
  assert.equal(s.log.entries.filter(e => matches(e, { action: '-', cpu: '', req: '' })).every(e => !e.line), true);
  assert.equal(s.log.entries.filter(e => matches(e, { action: '', cpu: '1', req: '' })).length, 0);
});

test('landAt: a step back within the log is drawn at once; what was in flight is dropped until the answer', () => {
  const { s, ts } = played();
  const before = s.state.step;
  assert.equal(s.landAt(3), true);
  assert.equal(s.state.step, 3, 'landed without the server');
  assert.equal(s.log.length, 3);
  assert.equal(s.status.playing, false);
  // A message sent before the seek arrives: it belongs to the step the page has left.
  s.handle({ type: 'transitions', items: ts.slice(before - 2, before) });
  assert.equal(s.state.step, 3, 'the stale message is not applied');
  s.handle({ type: 'state', step: 3, t: 0, playing: false, finished: false, reason: 'seek', snapshot: { items: [], hctxs: [] } });
  assert.equal(s.log.length, 3, "the server's answer at the same step changes nothing");
  s.handle({ type: 'transitions', items: ts.slice(3, 5) });
  assert.equal(s.state.step, 5, 'after the answer, transitions apply again');
});

test('landAt refuses a step the log does not reach, and leaves the state alone', () => {
  const { s, ts } = played();
  assert.equal(s.landAt(ts.length + 10), false);
  assert.equal(s.state.step, ts.length);
  s.handle({ type: 'transitions', items: [] });
  assert.equal(s.awaitingSeek, false);
});
