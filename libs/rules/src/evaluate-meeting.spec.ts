import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { evaluateMeeting, type MeetingEvaluation } from './evaluate-meeting.js';
import { LEGAL_BASIS } from './legal-basis.js';
import type { EvaluateMeetingInput, MeetingPlan } from './meeting-plan.js';
import { BASIC_MODULE, goodFacts, member, members, plan, publishedVersion } from './testing/fixtures.js';

const codes = (e: MeetingEvaluation): string[] => e.findings.map((f) => f.code);
const blockerCodes = (e: MeetingEvaluation) => e.findings.filter((f) => f.severity === 'blocker').map((f) => f.code);
const cell = (e: MeetingEvaluation, memberId: string, itemId: string) => {
  const found = e.remoteEligibility.find((x) => x.memberId === memberId && x.itemId === itemId);
  assert.ok(found, `no matrix cell for ${memberId} × ${itemId}`);
  return found;
};
const quorumOf = (e: MeetingEvaluation, itemId: string) => e.quorum.find((q) => q.itemId === itemId)!;

function run(p: MeetingPlan, extra: Partial<EvaluateMeetingInput> = {}): MeetingEvaluation {
  return evaluateMeeting({ plan: p, facts: goodFacts(p.members), ruleSetVersions: [publishedVersion()], ...extra });
}

const COUNCIL_AGENDA = [
  { id: 'budget', title: 'Budget 2022' },
  { id: 'secret', title: 'Förvärv av fastighet', confidential: true },
  { id: 'election', title: 'Val av revisorer', closedVote: true },
];

describe('council meeting with a confidential and a closed-vote item', () => {
  // 11 seats: presidium of 3 and 4 ordinary members on site, 4 remote.
  const councilPlan = plan('council', members(4, 4), { agenda: COUNCIL_AGENDA });

  it('makes remote members ineligible for exactly the confidential and closed-vote items', () => {
    const e = run(councilPlan);
    for (const id of ['remote1', 'remote2', 'remote3', 'remote4']) {
      assert.equal(cell(e, id, 'budget').mayTakePartRemotely, true);
      assert.deepEqual(
        cell(e, id, 'budget').reasons.map((r) => r.code),
        ['REMOTE_ALLOWED'],
      );
      assert.equal(cell(e, id, 'secret').mayTakePartRemotely, false);
      assert.deepEqual(
        cell(e, id, 'secret').reasons.map((r) => r.code),
        ['ITEM_EXCLUDED'],
      );
      assert.equal(cell(e, id, 'election').mayTakePartRemotely, false);
      assert.deepEqual(
        cell(e, id, 'election').reasons.map((r) => r.code),
        ['ITEM_EXCLUDED'],
      );
    }
    assert.equal(cell(e, 'remote1', 'budget').reasons[0]!.message.sv, 'Får delta på distans enligt KF 2020-04-20 § 45.');
    assert.equal(cell(e, 'remote1', 'secret').reasons[0]!.basis, LEGAL_BASIS.excludedItems);
    assert.equal(e.compliant, true);
    // Each remote member's absence from each excluded item is recorded.
    const excluded = e.findings.filter((f) => f.code === 'REMOTE_ON_EXCLUDED_ITEM');
    assert.equal(excluded.length, 8);
    assert.ok(excluded.every((f) => f.severity === 'warning' && f.itemId !== 'budget'));
  });

  it('computes quorum per item, counting remote members only where they may take part', () => {
    const e = run(councilPlan);
    assert.deepEqual(
      e.quorum.map((q) => [q.itemId, q.counted, q.countedRemote, q.required, q.hasQuorum]),
      [
        ['budget', 11, 4, 6, true],
        ['secret', 7, 0, 6, true],
        ['election', 7, 0, 6, true],
      ],
    );
    assert.equal(quorumOf(e, 'budget').basis, LEGAL_BASIS.councilQuorum);
  });

  it('loses quorum on the excluded items only, when too many are remote', () => {
    // 11 seats: presidium + 2 on site = 5, 6 remote. Budget: 11; excluded items: 5 < 6.
    const e = run(plan('council', members(2, 6), { agenda: COUNCIL_AGENDA }));
    assert.deepEqual(
      e.quorum.map((q) => q.hasQuorum),
      [true, false, false],
    );
    assert.deepEqual(
      e.findings.filter((f) => f.code === 'NO_QUORUM').map((f) => f.itemId),
      ['secret', 'election'],
    );
    assert.equal(e.compliant, false);
  });

  it('gives a blocker citing the presidium rule when the chair is planned remote', () => {
    const planned = members(4, 4).map((m) => (m.id === 'chair' ? { ...m, mode: 'remote' as const } : m));
    const e = run(plan('council', planned, { agenda: COUNCIL_AGENDA }));
    const presidium = e.findings.filter((f) => f.code === 'PRESIDIUM_NOT_ON_SITE');
    assert.equal(presidium.length, 1);
    assert.equal(presidium[0]!.severity, 'blocker');
    assert.equal(presidium[0]!.memberId, 'chair');
    assert.equal(presidium[0]!.basis, LEGAL_BASIS.presidium);
    assert.match(presidium[0]!.message.sv, /Presidiet/);
    assert.equal(e.compliant, false);
    assert.equal(cell(e, 'chair', 'budget').mayTakePartRemotely, false);
    // The chair planned remote but ineligible does not count toward quorum.
    assert.equal(quorumOf(e, 'budget').countedMemberIds.includes('chair'), false);
  });
});

