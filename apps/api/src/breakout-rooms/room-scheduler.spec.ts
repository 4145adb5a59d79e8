import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { planJobs } from './room-scheduler.service.js';

describe('planning room jobs', () => {
  it('gives the same ids for the same plan and new ids when the meeting moves', () => {
    const a = planJobs('t', 'm', [1000, 2000, 3000], 500, 0);
    assert.deepEqual(a, planJobs('t', 'm', [3000, 1000, 2000, 2000], 500, 0));
    assert.deepEqual(
      a.map((j) => j.id),
      ['room-sync__t__m__1000', 'room-sync__t__m__2000', 'room-sync__t__m__3000', 'link-delivery__t__m__500'],
    );
    const moved = planJobs('t', 'm', [1600, 2600, 3600], 1100, 0);
    assert.equal(moved.filter((j) => a.some((o) => o.id === j.id)).length, 0);
  });

  it('collapses edges already past into the latest one, which runs now', () => {
    const jobs = planJobs('t', 'm', [1000, 2000, 3000], null, 2500);
    assert.deepEqual(
      jobs.map((j) => j.at),
      [2000, 3000],
    );
  });
});
