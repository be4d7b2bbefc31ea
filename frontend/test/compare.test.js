import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandTo, lockstepTarget, deltaRows, compareLink, timeCommands, lockstepUrl, queryOf, withSide, LINK_MAX } from '../src/compare.js';

test('each pane is stepped when near, sought when far or behind, and left alone at its end', () => {
  assert.deepEqual(commandTo({ step: 4, finished: false }, 5, 100), { cmd: 'step', n: 1 });
  assert.deepEqual(commandTo({ step: 4, finished: false }, 500, 100), { cmd: 'seek', step: 500 });
  assert.deepEqual(commandTo({ step: 9, finished: false }, 3, 100), { cmd: 'seek', step: 3 });
  assert.equal(commandTo({ step: 7, finished: false }, 7, 100), null);
  assert.equal(commandTo({ step: 7, finished: true }, 8, 100), null, 'a run that ended stays at its end');
});

test('lockstep targets follow the pane ahead, so panes that drifted (after play) meet again', () => {
  const panes = [{ step: 10 }, { step: 12 }];
  assert.equal(lockstepTarget('step', panes), 13);
  assert.equal(lockstepTarget('back', panes), 11);
  assert.equal(lockstepTarget('align', panes), 12);
  assert.equal(lockstepTarget('seek', panes, 40), 40);
  assert.equal(lockstepTarget('back', [{ step: 0 }, { step: 0 }]), 0);
});

test('the delta panel subtracts A from B, and says nothing where a side has no statistics', () => {
  const a = { completed: 10, iops: 1000, tagWaits: 0, simTimeNs: 5, latencyNs: { q2c: { p50: 100, p99: 300 } }, locks: [{ contentions: 7 }, { contentions: 2 }] };
  const b = { completed: 16, iops: 2500, tagWaits: 3, simTimeNs: 5, latencyNs: { q2c: { p50: 80, p99: 90 } }, locks: [] };
  const rows = Object.fromEntries(deltaRows(a, b).map(r => [r.name, r]));
  assert.equal(rows['completed I/Os'].delta, 6);
  assert.equal(rows['IOPS'].delta, 1500);
  assert.equal(rows['Q2C p99'].delta, -210);
  assert.equal(rows['lock contentions'].a, 9);
  assert.equal(rows['merges (M + F)'].delta, null, 'no merge counts given');
  assert.equal(deltaRows({ merges: { back: 2, front: 1 } }, { merges: { back: 5, front: 0 } }).find(r => r.name === 'merges (M + F)').delta, 2);
  assert.equal(rows['lock contentions'].delta, -9);
  assert.equal(rows['D2C p50'].delta, null, 'no D2C figures on either side');
  assert.ok(deltaRows(a, null).every(r => r.delta === null));
});

test('a comparison link names the preset, the lockstep when by step, and the step', () => {
  assert.equal(compareLink('sq-vs-mq', 0), '/?compare=sq-vs-mq');
  assert.equal(compareLink('3.16-vs-7.0', 12), '/?compare=3.16-vs-7.0&step=12');
  assert.equal(compareLink('sq-vs-mq', 3, true), '/?compare=sq-vs-mq&lock=step&step=3');
  assert.equal(compareLink({ id: 'trace' }, 3), null, 'an uploaded trace has no link');
});

test('a custom comparison carries both sides as %-encoded link queries, the step once, and edits make one', () => {
  const cmp = { id: 'custom', a: { link: '/?v=2&name=A+run&mode=sq&step=4' }, b: { link: '/?v=2&job=r,rw:read,n:8' } };
  const link = compareLink(cmp, 12, true);
  assert.equal(link, '/?compare=custom&a=v%3D2%26name%3DA%2Brun%26mode%3Dsq&b=v%3D2%26job%3Dr%2Crw%3Aread%2Cn%3A8&lock=step&step=12');
  const p = new URLSearchParams(link.split('?')[1]);
  assert.equal(p.get('a'), 'v=2&name=A+run&mode=sq', 'a side reads back as its link query, its own step dropped');
  assert.equal(p.get('b'), queryOf(cmp.b.link));
  assert.equal(p.get('step'), '12');
  const preset = { id: 'sq-vs-mq', a: { label: 'sq', link: '/?v=2&mode=sq' }, b: { label: 'mq', link: '/?v=2' } };
  const edited = withSide(preset, 'B', '/?v=2&hw=4', 'mine');
  assert.equal(edited.id, 'custom');
  assert.deepEqual([edited.a, edited.b], [preset.a, { label: 'mine', link: '/?v=2&hw=4' }]);
  assert.equal(withSide({ id: 'trace', a: { label: 't', link: null }, b: preset.b }, 'B', '/?v=2&hw=2', 'm').id, 'trace',
    'beside a trace an edited model is still a trace comparison, which no link carries');
  assert.equal(LINK_MAX, 4096);
});

test('by virtual time a step moves the pane behind, back the pane ahead, both when level', () => {
  const a = { step: 5, t: 900, finished: false }, b = { step: 9, t: 400, finished: false };
  assert.deepEqual(timeCommands('step', [a, b]), [null, { cmd: 'step', n: 1 }]);
  assert.deepEqual(timeCommands('back', [a, b]), [{ cmd: 'seek', step: 4 }, null]);
  const level = { step: 0, t: 0, finished: false };
  assert.deepEqual(timeCommands('step', [level, level]), [{ cmd: 'step', n: 1 }, { cmd: 'step', n: 1 }]);
  assert.deepEqual(timeCommands('back', [level, level]), [null, null], 'nothing before step 0');
  assert.deepEqual(timeCommands('step', [{ ...b, finished: true }, a]), [null, { cmd: 'step', n: 1 }], 'a finished run waits');
  assert.equal(lockstepUrl('/?v=2&cpus=2&step=7', 1500), '/api/lockstep?t=1500&v=2&cpus=2');
});

test('the model beside a trace runs the fio jobs on the machine\'s CPU map, cut to the CPUs the model runs', async () => {
  const { modelOf } = await import('../src/views/compare-trace.js');
  const fio = { jobs: [{ name: 'w', cpus: [43] }], cpus: 44 };
  assert.deepEqual(modelOf(fio, null).scenario, { name: 'Model of the traced workload', jobs: fio.jobs, cpus: 44 });
  const big = { cpuToHctx: Array.from({ length: 128 }, (_, c) => (c >> 3) % 16), cpus: 128, hwQueues: 16 };
  const { scenario, cut } = modelOf(fio, big);
  assert.equal(scenario.cpus, 44);
  assert.deepEqual(scenario.mapping, big.cpuToHctx.slice(0, 44));
  assert.equal(scenario.hwQueues, 16);
  assert.match(cut, /first 44 of 128 CPUs/);
  const small = { cpuToHctx: [0, 0, 1, 1], cpus: 4, hwQueues: 2 };
  const whole = modelOf({ jobs: [], cpus: 1 }, small);
  assert.equal(whole.scenario.cpus, 4, 'a map the model can run is taken whole');
  assert.equal(whole.cut, '');
});
