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
