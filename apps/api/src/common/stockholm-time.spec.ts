import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { localDate, localTime } from './stockholm-time.js';

describe('Stockholm local time', () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    assert.equal(localTime(2026, 1, 15, 18).toISOString(), '2026-01-15T17:00:00.000Z');
    assert.equal(localTime(2026, 6, 15, 18).toISOString(), '2026-06-15T16:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    // 29 March 2026: 02:00 → 03:00; 25 October 2026: 03:00 → 02:00.
    assert.equal(localTime(2026, 3, 29, 1).toISOString(), '2026-03-29T00:00:00.000Z');
    assert.equal(localTime(2026, 3, 29, 4).toISOString(), '2026-03-29T02:00:00.000Z');
    assert.equal(localTime(2026, 10, 25, 12).toISOString(), '2026-10-25T11:00:00.000Z');
  });

  it('gives the local calendar date near midnight', () => {
    assert.equal(localDate(new Date('2026-06-14T22:30:00Z')), '2026-06-15');
    assert.equal(localDate(new Date('2026-01-14T22:30:00Z')), '2026-01-14');
  });
});
