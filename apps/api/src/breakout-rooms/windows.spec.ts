import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { localTime, REGIONAL_TEMPLATE } from '@motesplats/rules';
import { linkState, meetingLinkWindow, practiceLinkWindow, roomWindows } from './windows.js';

const policy = REGIONAL_TEMPLATE.bodyTypes.council.breakoutRooms; // 30 before, recesses, 15 after
const at = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);

describe('room and link windows', () => {
  const startsAt = localTime(2026, 6, 15, 18);
  const endsAt = localTime(2026, 6, 15, 22);
  const recess = { startedAt: localTime(2026, 6, 15, 20), endedAt: localTime(2026, 6, 15, 20, 20) };

  it('opens rooms before the meeting, during each recess and after it', () => {
    const w = roomWindows({ startsAt, endsAt, recesses: [recess] }, policy);
    assert.deepEqual(
      w.map((x) => [x.opensAt.toISOString(), x.closesAt.toISOString()]),
      [
        ['2026-06-15T15:30:00.000Z', '2026-06-15T16:00:00.000Z'],
        ['2026-06-15T18:00:00.000Z', '2026-06-15T18:20:00.000Z'],
        ['2026-06-15T20:00:00.000Z', '2026-06-15T20:15:00.000Z'],
      ],
    );
  });

  it('refuses a second before opening, opens a second after, and closes at the closing instant', () => {
    const w = roomWindows({ startsAt, endsAt, recesses: [] }, policy);
    const opens = w[0]!.opensAt;
    assert.equal(linkState(w, at(opens, -1)).state, 'not_yet_open');
    assert.equal(linkState(w, at(opens, 1)).state, 'open');
    assert.equal(linkState(w, at(w[0]!.closesAt, -1)).state, 'open');
    assert.deepEqual(linkState(w, at(w[0]!.closesAt, 1)), { state: 'closed', opensAt: w[1]!.opensAt });
  });

  it('is closed between windows while recesses may come, and invalid a day after the last window', () => {
    const w = roomWindows({ startsAt, endsAt, recesses: [] }, policy);
    assert.deepEqual(linkState(w.slice(0, 1), at(startsAt, 60), true), { state: 'closed', opensAt: null });
    const last = w[w.length - 1]!.closesAt;
    assert.equal(linkState(w, at(last, 3600)).state, 'closed');
    assert.equal(linkState(w, at(last, 25 * 3600)).state, 'invalid');
    assert.equal(linkState([], startsAt).state, 'invalid');
  });

  it('keeps real durations across the autumn daylight-saving change (2026-10-25, 03:00 → 02:00)', () => {
    // A night meeting 01:30–02:30 local time that spans the repeated hour: 2 real hours.
    const s = new Date('2026-10-24T23:30:00Z'); // 01:30 CEST
    const e = new Date('2026-10-25T01:30:00Z'); // 02:30 CET
    const w = roomWindows({ startsAt: s, endsAt: e, recesses: [] }, policy);
    assert.equal(w[0]!.opensAt.toISOString(), '2026-10-24T23:00:00.000Z');
    assert.equal(w[1]!.closesAt.toISOString(), '2026-10-25T01:45:00.000Z');
    assert.equal(linkState(w, at(w[1]!.opensAt, -1)).state, 'closed');
    assert.equal(linkState(w, at(w[1]!.opensAt, 1)).state, 'open');
  });

  it('gives the remote member half an hour either side of the meeting', () => {
    const w = meetingLinkWindow({ startsAt, endsAt });
    assert.equal(w.opensAt.toISOString(), '2026-06-15T15:30:00.000Z');
    assert.equal(w.closesAt.toISOString(), '2026-06-15T20:30:00.000Z');
  });
});

describe('practice session links', () => {
  it('open fifteen minutes before the session and close when it ends', () => {
    const w = practiceLinkWindow({ startsAt: new Date('2026-12-01T17:00:00Z'), endsAt: new Date('2026-12-01T18:00:00Z') });
    assert.deepEqual(w, { opensAt: new Date('2026-12-01T16:45:00Z'), closesAt: new Date('2026-12-01T18:00:00Z') });
    assert.equal(linkState([w], new Date('2026-12-01T16:44:59Z')).state, 'not_yet_open');
    assert.equal(linkState([w], new Date('2026-12-01T16:45:00Z')).state, 'open');
    assert.equal(linkState([w], new Date('2026-12-01T18:00:00Z')).state, 'closed');
  });
});