describe('sub-committee and its parent committee', () => {
  const subPlan = (decision: NonNullable<MeetingPlan['body']['parent']>['subCommitteeRemoteDecision']): MeetingPlan => {
    const p = plan('sub_committee', members(1, 1));
    return { ...p, body: { ...p.body, parent: { id: 'bun', type: 'committee', subCommitteeRemoteDecision: decision } } };
  };

  it('is blocked while the parent committee has not allowed remote participation', () => {
    const e = run(subPlan(null));
    assert.deepEqual(blockerCodes(e), ['PARENT_BODY_NOT_ALLOWED']);
    assert.equal(e.findings[0]!.basis, LEGAL_BASIS.subCommitteeRemote);
    assert.equal(cell(e, 'remote1', 'item-1').reasons[0]!.code, 'PARENT_BODY_NOT_ALLOWED');
  });

  it('passes once the parent committee allows it', () => {
    const e = run(subPlan({ allowsRemote: true, reference: 'BUN 2021-03-01 § 12', decidedOn: '2021-03-01' }));
    assert.deepEqual(blockerCodes(e), []);
    assert.equal(e.compliant, true);
    assert.equal(cell(e, 'remote1', 'item-1').reasons[0]!.message.en, 'May take part remotely under BUN 2021-03-01 § 12.');
  });

  it('is blocked when the parent decided only after the meeting, or decided against it', () => {
    assert.deepEqual(blockerCodes(run(subPlan({ allowsRemote: true, reference: 'BUN 2021-09-01 § 3', decidedOn: '2021-09-01' }))), ['PARENT_BODY_NOT_ALLOWED']);
    assert.deepEqual(blockerCodes(run(subPlan({ allowsRemote: false, reference: 'BUN 2021-03-01 § 12', decidedOn: '2021-03-01' }))), [
      'PARENT_BODY_NOT_ALLOWED',
    ]);
  });

  it('is blocked when the parent committee itself has no remote participation, whatever it decided', () => {
    const version = publishedVersion({ bodies: { bun: { bodyType: 'committee', rules: { remoteParticipation: { allowed: false } } } } });
    const e = run(subPlan({ allowsRemote: true, reference: 'BUN 2021-03-01 § 12', decidedOn: '2021-03-01' }), { ruleSetVersions: [version] });
    assert.deepEqual(blockerCodes(e), ['PARENT_BODY_NOT_ALLOWED']);
  });
});

