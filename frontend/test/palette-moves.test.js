import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inkOn, OKABE_ITO } from '../src/views/palette.js';
import { lastMove } from '../src/moves.js';

test('a request label is black on light job colours and white on dark ones', () => {
  assert.equal(inkOn('#E69F00'), '#000000');
  assert.equal(inkOn('#F0E442'), '#000000');
  assert.equal(inkOn('#000000'), '#ffffff');
  assert.equal(inkOn('#0072B2'), '#ffffff');
  assert.equal(OKABE_ITO.map(inkOn).length, 8);
});

test('the item that just moved: a request between queues, a bio merged into its request, nothing for a stamp', () => {
  assert.deepEqual(lastMove({ kind: 'insert', req: 4, bio: 9, from: 'plug:0', to: 'ctx:0' }),
    { key: 'req:4', from: 'plug:0', to: 'ctx:0', target: 'req:4' });
  assert.deepEqual(lastMove({ kind: 'backmerge', req: 4, bio: 9, from: 'task:0', to: 'merged' }),
    { key: 'bio:9', from: 'task:0', to: 'merged', target: 'req:4' });
  assert.equal(lastMove({ kind: 'tag_get', req: 4, bio: -1, from: null, to: null }), null);
  assert.equal(lastMove({ kind: 'queue', req: -1, bio: 1, from: 'none', to: 'task:0' }), null, 'a new bio appears, it does not move');
});
