import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectionBadge } from '../src/connection.js';

test('an open socket reads as connected', () => {
  assert.equal(connectionBadge('open').text, 'connected');
});

test('an unknown state reads as disconnected, never as connected', () => {
  assert.equal(connectionBadge('weird').text, 'disconnected');
  assert.notEqual(connectionBadge('closed').colour, connectionBadge('open').colour);
});