describe('company board quorum (ABL 8:21: more than half of all members, documents to all)', () => {
  const board = (taking: number, absent: number, props: { docs?: boolean } = {}): MeetingPlan => {
    const list = [];
    for (let i = 1; i <= taking; i++) list.push(member(`b${i}`, 'on_site', { consentsToRemoteMeeting: true, documentsDelivered: props.docs ?? true }));
    for (let i = 1; i <= absent; i++) list.push(member(`a${i}`, 'absent', { consentsToRemoteMeeting: true, documentsDelivered: props.docs ?? true }));
    return plan('company_board', list);
  };

  it('has no quorum with half of its members taking part (the study says "at least half"; the Act wins)', () => {
    const e = run(board(3, 3));
    assert.equal(quorumOf(e, 'item-1').required, 4);
    assert.equal(quorumOf(e, 'item-1').hasQuorum, false);
    assert.deepEqual(blockerCodes(e), ['NO_QUORUM']);
    assert.equal(e.findings[0]!.basis, LEGAL_BASIS.companyBoardQuorum);
  });

  it('has quorum with more than half taking part and documents delivered to all', () => {
    const e = run(board(4, 2));
    assert.equal(quorumOf(e, 'item-1').hasQuorum, true);
    assert.equal(quorumOf(e, 'item-1').documentsDeliveredToAll, true);
    assert.equal(e.compliant, true);
  });

  it('has no quorum when not all have received the documents', () => {
    const p = board(4, 2);
    p.members[5] = { ...p.members[5]!, documentsDelivered: false };
    const e = run(p);
    assert.equal(quorumOf(e, 'item-1').hasQuorum, false);
    assert.deepEqual(blockerCodes(e).sort(), ['DOCUMENTS_NOT_DELIVERED', 'NO_QUORUM']);
    assert.equal(e.findings.find((f) => f.code === 'DOCUMENTS_NOT_DELIVERED')!.memberId, 'a2');
  });

  it('counts a member with a conflict of interest as absent on that item', () => {
    const p = board(4, 2);
    p.agenda = [{ id: 'contract' }, { id: 'other' }];
    p.members[0] = { ...p.members[0]!, conflictOfInterestItemIds: ['contract'] };
    const e = run(p);
    assert.equal(quorumOf(e, 'contract').hasQuorum, false);
    assert.equal(quorumOf(e, 'other').hasQuorum, true);
  });

  it('honours articles that require more than the Act', () => {
    const version = publishedVersion({ bodyTypes: { company_board: { companyBoard: { quorumMoreThanShare: 2 / 3 } } } });
    assert.equal(quorumOf(run(board(4, 2), { ruleSetVersions: [version] }), 'item-1').hasQuorum, false);
    assert.equal(quorumOf(run(board(5, 1), { ruleSetVersions: [version] }), 'item-1').hasQuorum, true);
  });

  it('needs every member to consent before anyone takes part remotely', () => {
    const p = board(3, 0);
    p.members.push(member('r1', 'remote', { consentsToRemoteMeeting: true, documentsDelivered: true }));
    p.members[1] = { ...p.members[1]!, consentsToRemoteMeeting: false };
    p.body = { ...p.body, seats: 4 };
    const e = run(p);
    const consent = e.findings.filter((f) => f.code === 'COMPANY_BOARD_CONSENT_MISSING');
    assert.deepEqual(
      consent.map((f) => f.memberId),
      ['b2'],
    );
    assert.equal(cell(e, 'r1', 'item-1').mayTakePartRemotely, false);
    p.members[1] = { ...p.members[1]!, consentsToRemoteMeeting: true };
    assert.equal(run(p).compliant, true);
  });
});

describe('version in force', () => {
  const allowing = publishedVersion({ version: 1, effectiveFrom: '2021-01-01', publishedAt: '2020-12-20T10:00:00Z' });
  // Published today (10 June 2021), in force from today, withdrawing remote participation from the council.
  const publishedToday = publishedVersion({
    version: 2,
    effectiveFrom: '2021-06-10',
    publishedAt: '2021-06-10T09:00:00+02:00',
    bodyTypes: { council: { remoteParticipation: { allowed: false } } },
  });
  const planned = members(4, 2);
  const yesterday = plan('council', planned, { start: '2021-06-09T18:00:00+02:00', end: '2021-06-09T21:00:00+02:00' });
  const tomorrow = plan('council', planned, { start: '2021-06-11T18:00:00+02:00', end: '2021-06-11T21:00:00+02:00' });

  it("leaves yesterday's meeting's evaluation unchanged when a rule is published today", () => {
    const before = evaluateMeeting({ plan: yesterday, facts: goodFacts(planned), ruleSetVersions: [allowing] });
    const after = evaluateMeeting({ plan: yesterday, facts: goodFacts(planned), ruleSetVersions: [allowing, publishedToday] });
    assert.deepEqual(after, before);
    assert.equal(after.ruleSet.version, 1);
    assert.equal(after.compliant, true);
  });

  it('applies the new rule to tomorrow\u2019s meeting', () => {
    const e = evaluateMeeting({ plan: tomorrow, facts: goodFacts(planned), ruleSetVersions: [allowing, publishedToday] });
    assert.equal(e.ruleSet.version, 2);
    assert.deepEqual([...new Set(blockerCodes(e))], ['REMOTE_NOT_ALLOWED']);
  });

  it('ignores a version published today even if it is dated back', () => {
    const backdated = { ...publishedToday, version: 3, effectiveFrom: '2021-02-01' };
    const before = evaluateMeeting({ plan: yesterday, facts: goodFacts(planned), ruleSetVersions: [allowing] });
    assert.deepEqual(evaluateMeeting({ plan: yesterday, facts: goodFacts(planned), ruleSetVersions: [allowing, backdated] }), before);
  });

  it('never applies a draft, and falls back to the law: no council decision, no remote participation', () => {
    const draft = { ...allowing, status: 'draft' as const, publishedAt: null };
    const e = evaluateMeeting({ plan: tomorrow, facts: goodFacts(planned), ruleSetVersions: [draft] });
    assert.equal(e.ruleSet.source, 'law_baseline');
    const notAllowed = e.findings.filter((f) => f.code === 'REMOTE_NOT_ALLOWED');
    assert.deepEqual(
      notAllowed.map((f) => f.memberId),
      ['remote1', 'remote2'],
    );
    assert.equal(notAllowed[0]!.basis, LEGAL_BASIS.councilRemote);
    assert.equal(cell(e, 'remote1', 'item-1').mayTakePartRemotely, false);
  });

  it('cites KL 6 kap. 24 § for a committee without a council decision', () => {
    const p = plan('committee', members(2, 1));
    const e = evaluateMeeting({ plan: p, facts: goodFacts(p.members), ruleSetVersions: [] });
    assert.equal(e.findings.find((f) => f.code === 'REMOTE_NOT_ALLOWED')!.basis.reference, 'KL 6 kap. 24 §');
  });
});

