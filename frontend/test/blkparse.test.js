import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { blkparseWriter, formatLine } from '../src/blkparse.js';
import { createLog, matches } from '../src/logmodel.js';

const T0 = 10_000_000_000;
const ev = (us, cpu, pid, action, rwbs, sector, sectors, comm, count = -1) =>
  ({ t: T0 + us * 1000, cpu, pid, action, rwbs, sector, sectors, comm, count, kind: 'x' });

// blktrace-format.md §8, without the message line (blkflow has no messages in the live log).
const events = [
  ev(0, 0, 1234, 'Q', 'WS', 2048, 8, 'fio-writer'),
  ev(5, 1, 4321, 'Q', 'R', 100000, 16, 'dd'),
  ev(10, 0, 1234, 'G', 'WS', 2048, 8, 'fio-writer'),
  ev(15, 1, 4321, 'G', 'R', 100000, 16, 'dd'),
  ev(20, 0, 1234, 'P', 'WS', 2048, 8, 'fio-writer'),
  ev(25, 1, 4321, 'I', 'R', 100000, 16, 'dd'),
  ev(30, 0, 1234, 'Q', 'WS', 2056, 8, 'fio-writer'),
  ev(40, 0, 1234, 'M', 'WS', 2056, 8, 'fio-writer'),
  ev(50, 0, 1234, 'I', 'WS', 2048, 16, 'fio-writer'),
  ev(60, 0, 1234, 'U', 'WS', 0, 0, 'fio-writer', 1),
  ev(100, 0, 1234, 'D', 'WS', 2048, 16, 'fio-writer'),
  ev(200, 1, 4321, 'D', 'R', 100000, 16, 'dd'),
  ev(250, 1, 4321, 'R', 'R', 100000, 16, 'dd'),
  ev(300, 1, 4321, 'D', 'R', 100000, 16, 'dd'),
  ev(800, 1, 0, 'C', 'R', 100000, 16, null),
  ev(1100, 0, 0, 'C', 'WS', 2048, 16, null),
];

const expected = `  8,0    0        1     0.000000000  1234  Q  WS 2048 + 8 [fio-writer]
  8,0    1        1     0.000005000  4321  Q   R 100000 + 16 [dd]
  8,0    0        2     0.000010000  1234  G  WS 2048 + 8 [fio-writer]
  8,0    1        2     0.000015000  4321  G   R 100000 + 16 [dd]
  8,0    0        3     0.000020000  1234  P   N [fio-writer]
  8,0    1        3     0.000025000  4321  I   R 100000 + 16 [dd]
  8,0    0        4     0.000030000  1234  Q  WS 2056 + 8 [fio-writer]
  8,0    0        5     0.000040000  1234  M  WS 2056 + 8 [fio-writer]
  8,0    0        6     0.000050000  1234  I  WS 2048 + 16 [fio-writer]
  8,0    0        7     0.000060000  1234  U   N [fio-writer] 1
  8,0    0        8     0.000100000  1234  D  WS 2048 + 16 [fio-writer]
  8,0    1        4     0.000200000  4321  D   R 100000 + 16 [dd]
  8,0    1        5     0.000250000  4321  R   R 100000 + 16 [0]
  8,0    1        6     0.000300000  4321  D   R 100000 + 16 [dd]
  8,0    1        7     0.000800000     0  C   R 100000 + 16 [0]
  8,0    0        9     0.001100000     0  C  WS 2048 + 16 [0]`.split('\n');

test('the reference trace of blktrace-format.md §8 comes out line for line', () => {
  const w = blkparseWriter();
  assert.deepEqual(events.map(e => w.line(e)), expected);
});

test('a transition without a blktrace action gets no line and uses no sequence number', () => {
  const w = blkparseWriter();
  w.line(ev(0, 0, 1, 'Q', 'R', 0, 8, 'fio'));
  assert.equal(w.line({ ...ev(1, 0, 1, null, 'R', 0, 8, 'fio'), kind: 'tag_get' }), null);
  assert.match(w.line(ev(2, 0, 1, 'G', 'R', 0, 8, 'fio')), /^ {2}8,0 {4}0 {8}2 /);
});

test('rewinding renumbers from the transitions left in the log', () => {
  const w = blkparseWriter();
  const kept = events.slice(0, 3).map(t => ({ t }));
  events.forEach(e => w.line(e));
  w.rewind(kept);
  assert.equal(w.line(events[3]), expected[3]);
});

