// Figure 2's text for a hardware queue counts its tags as Figure 1's bar does: the normal tags, the
// reserved ones beside them (layout-devices.js's tagsInUse, reservedNote).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialState } from '../src/state.js';
import { inspectorView } from '../src/views/inspector.js';

function inspectHctx(reservedTags, used) {
  const state = initialState({
    scenario: { reservedTags, device: { driver: 'null_blk' } },
    topology: { cpus: 1, hwQueues: 1, queueDepth: 4, cpuToHctx: [0] },
    locks: [],
  });
  state.hctxs[0].tagsUsed = used;
  const el = { dataset: {}, innerHTML: '' };
  const view = inspectorView(el);
  view.select({ type: 'hctx', id: 0 });
  view.update(state);
  return el.innerHTML;
}

test('an hctx\'s tags are counted against its normal tags, the reserved ones named beside', () => {
  assert.match(inspectHctx(1, 3), /<th>tags<\/th><td>3 of 3 in use \(\+1 reserved\)<\/td>/);
  assert.match(inspectHctx(0, 2), /<th>tags<\/th><td>2 of 4 in use<\/td>/);
});
