import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { breakoutRoomInvitees, breakoutRoomWindows, eligiblePartyGroups, isBreakoutRoomOpen } from './breakout-rooms.js';
import { REGIONAL_TEMPLATE } from './regional-template.js';
import type { BreakoutRoomPolicy } from './rule-set.js';

const policy: BreakoutRoomPolicy = REGIONAL_TEMPLATE.bodyTypes.council.breakoutRooms; // 30 before, recesses, 15 after
const meeting = {
  start: '2021-02-22T18:00:00+01:00',
  end: '2021-02-22T21:00:00+01:00',
  recesses: [{ start: '2021-02-22T19:30:00+01:00', end: '2021-02-22T19:45:00+01:00' }],
};

describe('breakoutRoomWindows', () => {
  it('opens before the meeting, during recesses and shortly after', () => {
    assert.deepEqual(breakoutRoomWindows(meeting, policy), [
      { opensAt: '2021-02-22T16:30:00.000Z', closesAt: '2021-02-22T17:00:00.000Z', kinds: ['before'] },
      { opensAt: '2021-02-22T18:30:00.000Z', closesAt: '2021-02-22T18:45:00.000Z', kinds: ['recess'] },
      { opensAt: '2021-02-22T20:00:00.000Z', closesAt: '2021-02-22T20:15:00.000Z', kinds: ['after'] },
    ]);
  });

  it('keeps an open recess open until the meeting ends, merging it with the window after', () => {
    const windows = breakoutRoomWindows({ ...meeting, recesses: [{ start: '2021-02-22T20:40:00+01:00' }] }, policy);
    assert.deepEqual(windows.at(-1), { opensAt: '2021-02-22T19:40:00.000Z', closesAt: '2021-02-22T20:15:00.000Z', kinds: ['recess', 'after'] });
  });

  it('clips recesses to the meeting and skips unreadable ones', () => {
    const windows = breakoutRoomWindows(
      { ...meeting, recesses: [{ start: '2021-02-22T17:00:00+01:00', end: '2021-02-22T18:10:00+01:00' }, { start: 'later' }] },
      policy,
    );
    assert.deepEqual(
      windows.map((w) => w.kinds),
      [['before', 'recess'], ['after']],
    );
    assert.equal(windows[0]!.closesAt, '2021-02-22T17:10:00.000Z');
  });

  it('has no windows when rooms are disabled, recesses are off, or times are invalid', () => {
    assert.deepEqual(breakoutRoomWindows(meeting, { ...policy, enabled: false }), []);
    assert.deepEqual(
      breakoutRoomWindows(meeting, { ...policy, duringRecesses: false }).map((w) => w.kinds),
      [['before'], ['after']],
    );
    assert.deepEqual(breakoutRoomWindows({ ...meeting, end: meeting.start }, policy), []);
    assert.deepEqual(breakoutRoomWindows({ ...meeting, start: '18:00' }, policy), []);
  });
});

describe('isBreakoutRoomOpen', () => {
  const windows = breakoutRoomWindows(meeting, policy);
  it('is open inside a window and closed outside, the closing instant excluded', () => {
    assert.equal(isBreakoutRoomOpen(windows, '2021-02-22T17:30:00+01:00'), true);
    assert.equal(isBreakoutRoomOpen(windows, '2021-02-22T18:00:00+01:00'), false);
    assert.equal(isBreakoutRoomOpen(windows, '2021-02-22T19:00:00+01:00'), false);
    assert.equal(isBreakoutRoomOpen(windows, '2021-02-22T19:44:59+01:00'), true);
    assert.equal(isBreakoutRoomOpen(windows, '2021-02-22T21:15:00+01:00'), false);
    // A party meeting called independently of any convened meeting has no room (Timrå).
    assert.equal(isBreakoutRoomOpen(windows, '2021-02-23T19:00:00+01:00'), false);
    assert.equal(isBreakoutRoomOpen(windows, 'whenever'), false);
  });
});

describe('party groups and invitees', () => {
  const groups = [
    { id: 's', councilSeats: 14, seatsInBody: 3 },
    { id: 'v', councilSeats: 2, seatsInBody: 0 },
    { id: 'new-party', councilSeats: 0, seatsInBody: 0 },
  ];
  it('gives rooms to the party groups with council seats (KS/2020:543)', () => {
    assert.deepEqual(
      eligiblePartyGroups(groups, policy).map((g) => g.id),
      ['s', 'v'],
    );
    assert.deepEqual(
      eligiblePartyGroups(groups, { ...policy, partyGroups: 'with_seats_in_body' }).map((g) => g.id),
      ['s'],
    );
    assert.deepEqual(eligiblePartyGroups(groups, { ...policy, enabled: false }), []);
  });

  it("invites the party's members and deputies of the body", () => {
    const memberships = [
      { memberId: 'anna', role: 'member' as const, partyGroupId: 's' },
      { memberId: 'bo', role: 'deputy' as const, partyGroupId: 's' },
      { memberId: 'cia', role: 'chair' as const, partyGroupId: 'v' },
      { memberId: 'dan', role: 'member' as const, partyGroupId: null },
    ];
    assert.deepEqual(breakoutRoomInvitees('s', memberships, policy), ['anna', 'bo']);
    assert.deepEqual(breakoutRoomInvitees('s', memberships, { ...policy, invite: 'members_of_body' }), ['anna']);
  });
});