test('seconds roll over past 1 s of simulated time', () => {
  const line = formatLine({ t: 2_500_000_001, cpu: 12, pid: 7, action: 'C', rwbs: 'W', sector: 8,
    sectors: 8, comm: 'x', count: -1 }, 3, 0);
  assert.equal(line, '  8,0   12        3     2.500000001     7  C   W 8 + 8 [0]');
});

// A model run of several null_blk devices: each transition's dev printed as the exports print it
// (nullbN as 8,16N), and numbered per device and CPU, as blktrace keeps a sequence per device's CPU buffer.
test('two devices: each line on its own device, numbered per device and CPU', () => {
  const on = (dev, e) => ({ ...e, dev });
  const w = blkparseWriter();
  const lines = [
    on(0, ev(0, 0, 1000, 'Q', 'R', 0, 8, 'fio')),
    on(0, ev(0, 0, 1000, 'G', 'R', 0, 8, 'fio')),
    on(1, ev(1, 0, 1000, 'Q', 'W', 64, 8, 'fio')),
    on(1, ev(2, 1, 1001, 'U', 'N', 0, 0, 'fio', 1)),
    on(0, ev(3, 1, 1001, 'D', 'R', 0, 8, 'fio')),
    on(1, ev(4, 0, 1000, 'G', 'W', 64, 8, 'fio')),
    on(3, ev(5, 0, 0, 'C', 'R', 512, 8, null)),
  ].map(e => w.line(e));
  assert.deepEqual(lines, [
    '  8,0    0        1     0.000000000  1000  Q   R 0 + 8 [fio]',
    '  8,0    0        2     0.000000000  1000  G   R 0 + 8 [fio]',
    '  8,16   0        1     0.000001000  1000  Q   W 64 + 8 [fio]',
    '  8,16   1        1     0.000002000  1001  U   N [fio] 1',
    '  8,0    1        1     0.000003000  1001  D   R 0 + 8 [fio]',
    '  8,16   0        2     0.000004000  1000  G   W 64 + 8 [fio]',
    '  8,48   0        1     0.000005000     0  C   R 512 + 8 [0]',
  ]);
});

test('X prints the front piece and where the remainder starts, as blkparse does', () => {
  assert.equal(formatLine({ t: 0, cpu: 0, pid: 7, action: 'X', rwbs: 'R', sector: 0, sectors: 256, comm: 'fio', count: 256 }, 1, 0),
    '  8,0    0        1     0.000000000     7  X   R 0 / 256 [fio]');
});

// The shared-tags-70 run (two devices) as the server streams it, beside the server's own blkparse export of
// the same run (both written by StreamFixtureTest): the log prints every line of the export. blkparse sorts
// a nanosecond's events by device first, so lines are compared in order per device and CPU.
test("the log of a two-device run prints the server's blkparse export, line for line per device and CPU", () => {
  const fixture = JSON.parse(readFileSync(new URL('./fixtures/shared-tags-70.json', import.meta.url)));
  const exported = readFileSync(new URL('./fixtures/shared-tags-70.blkparse.txt', import.meta.url), 'utf8')
    .split('\n').filter(l => /^ *\d+,\d+ +\d+ +\d+ /.test(l));
  const log = createLog();
  log.source(null);
  const logged = log.append(fixture.transitions).map(e => e.line).filter(Boolean);
  const byDeviceAndCpu = lines => {
    const groups = {};
    for (const l of lines) (groups[l.trim().split(/ +/).slice(0, 2).join(' ')] ??= []).push(l);
    return groups;
  };
  assert.deepEqual(Object.keys(byDeviceAndCpu(exported)).sort(), ['8,0 0', '8,16 1']);
  assert.deepEqual(byDeviceAndCpu(logged), byDeviceAndCpu(exported));
  assert.equal(logged.length, exported.length);
});

test("the log's device filter keeps one device's lines and notes, as blkparse -i of one disk would print them", () => {
  const fixture = JSON.parse(readFileSync(new URL('./fixtures/shared-tags-70.json', import.meta.url)));
  const log = createLog();
  log.source(null);
  const entries = log.append(fixture.transitions);
  const nullb1 = entries.filter(e => matches(e, { action: '', cpu: '', req: '', device: '8,16' }));
  assert.deepEqual(nullb1.map(e => e.seq), fixture.transitions.filter(t => t.dev === 1).map(t => t.seq));
  assert.ok(nullb1.filter(e => e.line).every(e => e.line.startsWith('  8,16 ')));
  assert.equal(entries.filter(e => matches(e, { action: '', cpu: '', req: '', device: '' })).length, entries.length);
});
