import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseList, showList, fromInput } from '../src/scenario-form.js';

// The editor's fields as the server renders them into the page (PageDefaultsTest keeps this file
// equal to PageDefaults.java's output).
const PAGE = JSON.parse(readFileSync(new URL('./page-defaults.json', import.meta.url)));
const { top: TOP_FIELDS, job: JOB_FIELDS } = PAGE.fields;

test('mapping and job CPU lists read the words and the lists people type', () => {
  assert.equal(parseList('kernel', 'kernel'), 'kernel');
  assert.equal(parseList('', 'all'), 'all');
  assert.deepEqual(parseList('0, 0,1 1', 'kernel'), [0, 0, 1, 1]);
  assert.equal(showList([0, 1], 'all'), '0,1');
  assert.equal(showList(null, 'all'), 'all');
});

test('form values become scenario JSON values', () => {
  const field = p => [...TOP_FIELDS, ...JOB_FIELDS].find(f => f.path === p);
  assert.equal(fromInput(field('cpus'), '6'), 6);
  assert.equal(fromInput(field('merging'), 'on', false), false);
  assert.deepEqual(fromInput(field('mapping'), '0,0,1'), [0, 0, 1]);
  assert.equal(fromInput(field('bs'), ''), null);
});

test('a server problem lands on its field or the nearest enclosing one the form has', async () => {
  const { fieldOfProblem } = await import('../src/scenario-form.js');
  const form = new Set(['cpus', 'mapping', 'jobs[0].cpus', 'jobs[1].bs']);
  const has = p => form.has(p);
  assert.equal(fieldOfProblem('cpus', has), 'cpus');
  assert.equal(fieldOfProblem('scenario.jobs[1].bs', has), 'jobs[1].bs');
  assert.equal(fieldOfProblem('mapping[2]', has), 'mapping');
  assert.equal(fieldOfProblem('jobs[0].cpus[3]', has), 'jobs[0].cpus');
  assert.equal(fieldOfProblem('jobs', has), null);
});

test('an empty number is a problem naming the field and its range, not a default', async () => {
  const { emptyNumberProblem } = await import('../src/scenario-form.js');
  const limits = { cpus: [1, 64], 'jobs.bs': [512, 524288] };
  assert.equal(emptyNumberProblem('cpus', limits).message, 'cpus is empty: must be a number between 1 and 64');
  assert.equal(emptyNumberProblem('jobs[2].bs', limits, true).message, 'jobs[2].bs is not a number: must be a number between 512 and 524288');
  assert.equal(emptyNumberProblem('seed', limits).message, 'seed is empty: must be a number');
});

test('bssplit is typed as fio writes it and shown the way links write it', async () => {
  const { parseSplit, showSplit } = await import('../src/scenario-form.js');
  const field = PAGE.fields.job.find(f => f.path === 'bssplit');
  assert.equal(field.type, 'bssplit');
  const iometer = '512/10:1k/5:2k/5:4k/60:8k/2:16k/4:32k/4:64k/10';
  const split = fromInput(field, iometer);
  assert.deepEqual(split.map(e => e.bs), [512, 1024, 2048, 4096, 8192, 16384, 32768, 65536]);
  assert.equal(split.reduce((n, e) => n + e.percent, 0), 100);
  assert.equal(showSplit(split), iometer);
  assert.equal(parseSplit(''), null, 'empty: one size, no mix');
  assert.equal(showSplit(null), '');
  assert.equal(parseSplit('4k-60'), '4k-60', 'unreadable text goes to the server as it is, to be named there');
});

test("xen-blkback's fields nest under the device: device.backend.cpus reads and writes device.backend", async () => {
  const { getAt, setAt } = await import('../src/scenario-form.js');
  const backend = PAGE.fields.device.find(f => f.path === 'device.backend.cpus');
  assert.ok(backend, 'the page offers dom0 vCPUs among the device fields');
  const device = { driver: 'xen-blkfront' };
  setAt(device, 'backend.cpus', 16);
  setAt(device, 'backend.persistentGrants', false);
  assert.deepEqual(device, { driver: 'xen-blkfront', backend: { cpus: 16, persistentGrants: false } });
  assert.equal(getAt(device, 'backend.cpus'), 16);
  assert.equal(getAt({}, 'backend.cpus'), undefined);
});

test('a field with shownWhen cases is shown while any case holds; a job case reads the same job', async () => {
  const { isShown } = await import('../src/scenario-form.js');
  const sched = { path: 'scheduler', shownWhen: [{ field: 'mode', in: ['sq'] }, { field: 'kernel', in: ['7.0'] }] };
  const form = { mode: 'mq', kernel: '3.16', 'jobs[0].ioengine': 'libaio', 'jobs[1].ioengine': 'io_uring' };
  const at = p => form[p];
  assert.equal(isShown(sched, 'scheduler', at), false);
  assert.equal(isShown(sched, 'scheduler', p => ({ ...form, kernel: '7.0' })[p]), true);
  assert.equal(isShown(sched, 'scheduler', p => ({ ...form, mode: 'sq' })[p]), true);
  const hipri = { path: 'jobs.hipri', shownWhen: [{ field: 'jobs.ioengine', in: ['io_uring'] }] };
  assert.equal(isShown(hipri, 'jobs[0].hipri', at), false);
  assert.equal(isShown(hipri, 'jobs[1].hipri', at), true);
  assert.equal(isShown({ path: 'cpus' }, 'cpus', at), true, 'no cases: always');
});
