import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageAck } from '../src/page-ack.js';

const recorder = () => { const sent = []; return { sent, ack: pageAck(cmd => sent.push(cmd)) }; };

test('a frame acks the step it drew once, and not again while nothing moves', () => {
  const { sent, ack } = recorder();
  ack.received({ type: 'transitions', items: [] });
  ack.drawn(5);
  ack.drawn(5);
  ack.received({ type: 'stats' });
  ack.drawn(5);
  assert.deepEqual(sent, [{ cmd: 'ack', step: 5 }]);
});

test('a step-moving message that lands on the acked step is acked again, since the server waits for it', () => {
  for (const msg of [{ type: 'loaded' }, { type: 'state', snapshot: {} }, { type: 'transitions', items: [] }]) {
    const { sent, ack } = recorder();
    ack.drawn(0);
    ack.received(msg);
    ack.drawn(0);
    assert.deepEqual(sent, [{ cmd: 'ack', step: 0 }, { cmd: 'ack', step: 0 }], msg.type);
  }
});

test('a state message without a snapshot (a pause confirmed) does not owe an ack', () => {
  const { sent, ack } = recorder();
  ack.drawn(3);
  ack.received({ type: 'state', playing: false });
  ack.drawn(3);
  assert.equal(sent.length, 1);
});

test('a new step is acked even without a message (a step back drawn from the page log)', () => {
  const { sent, ack } = recorder();
  ack.drawn(7);
  ack.drawn(6);
  assert.deepEqual(sent.map(c => c.step), [7, 6]);
});
