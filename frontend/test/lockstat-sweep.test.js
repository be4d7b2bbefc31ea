import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lockRows, topLock, parseSite, usecs, COLUMNS } from '../src/lockstat.js';
import { sweepBody, parseValues, takeLines, seriesOf, STORY_VARY, XEN_KEYS, xenPoint } from '../src/sweep.js';
import { ringUse, poolUse, driverLabel } from '../src/ring.js';

const lock = (name, contentions, acquisitions, extra = {}) => ({ name, contentions, acquisitions, waitTimeMinNs: 19200,
  waitTimeAvgNs: 79453, waitTimeMaxNs: 124860, holdTimeMinNs: 0, holdTimeAvgNs: 111, holdTimeMaxNs: 250, contendedBy: [], ...extra });

test('lockstat rows: only taken locks, most contended first and marked, times in µs', () => {
  const rows = lockRows([lock('ctx[0]->lock', 0, 0), lock('hctx[0]->lock', 2, 50), lock('queue_lock', 19, 1033,
    { contendedBy: ['blk_queue_bio: 7', 'get_request: 6'] })]);
  assert.deepEqual(rows.map(r => r.name), ['queue_lock', 'hctx[0]->lock']);
  assert.equal(rows[0].hottest, true);
  assert.equal(rows[1].hottest, false);
  assert.equal(rows[0].cells.length, COLUMNS.length);
  assert.deepEqual(rows[0].cells, ['queue_lock', '19', '19.20', '79.45', '124.86', '1033', '0.00', '0.11', '0.25']);
  assert.deepEqual(rows[0].sites, [{ fn: 'blk_queue_bio', count: 7 }, { fn: 'get_request', count: 6 }]);
});

test('no lock table when nothing was acquired; no "most contended" when nothing contended', () => {
  assert.equal(lockRows([lock('ctx[0]->lock', 0, 0)]), null);
  assert.equal(lockRows(undefined), null);
  assert.equal(lockRows([lock('a', 0, 3)])[0].hottest, false);
  assert.deepEqual(topLock([lock('io_lock', 9, 264), lock('x', 1, 2)]), { name: 'io_lock', contentions: 9 });
  assert.deepEqual(parseSite('blkif_interrupt: 2'), { fn: 'blkif_interrupt', count: 2 });
  assert.equal(usecs(1500), '1.50');
});

test('the story body sets 16 hardware queues and one greedy job, and keeps the rest of the scenario', () => {
  const body = sweepBody({ mode: 'mq', cpus: 4, seed: 7, scheduler: 'deadline', mapping: [0, 1, 2, 3],
    device: { irqMode: 'timer', driver: 'null_blk', slots: 4 }, jobs: [{ name: 'a' }, { name: 'b' }] }, STORY_VARY, true);
  assert.deepEqual(body.vary, { mode: ['sq', 'mq'], cpus: [1, 2, 4, 8, 16] });
  assert.equal(body.scenario.hwQueues, 16);
  assert.equal(body.scenario.mapping, 'kernel');
  assert.equal(body.scenario.scheduler, 'noop');
  assert.equal(body.scenario.seed, 7);
  assert.equal(body.scenario.device.irqMode, 'timer');
  assert.deepEqual(body.scenario.jobs.map(j => [j.rw, j.ioengine, j.iodepth, j.cpus]), [['randread', 'libaio', 32, 'all']]);
  const plain = sweepBody({ mode: 'mq', jobs: [{ name: 'a' }] }, { cpus: [1, 2] }, false);
  assert.deepEqual(plain.scenario.jobs, [{ name: 'a' }]);
});

test('values and NDJSON lines parse as they arrive', () => {
  assert.deepEqual(parseValues('sq, mq'), ['sq', 'mq']);
  assert.deepEqual(parseValues('1 2,4'), [1, 2, 4]);
  assert.deepEqual(parseValues('true,false'), [true, false]);
  const a = takeLines('{"point":0,"of":2}\n{"poi');
  assert.deepEqual(a.lines, [{ point: 0, of: 2 }]);
  assert.equal(a.rest, '{"poi');
  const b = takeLines(`${a.rest}nt":1,"of":2}\n{"done":true}\n`);
  assert.deepEqual(b.lines, [{ point: 1, of: 2 }, { done: true }]);
  assert.equal(b.rest, '');
});

