import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fetchRetryingBusy, retryAfterMs } from '../src/busy-retry.js';

const answer = (status, retryAfter) => ({ status, headers: { get: h => (h === 'Retry-After' ? retryAfter : null) } });

test('a 429 is asked again after its Retry-After, and the later answer is returned', async () => {
  const answers = [answer(429, '2'), answer(200)];
  const slept = [];
  const res = await fetchRetryingBusy('/api/quiz', undefined, { fetch: async () => answers.shift(), sleep: async ms => slept.push(ms) });
  assert.equal(res.status, 200);
  assert.deepEqual(slept, [2000]);
});

test('after three busy answers the last one is returned for the page to show', async () => {
  let asked = 0;
  const res = await fetchRetryingBusy('/x', undefined, { fetch: async () => { asked++; return answer(429, '1'); }, sleep: async () => {} });
  assert.equal(res.status, 429);
  assert.equal(asked, 3);
});

test('any other answer, an error included, is returned at once', async () => {
  for (const status of [200, 400, 404, 413, 500]) {
    let asked = 0;
    const res = await fetchRetryingBusy('/x', undefined, { fetch: async () => { asked++; return answer(status); }, sleep: async () => assert.fail('no wait') });
    assert.equal(res.status, status);
    assert.equal(asked, 1);
  }
});

test('Retry-After is read as whole seconds, 1 s when missing or unreadable, at most 10 s', () => {
  assert.equal(retryAfterMs('3'), 3000);
  assert.equal(retryAfterMs(null), 1000);
  assert.equal(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT'), 1000);
  assert.equal(retryAfterMs('3600'), 10000);
});
