import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { buildMeetingPlan, decisionInForce, type MeetingRows } from './meeting-plan.builder.js';

const start = new Date('2026-03-10T17:00:00Z');

function rows(overrides: Partial<MeetingRows> = {}): MeetingRows {
  return {
    meeting: { id: 'm', startsAt: start, endsAt: new Date('2026-03-10T20:00:00Z'), place: 'Stadshuset', platformKey: 'jitsi_meet' },
    body: { id: 'kf', kind: 'council', name: 'Kommunfullmäktige' },
    parent: null,
    subCommitteeDecisions: [],
    memberships: [
      { memberId: 'chair', role: 'chair' },
      { memberId: 'a', role: 'member' },
      { memberId: 'b', role: 'member' },
      { memberId: 'dep', role: 'deputy' },
    ],
    members: new Map([
      ['chair', { name: 'Ordförande', identityLevel: 'e_id' }],
      ['a', { name: 'A', identityLevel: 'none' }],
      ['b', { name: 'B', identityLevel: 'municipal_account' }],
      ['dep', { name: 'Ersättare', identityLevel: 'none' }],
    ]),
    attendances: [],
    agendaItems: [
      { id: 'i2', number: 2, title: 'Två', kinds: [], confidential: true, closedVote: false },
      { id: 'i1', number: 1, title: 'Ett', kinds: ['personnel'], confidential: false, closedVote: false },
    ],
    ...overrides,
  };
}

describe('buildMeetingPlan', () => {
  it('expects ordinary members in the room and deputies away when nothing is recorded, and counts seats without deputies', () => {
    const { plan, facts } = buildMeetingPlan(rows());
    assert.deepEqual(
      plan.members.map((m) => [m.id, m.mode, m.voting]),
      [
        ['chair', 'on_site', true],
        ['a', 'on_site', true],
        ['b', 'on_site', true],
        ['dep', 'absent', false],
      ],
    );
    assert.equal(plan.body.seats, 3);
    assert.deepEqual(
      plan.agenda.map((i) => i.id),
      ['i1', 'i2'],
    );
    assert.deepEqual(facts.identityVerifications, [
      { memberId: 'chair', level: 'e_id' },
      { memberId: 'b', level: 'municipal_account' },
    ]);
    assert.equal(facts.platformKey, 'jitsi_meet');
  });

  it('lets a deputy stepping in vote in place of the member they replace', () => {
    const attend = (memberId: string, mode: string, replacesMemberId: string | null = null) => ({
      memberId,
      mode,
      replacesMemberId,
      consentsToRemoteMeeting: false,
      documentsDelivered: false,
    });
    const { plan } = buildMeetingPlan(rows({ attendances: [attend('a', 'absent'), attend('dep', 'remote', 'a')] }));
    const byId = new Map(plan.members.map((m) => [m.id, m]));
    assert.deepEqual([byId.get('a')!.voting, byId.get('dep')!.voting, byId.get('dep')!.mode], [false, true, 'remote']);
  });
});

describe('decisionInForce', () => {
  const decision = (decidedOn: string, createdAt: string, allowsRemote = true) => ({
    allowsRemote,
    reference: `SN ${decidedOn}`,
    decidedOn,
    createdAt: new Date(createdAt),
  });

  it('takes the latest decision dated on or before the meeting and recorded before it started', () => {
    const chosen = decisionInForce(
      [decision('2025-01-10', '2025-01-11T08:00:00Z'), decision('2026-02-01', '2026-02-02T08:00:00Z', false), decision('2026-03-11', '2026-03-01T08:00:00Z')],
      start,
    );
    assert.deepEqual(chosen, { allowsRemote: false, reference: 'SN 2026-02-01', decidedOn: '2026-02-01' });
  });

  it('ignores a decision entered after the meeting, even when dated before it', () => {
    assert.equal(decisionInForce([decision('2026-03-01', '2026-03-11T08:00:00Z')], start), null);
  });
});
