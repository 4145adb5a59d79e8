import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { localTime } from '@motesplats/rules';
import { availableIntervals, expandWeekly, merge, rankCandidates, shiftOf, subtract, unfitFor, type Candidate } from './scheduling.js';

const t = (y: number, m: number, d: number, h: number, mi = 0) => localTime(y, m, d, h, mi).getTime();

const person = (over: Partial<Candidate> = {}): Candidate => ({
  id: 'p',
  name: 'Person',
  pooled: false,
  active: true,
  skills: ['it_support'],
  // Monday–Friday 08:00–22:00
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '08:00', to: '22:00' })),
  absences: [],
  busy: [],
  hoursThisMonth: 0,
  ...over,
});

describe('support scheduling', () => {
  it('merges and subtracts intervals', () => {
    assert.deepEqual(
      merge([
        { start: 5, end: 8 },
        { start: 1, end: 3 },
        { start: 3, end: 4 },
      ]),
      [
        { start: 1, end: 4 },
        { start: 5, end: 8 },
      ],
    );
    assert.deepEqual(
      subtract(
        [{ start: 0, end: 10 }],
        [
          { start: 2, end: 3 },
          { start: 8, end: 12 },
        ],
      ),
      [
        { start: 0, end: 2 },
        { start: 3, end: 8 },
      ],
    );
  });

  it('keeps weekly slots on Stockholm wall-clock time across the change to summer time', () => {
    // Saturday 27 and Monday 29 March 2027; summer time starts on Sunday 28 March.
    const slots = expandWeekly(
      [
        { weekday: 6, from: '18:00', to: '21:00' },
        { weekday: 1, from: '18:00', to: '21:00' },
      ],
      { start: t(2027, 3, 27, 0), end: t(2027, 3, 30, 0) },
    );
    assert.deepEqual(
      slots.map((s) => new Date(s.start).toISOString()),
      ['2027-03-27T17:00:00.000Z', '2027-03-29T16:00:00.000Z'],
    );
  });

  it('takes absences out and adds extra availability', () => {
    const window = { start: t(2027, 5, 3, 0), end: t(2027, 5, 4, 0) }; // a Monday
    const open = availableIntervals(
      [{ weekday: 1, from: '08:00', to: '12:00' }],
      [
        { start: t(2027, 5, 3, 9), end: t(2027, 5, 3, 10), kind: 'sick_leave' },
        { start: t(2027, 5, 3, 18), end: t(2027, 5, 3, 20), kind: 'extra_availability' },
      ],
      window,
    );
    assert.deepEqual(open, [
      { start: t(2027, 5, 3, 8), end: t(2027, 5, 3, 9) },
      { start: t(2027, 5, 3, 10), end: t(2027, 5, 3, 12) },
      { start: t(2027, 5, 3, 18), end: t(2027, 5, 3, 20) },
    ]);
  });

  it('says why someone cannot take a shift', () => {
    const shift = shiftOf({ start: t(2027, 5, 3, 18), end: t(2027, 5, 3, 21) }, 30, 15);
    assert.equal(unfitFor(person(), 'it_support', shift), null);
    assert.equal(unfitFor(person({ active: false }), 'it_support', shift), 'INACTIVE');
    assert.equal(unfitFor(person(), 'meeting_support', shift), 'SKILL_MISSING');
    assert.equal(unfitFor(person({ absences: [{ start: t(2027, 5, 1, 0), end: t(2027, 5, 8, 0), kind: 'holiday' }] }), 'it_support', shift), 'ABSENT');
    // Available until 21:00, but the shift runs to 21:15 with the time after.
    assert.equal(unfitFor(person({ weekly: [{ weekday: 1, from: '08:00', to: '21:00' }] }), 'it_support', shift), 'UNAVAILABLE');
    // Another meeting ending 17:45 overlaps this one's preparation from 17:30.
    assert.equal(unfitFor(person({ busy: [{ start: t(2027, 5, 3, 15), end: t(2027, 5, 3, 17, 45) }] }), 'it_support', shift), 'DOUBLE_BOOKED');
  });

  it('ranks own staff before the pool, then the fewest hours this month', () => {
    const shift = { start: t(2027, 5, 3, 17), end: t(2027, 5, 3, 20) };
    const ranked = rankCandidates(
      [
        person({ id: 'pool', name: 'A', pooled: true, hoursThisMonth: 0 }),
        person({ id: 'busy-month', name: 'B', hoursThisMonth: 12 }),
        person({ id: 'light', name: 'C', hoursThisMonth: 3 }),
        person({ id: 'absent', name: 'D', absences: [{ start: shift.start, end: shift.end, kind: 'holiday' }] }),
      ],
      'it_support',
      shift,
    );
    assert.deepEqual(
      ranked.map((r) => r.candidate.id),
      ['light', 'busy-month', 'pool'],
    );
  });
});