describe('training', () => {
  it('makes a member whose module expired yesterday ineligible tomorrow, naming the module', () => {
    // Today is 10 June; the module expired yesterday (valid until 9 June); the meeting is tomorrow.
    const planned = members(4, 2);
    const p = plan('council', planned, { start: '2021-06-11T18:00:00+02:00', end: '2021-06-11T21:00:00+02:00' });
    const facts = goodFacts(planned);
    facts.trainingCompletions = facts.trainingCompletions.map((c) => (c.memberId === 'remote1' ? { ...c, validUntil: '2021-06-09' } : c));
    const e = evaluateMeeting({ plan: p, facts, ruleSetVersions: [publishedVersion()] });
    assert.equal(cell(e, 'remote1', 'item-1').mayTakePartRemotely, false);
    assert.deepEqual(
      cell(e, 'remote1', 'item-1').reasons.map((r) => r.code),
      ['TRAINING_MISSING'],
    );
    const training = e.findings.filter((f) => f.code === 'TRAINING_MISSING');
    assert.equal(training.length, 1);
    assert.equal(training[0]!.memberId, 'remote1');
    assert.equal(training[0]!.severity, 'blocker');
    assert.ok(training[0]!.message.sv.includes(BASIC_MODULE) && training[0]!.message.en.includes(BASIC_MODULE));
    assert.equal(cell(e, 'remote2', 'item-1').mayTakePartRemotely, true);
  });

  it('still accepts a completion valid through the meeting day', () => {
    const planned = members(4, 1);
    const facts = goodFacts(planned);
    facts.trainingCompletions = facts.trainingCompletions.map((c) => ({ ...c, validUntil: '2021-06-10' }));
    assert.equal(
      cell(evaluateMeeting({ plan: plan('council', planned), facts, ruleSetVersions: [publishedVersion()] }), 'remote1', 'item-1').mayTakePartRemotely,
      true,
    );
  });

  it('does not count a completion made after the meeting', () => {
    const planned = members(4, 1);
    const facts = goodFacts(planned);
    facts.trainingCompletions = facts.trainingCompletions.map((c) => ({ ...c, completedOn: '2021-06-11' }));
    assert.ok(codes(evaluateMeeting({ plan: plan('council', planned), facts, ruleSetVersions: [publishedVersion()] })).includes('TRAINING_MISSING'));
  });
});

