import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sizeLabel, sizeRows } from '../src/block-sizes.js';

test('sizes are labelled in their shortest exact unit', () => {
  assert.deepEqual([512, 1024, 1536, 4096, 65536, 1048576].map(sizeLabel), ['512', '1k', '1536', '4k', '64k', '1m']);
});

test('rows stack reads and writes and give each size its share of every bio', () => {
  const rows = sizeRows({ blockSizes: [{ bs: 512, read: 8, write: 2 }, { bs: 4096, read: 50, write: 10 }], blockSizesOther: 30 });
  assert.deepEqual(rows.map(r => [r.label, r.total]), [['512', 10], ['4k', 60]]);
  assert.equal(rows[0].percent, 10, '10 of 100 bios, the 30 of other sizes counted in the whole');
  assert.equal(rows[1].percent, 60);
});

test('no chart before a bio is queued, nor for a replay without stats', () => {
  assert.equal(sizeRows(null), null);
  assert.equal(sizeRows({ blockSizes: [], blockSizesOther: 0 }), null);
});
