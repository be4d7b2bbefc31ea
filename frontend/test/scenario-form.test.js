import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseList, showList, fromInput, JOB_FIELDS, TOP_FIELDS } from '../src/scenario-form.js';

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
