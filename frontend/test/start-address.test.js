import { test } from 'node:test';
import assert from 'node:assert/strict';
import { presetAsked, unknownPreset, DEFAULT_PRESET } from '../src/start-address.js';

test('a preset named in the address, with or without a step', () => {
  assert.deepEqual(presetAsked('?preset=kyber-70&step=40', 1000), { id: 'kyber-70', step: 40, problem: null });
  assert.deepEqual(presetAsked('?preset=nvme-70', 1000), { id: 'nvme-70', step: 0, problem: null });
  assert.deepEqual(presetAsked('?preset=nvme-70&step=', 1000), { id: 'nvme-70', step: 0, problem: null });
});

test('a step alone is that step of the preset the page opens with, and is checked the same way', () => {
  assert.deepEqual(presetAsked('?step=40', 1000), { id: DEFAULT_PRESET, step: 40, problem: null });
  assert.equal(presetAsked('?step=1001', 1000).problem, 'step: a whole number from 0 to 1000');
});

test('neither a preset nor a step key, or a full link (v=1), is not a preset request', () => {
  assert.equal(presetAsked('', 1000), null);
  assert.equal(presetAsked('?lesson=plugging&stop=2', 1000), null);
  assert.equal(presetAsked('?v=1&cpus=4&preset=figure1&step=3', 1000), null);
});

test('a step outside 0..max or not a whole number names the field and the range', () => {
  for (const bad of ['-1', '1.5', 'x', '1001', '99999999999']) {
    const r = presetAsked(`?preset=figure1&step=${bad}`, 1000);
    assert.equal(r.problem, 'step: a whole number from 0 to 1000', bad);
    assert.equal(r.step, 0);
  }
  assert.equal(presetAsked('?preset=figure1&step=1000', 1000).step, 1000);
});

test('an id that cannot be a preset is refused before any lookup, without echoing it', () => {
  const r = presetAsked('?preset=%3Cscript%3E', 1000);
  assert.equal(r.id, null);
  assert.match(r.problem, /^preset: /);
  assert.ok(!r.problem.includes('<script>'));
});

test('an unknown id names the presets there are', () => {
  assert.equal(unknownPreset('nope', [{ id: 'figure1' }, { id: 'nvme-70' }]),
    'preset: there is no preset "nope"; the presets are figure1, nvme-70');
});