describe('meeting-level rules (table)', () => {
  const council = (remote: number, props: Partial<MeetingPlan> = {}) => plan('council', members(4, remote), props);
  const cases: {
    name: string;
    plan: MeetingPlan;
    extra?: Partial<EvaluateMeetingInput>;
    facts?: (p: MeetingPlan) => EvaluateMeetingInput['facts'];
    expect: string[];
    compliant: boolean;
  }[] = [
    { name: 'everything in order', plan: council(3), expect: [], compliant: true },
    { name: 'no physical place in the notice', plan: council(1, { place: '  ' }), expect: ['NO_PHYSICAL_PLACE'], compliant: false },
    // The example municipality allowed only as many remote members as fit on the screen: Teams shows 9.
    { name: 'more remote members than Teams shows, "all can see all"', plan: council(10), expect: ['REMOTE_CAP_EXCEEDED'], compliant: false },
    {
      name: 'the same ten under "room and speaker"',
      plan: council(10),
      extra: { ruleSetVersions: [publishedVersion({ bodyTypes: { council: { equalTerms: 'room_and_speaker' } } })] },
      expect: [],
      compliant: true,
    },
    {
      name: 'a per-body maximum of 2',
      plan: council(3),
      extra: { ruleSetVersions: [publishedVersion({ bodies: { 'council-1': { bodyType: 'council', rules: { maxRemoteParticipants: 2 } } } })] },
      expect: ['REMOTE_CAP_EXCEEDED'],
      compliant: false,
    },
    {
      name: 'Zoom: not approved, residency and gallery unknown',
      plan: council(1),
      facts: (p) => goodFacts(p.members, { platformKey: 'zoom' }),
      expect: ['PLATFORM_NOT_APPROVED', 'DATA_RESIDENCY_NOT_MET', 'REMOTE_CAP_UNKNOWN'],
      compliant: false,
    },
    { name: 'no platform chosen', plan: council(1), facts: (p) => goodFacts(p.members, { platformKey: null }), expect: ['PLATFORM_NOT_SET'], compliant: false },
    {
      name: 'a platform outside the catalog',
      plan: council(1),
      facts: (p) => goodFacts(p.members, { platformKey: 'skypeish' }),
      expect: ['PLATFORM_UNKNOWN'],
      compliant: false,
    },
    {
      name: 'Jitsi: gallery size unknown under "all can see all"',
      plan: council(1),
      facts: (p) => goodFacts(p.members, { platformKey: 'jitsi_meet' }),
      expect: ['REMOTE_CAP_UNKNOWN'],
      compliant: true,
    },
    {
      name: 'identity not verified',
      plan: council(1),
      facts: (p) => goodFacts(p.members, { identityVerifications: [] }),
      expect: ['IDENTITY_INSUFFICIENT'],
      compliant: false,
    },
    {
      name: 'KF without its dedicated meeting support person',
      plan: council(1),
      facts: (p) => goodFacts(p.members, { supportAssigned: [{ role: 'it_support', staffId: 's' }] }),
      expect: ['SUPPORT_MISSING'],
      compliant: true,
    },
    {
      name: 'KF without its meeting support person, where the rule set makes missing support a blocker',
      plan: council(1),
      facts: (p) => goodFacts(p.members, { supportAssigned: [{ role: 'it_support', staffId: 's' }] }),
      extra: {
        ruleSetVersions: [
          publishedVersion({
            bodyTypes: {
              council: {
                requiredSupport: [
                  { role: 'meeting_support', count: 1, blocking: true },
                  { role: 'it_support', count: 1 },
                ],
              },
            },
          }),
        ],
      },
      expect: ['SUPPORT_MISSING'],
      compliant: false,
    },
    {
      name: 'a personnel item under a municipality that excludes personnel matters',
      plan: council(1, { agenda: [{ id: 'item-1', kinds: ['personnel'] }] }),
      extra: { ruleSetVersions: [publishedVersion({ bodyTypes: { council: { excludedItemKinds: ['confidential', 'closed_vote', 'personnel'] } } })] },
      expect: ['REMOTE_ON_EXCLUDED_ITEM'],
      compliant: true,
    },
    {
      name: 'no one remote: platform, support and caps do not matter',
      plan: council(0),
      facts: (p) => goodFacts(p.members, { platformKey: null, supportAssigned: [] }),
      expect: [],
      compliant: true,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const facts = c.facts ? c.facts(c.plan) : goodFacts(c.plan.members);
      const e = evaluateMeeting({ plan: c.plan, facts, ruleSetVersions: [publishedVersion()], ...c.extra });
      assert.deepEqual([...new Set(codes(e))].sort(), [...c.expect].sort());
      assert.equal(e.compliant, c.compliant);
    });
  }

  it('cites the local decision for a kind the municipality excluded itself', () => {
    const e = evaluateMeeting({
      plan: council(1, { agenda: [{ id: 'item-1', kinds: ['personnel'] }] }),
      facts: goodFacts(council(1).members),
      ruleSetVersions: [publishedVersion({ bodyTypes: { council: { excludedItemKinds: ['confidential', 'closed_vote', 'personnel'] } } })],
    });
    assert.deepEqual(cell(e, 'remote1', 'item-1').reasons[0]!.basis, { kind: 'local', reference: 'KF 2020-04-20 § 45' });
  });

  it('requires only the leader in the room where the law asks for that (committee, chair absent)', () => {
    const version = publishedVersion({ bodyTypes: { committee: { presidiumOnSite: 'leader' } } });
    const planned = [
      member('chair', 'absent', { role: 'chair' }),
      member('vice1', 'remote', { role: 'vice_chair' }),
      member('vice2', 'remote', { role: 'vice_chair' }),
      member('m1', 'on_site'),
      member('m2', 'on_site'),
    ];
    const e = evaluateMeeting({ plan: plan('committee', planned), facts: goodFacts(planned), ruleSetVersions: [version] });
    const presidium = e.findings.filter((f) => f.code === 'PRESIDIUM_NOT_ON_SITE');
    assert.deepEqual(
      presidium.map((f) => f.memberId),
      ['vice1'],
    );
    assert.equal(presidium[0]!.basis, LEGAL_BASIS.meetingLeader);
  });
});

