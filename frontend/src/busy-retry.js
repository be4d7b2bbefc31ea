// A server that is busy says so with 429 and Retry-After (its replays from step 0 wait their turn, and
// only an overfull queue is refused). Such an answer is asked again after the time it names, a few
// times, before the page shows the refusal: a class asking the same quiz at once still gets answers.

const TRIES = 3;
const MAX_WAIT_S = 10;

/**
 * fetch(url, init), asked again on 429 after its Retry-After (1 s when absent, at most 10 s), up to
 * three tries; the last answer is returned as it is. {@code deps} lets the tests replace fetch and sleep.
 */
export async function fetchRetryingBusy(url, init, deps = {}) {
  const get = deps.fetch ?? ((u, i) => fetch(u, i));
  const sleep = deps.sleep ?? (ms => new Promise(r => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    const res = await get(url, init);
    if (res.status !== 429 || attempt >= TRIES) return res;
    await sleep(retryAfterMs(res.headers?.get?.('Retry-After')));
  }
}

/** Retry-After in whole seconds (the server sends no dates), bounded so a page never waits long. */
export function retryAfterMs(header) {
  const s = Number.parseInt(header ?? '', 10);
  return 1000 * (Number.isFinite(s) && s >= 0 ? Math.min(s, MAX_WAIT_S) : 1);
}
