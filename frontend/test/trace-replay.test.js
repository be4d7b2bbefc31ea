// A replayed trace shown honestly: its own device numbers, only its CPUs under their own numbers,
// and narration that says what the trace recorded — never a 3.16 function or a tag it does not have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layout } from '../src/layout.js';
import { createLog } from '../src/logmodel.js';
import { narrate } from '../src/narration.js';
import { KINDS } from '../src/narration.js';
import { initialState } from '../src/state.js';

const traceLoaded = {
  type: 'loaded', scenario: null, link: null, preset: null,
  trace: { id: 'abc', lines: 9, cpus: [29, 43], devices: ['252,0'], skipped: 0 },
  topology: { cpus: 44, hwQueues: 1, queueDepth: 3, cpuToHctx: Array(44).fill(0) },
};

const move = (over) => ({
  seq: 0, t: 1_000_000_000, kind: 'queue', fn: 'block_bio_queue', action: 'Q', cpu: 29, pid: 4242, comm: 'kworker/29:1',
  bio: 0, req: -1, ctx: 29, hctx: 0, tag: -1, sector: 2048, sectors: 8, rwbs: 'W', from: 'none', to: 'task:29', count: -1, ...over,
});

test('a trace on CPUs 29 and 43 is drawn as two CPU columns named 29 and 43', () => {
  const state = initialState(traceLoaded);
  const geo = layout(state.topology, { width: 960 });
  assert.deepEqual(geo.cpus.map(c => c.cpu), [29, 43]);
  assert.deepEqual(geo.ctxs.map(c => c.ctx), [29, 43]);
  assert.ok(geo.places.has('task:43') && geo.places.has('ctx:29') && !geo.places.has('task:0'));
  assert.ok(geo.cpus[0].w > 300, `each column is wide: ${geo.cpus[0].w}`);
  assert.deepEqual(geo.edges.map(e => [e.i, e.ctx, e.hctx]), [[0, 29, 0], [1, 43, 0]]);
});

test('a model run still draws every CPU', () => {
  const geo = layout({ cpus: 4, hwQueues: 2, cpuToHctx: [0, 0, 1, 1] }, { width: 960 });
  assert.deepEqual(geo.cpus.map(c => c.cpu), [0, 1, 2, 3]);
});

test("the log prints the trace's device, a model run's stays 8,0", () => {
  const log = createLog();
  log.source(traceLoaded.trace);
  const [e] = log.append([move({})]);
  assert.match(e.line, /^252,0 +29 +1 +0\.000000000 +4242 +Q +W 2048 \+ 8 \[kworker\/29:1\]$/);
  log.clear();
  log.source(null);
  assert.match(log.append([move({})])[0].line, /^ {2}8,0 /);
});

test("a trace of two devices prints each line on its own, numbered per device and CPU", () => {
  const log = createLog();
  log.source({ ...traceLoaded.trace, devices: ['252,0', '8,16'] });
  const lines = log.append([move({ dev: 0 }), move({ seq: 1, dev: 1 }), move({ seq: 2, dev: 1, action: 'G', kind: 'getrq' }),
    move({ seq: 3, dev: 0, action: 'G', kind: 'getrq' })]).map(e => e.line.trim().split(/ +/).slice(0, 3).join(' '));
  assert.deepEqual(lines, ['252,0 29 1', '8,16 29 1', '8,16 29 2', '252,0 29 2']);
});

test('trace narration says what was recorded, never 3.16 or a tag of -1', () => {
  for (const kind of KINDS) {
    const text = narrate(move({ kind, action: kind === 'queue' ? 'Q' : 'D', req: 3, fn: `block_${kind}` }), 'ctx:29', true);
    assert.doesNotMatch(text, /3\.16|tag -1|tag \$|undefined|NaN/, `${kind}: ${text}`);
  }
  assert.match(narrate(move({}), undefined, true), /^The trace recorded Q on CPU 29: kworker\/29:1 \(pid 4242\) queued a write of 8 sectors at 2048/);
  const free = createLog();
  free.source(traceLoaded.trace);
  const [note] = free.append([move({ kind: 'free', action: null, fn: 'blk_mq_free_request', req: 3 })]);
  assert.doesNotMatch(note.text, /tag/);
});