describe('a stored rule set that loosens the law', () => {
  it('is flagged, and the law floor still applies', () => {
    const loose = publishedVersion();
    loose.bodyTypes.council = { ...loose.bodyTypes.council, excludedItemKinds: [], physicalPlaceRequired: false };
    const p = plan('council', members(4, 1), { agenda: COUNCIL_AGENDA, place: null });
    const e = evaluateMeeting({ plan: p, facts: goodFacts(p.members), ruleSetVersions: [loose] });
    assert.ok(codes(e).includes('RULE_SET_LOOSENS_LAW'));
    assert.ok(codes(e).includes('NO_PHYSICAL_PLACE'));
    assert.equal(cell(e, 'remote1', 'secret').mayTakePartRemotely, false);
    assert.equal(cell(e, 'remote1', 'election').mayTakePartRemotely, false);
  });
});

describe('malformed input becomes findings', () => {
  it('an unreadable start: blocker, and the law baseline applies', () => {
    const p = plan('council', members(2, 1), { start: '2021-06-10 18:00' });
    const e = evaluateMeeting({ plan: p, facts: goodFacts(p.members), ruleSetVersions: [publishedVersion()] });
    assert.equal(e.meetingDate, null);
    assert.equal(e.ruleSet.source, 'law_baseline');
    assert.ok(codes(e).includes('INVALID_MEETING_TIME'));
  });

  it('duplicates, bad seats and bad facts', () => {
    const planned = members(2, 1);
    const p = plan('council', [...planned, planned[3]!], { agenda: [{ id: 'a' }, { id: 'a' }] });
    p.body = { ...p.body, seats: 0 };
    const facts = goodFacts(planned);
    facts.trainingCompletions.push({ memberId: 'site1', moduleKey: 'x', completedOn: 'yesterday' });
    facts.identityVerifications.push({ memberId: 'site1', level: 'passport' as never });
    const e = evaluateMeeting({ plan: p, facts, ruleSetVersions: [publishedVersion()] });
    for (const code of ['DUPLICATE_MEMBER', 'DUPLICATE_ITEM', 'INVALID_BODY_SEATS', 'INVALID_FACT']) assert.ok(codes(e).includes(code), code);
    assert.equal(e.remoteEligibility.length, planned.length * 1);
    assert.equal(e.quorum[0]!.required, null);
    assert.equal(e.quorum[0]!.hasQuorum, false);
  });
});

describe('output', () => {
  it('is plain JSON data', () => {
    const e = run(plan('council', members(4, 4), { agenda: COUNCIL_AGENDA }));
    assert.deepEqual(JSON.parse(JSON.stringify(e)), e);
  });

  it('lists blockers before warnings', () => {
    const e = run(plan('council', members(2, 6), { agenda: COUNCIL_AGENDA }));
    const firstWarning = e.findings.findIndex((f) => f.severity === 'warning');
    assert.ok(firstWarning > 0);
    assert.ok(e.findings.slice(firstWarning).every((f) => f.severity === 'warning'));
  });
});
