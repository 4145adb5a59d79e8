import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { requiredForQuorum } from './quorum.js';

describe('requiredForQuorum', () => {
  it('is more than half of the seats', () => {
    assert.deepEqual(
      [1, 2, 3, 6, 7, 11, 101].map((s) => requiredForQuorum(s, 0.5)),
      [1, 2, 2, 4, 4, 6, 51],
    );
  });

  it('handles shares that floating point cannot represent exactly', () => {
    assert.equal(requiredForQuorum(9, 2 / 3), 7);
    assert.equal(requiredForQuorum(6, 2 / 3), 5);
  });

  it('never asks for more than all seats', () => {
    assert.equal(requiredForQuorum(5, 1), 5);
  });

  it('is null for a seat count that is not a positive whole number', () => {
    assert.equal(requiredForQuorum(0, 0.5), null);
    assert.equal(requiredForQuorum(4.5, 0.5), null);
    assert.equal(requiredForQuorum(Number.NaN, 0.5), null);
  });
});
