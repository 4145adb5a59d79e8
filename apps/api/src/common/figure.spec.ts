import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { figure } from './figure.model.js';
import { quarterOf } from '../comparison/meeting-rollups.service.js';

describe('figures for regional eyes', () => {
  it('shows a suppressed count as "< threshold" with no value, and nothing as "–"', () => {
    assert.deepEqual(figure(null, 3), { value: null, suppressed: true, display: '< 3' });
    assert.deepEqual(figure(null, 5, true), { value: null, suppressed: false, display: '–' });
    assert.deepEqual(figure('12', 3), { value: 12, suppressed: false, display: '12' });
    assert.deepEqual(figure(0, 3), { value: 0, suppressed: false, display: '0' });
  });

  it('puts a meeting in its Stockholm quarter, also at the turn of the year', () => {
    assert.equal(quarterOf(new Date('2025-12-31T23:30:00Z')), '2026-01-01');
    assert.equal(quarterOf(new Date('2025-12-31T22:30:00Z')), '2025-10-01');
    assert.equal(quarterOf(new Date('2026-06-30T21:59:00Z')), '2026-04-01');
  });
});