test('sweep points become one line per mode, sorted by CPUs, with the top lock per point', () => {
  const pt = (point, mode, cpus, iops, locks = []) => ({ point, of: 4, mode, cpus, stats: { iops, locks } });
  const series = seriesOf([pt(3, 'mq', 2, 200), pt(0, 'sq', 1, 100, [lock('queue_lock', 5, 9)]), pt(2, 'mq', 1, 100),
    pt(1, 'sq', 2, 110, [lock('queue_lock', 40, 90)]), { point: 4, mode: 'sq', cpus: 4, error: 'run failed' }], 'mode', 'cpus', topLock);
  assert.deepEqual(series.map(s => s.name), ['mq', 'sq']);
  assert.deepEqual(series[0].points.map(p => [p.x, p.iops]), [[1, 100], [2, 200]]);
  assert.deepEqual(series[1].points.map(p => [p.lock, p.contentions]), [['queue_lock', 5], ['queue_lock', 40]]);
  assert.equal(series[0].points[0].lock, null);
  const calm = seriesOf([pt(0, 'mq', 1, 100, [lock('hctx[0]->lock', 0, 9)])], 'mode', 'cpus', topLock);
  assert.deepEqual([calm[0].points[0].lock, calm[0].points[0].contentions], [null, 0], 'an uncontended lock is no point\'s most contended');
});

test('the xen-blkfront sweep draws a line per ring layout against jobs, with dom0 CPU use per point', () => {
  const line = (point, rings, jobs, iops, cpuUse, published) => ({ point, of: 3, 'device.rings': rings, jobs, published,
    stats: { iops, locks: [lock('domU grant_table->lock', jobs, 9)], backend: { cpus: 16, cpuUse } } });
  const points = [line(2, 'per-hctx', 8, 800, 0.5, 372000), line(0, 'single-lock', 8, 200, 0.06, 89000),
    line(1, 'per-hctx', 1, 200, 0.06, 58000), { done: true }].map(xenPoint).filter(p => !p.done);
  const series = seriesOf(points, ...XEN_KEYS, topLock);
  assert.deepEqual(series.map(s => s.name), ['per-hctx', 'single-lock']);
  assert.deepEqual(series[0].points.map(p => [p.x, p.iops, p.backendCpuUse, p.contentions]), [[1, 200, 0.06, 1], [8, 800, 0.5, 8]]);
  assert.equal(series[0].points[1].lock, 'domU grant_table->lock');
  assert.deepEqual(series.map(s => s.points.map(p => p.published)), [[58000, 372000], [89000]],
    'each point keeps what was published there, sorted with it');
  const plain = seriesOf([{ point: 0, mode: 'mq', cpus: 1, stats: { iops: 1, locks: [] } }], 'mode', 'cpus', topLock);
  assert.equal(plain[0].points[0].backendCpuUse, null, 'no dom0, no CPU use');
  assert.equal(plain[0].points[0].published, null, 'a sweep of the user\'s own has nothing published');
});

const stateWith = (scenario, places) => ({ scenario, topology: { hwQueues: 2 }, places: new Map(Object.entries(places)),
  items: new Map(Object.values(places).flat().map(k => [k, {}])) });

test('xen-blkfront ring slots are the requests in device:N; null_blk has no ring', () => {
  const xen = { mode: 'sq', device: { driver: 'xen-blkfront', slots: 32 } };
  assert.deepEqual(ringUse(stateWith(xen, { 'device:0': ['req:1', 'req:2', 'req:3'], 'driver:0': ['req:4'] }), 32),
    [{ ring: 0, used: 3, free: 29, slots: 32 }]);
  const perHctx = { mode: 'mq', device: { driver: 'xen-blkfront', slots: 0, rings: 'per-hctx' } };
  assert.deepEqual(ringUse(stateWith(perHctx, { 'device:1': ['req:9'] }), 64).map(r => [r.used, r.free]), [[0, 64], [1, 63]],
    'slots 0: the ring size the server states');
  assert.deepEqual(ringUse(stateWith({ mode: 'sq', device: { driver: 'null_blk' } }, {}), 32), []);
  assert.deepEqual(poolUse(stateWith({ nrRequests: 128 }, { 'elv:0': ['req:1', 'bio:4'] })), { used: 1, of: 128 });
  assert.match(driverLabel(xen), /xen-blkfront.*do_blkif_request/);
});
