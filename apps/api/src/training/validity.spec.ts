import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { addMonths, validUntil } from './validity.js';

describe('training validity', () => {
  it('is valid through the day before the same date validity-months later', () => {
    assert.equal(validUntil('2025-03-15', 12), '2026-03-14');
    assert.equal(validUntil('2025-03-15', 1), '2025-04-14');
  });

  it('keeps the day of the month where it exists, else the last day', () => {
    assert.equal(addMonths('2025-01-31', 1), '2025-02-28');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(validUntil('2025-01-31', 1), '2025-02-27');
    assert.equal(addMonths('2025-11-30', 3), '2026-02-28');
  });

  it('never expires without a validity', () => {
    assert.equal(validUntil('2025-03-15', null), null);
  });
});
