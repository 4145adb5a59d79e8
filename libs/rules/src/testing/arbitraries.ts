/**
 * fast-check arbitraries for the property specs: meeting plans, facts, rule sets — some of
 * them malformed on purpose — and `tighten`, which makes a rule set stricter in random ways.
 */
import fc from 'fast-check';
import type { EvaluateMeetingInput, MeetingFacts, MeetingPlan, PlannedMember } from '../meeting-plan.js';
import { REGIONAL_PLATFORM_CATALOG } from '../platform-catalog.js';
import {
  BODY_TYPES,
  DATA_RESIDENCY_REQUIREMENTS,
  EQUAL_TERMS_READINGS,
  IDENTITY_CHECKS,
  MEMBER_ROLES,
  PRESIDIUM_ON_SITE_LEVELS,
  SUPPORT_ROLES,
  type BodyRules,
  type BodyType,
  type RuleSetVersion,
} from '../rule-set.js';
import { publishedVersion } from './fixtures.js';

const PLATFORM_KEYS = REGIONAL_PLATFORM_CATALOG.map((p) => p.key);
const MODULES = ['remote-participation-basics', 'information-security', 'chairing-hybrid-meetings'];
const ITEM_KINDS = ['personnel', 'confidential', 'closed_vote', 'budget'];
const MEETING_STARTS = ['2021-03-28T22:30:00Z', '2021-06-10T18:00:00+02:00', '2020-01-10T09:00:00+01:00', '2021-12-31T23:30:00Z'];

const isoDate = fc.oneof(
  fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2022, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10)),
  fc.constantFrom('never', '2021-02-30', ''),
);

/** Rules anywhere in their range — including below the law, which evaluation must floor. */
export const arbBodyRules = (type: BodyType): fc.Arbitrary<BodyRules> =>
  fc
    .record({
      remoteParticipation: fc.record({ allowed: fc.boolean(), decision: fc.constant(null) }),
      excludedItemKinds: fc.subarray(ITEM_KINDS),
      equalTerms: fc.constantFrom(...EQUAL_TERMS_READINGS),
      maxRemoteParticipants: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
      presidiumOnSite: fc.constantFrom(...PRESIDIUM_ON_SITE_LEVELS),
      physicalPlaceRequired: fc.boolean(),
      approvedPlatforms: fc.option(fc.subarray(PLATFORM_KEYS), { nil: null }),
      dataResidency: fc.constantFrom(...DATA_RESIDENCY_REQUIREMENTS),
      identityCheck: fc.constantFrom(...IDENTITY_CHECKS),
      requiredTraining: fc.uniqueArray(
        fc.record({ moduleKey: fc.constantFrom(...MODULES), roles: fc.option(fc.subarray([...MEMBER_ROLES], { minLength: 1 }), { nil: null }) }),
        { maxLength: 2, selector: (t) => t.moduleKey },
      ),
      requiredSupport: fc.uniqueArray(fc.record({ role: fc.constantFrom(...SUPPORT_ROLES), count: fc.integer({ min: 0, max: 2 }) }), {
        maxLength: 2,
        selector: (s) => s.role,
      }),
      breakoutRooms: fc.record({
        enabled: fc.boolean(),
        minutesBefore: fc.integer({ min: 0, max: 60 }),
        duringRecesses: fc.boolean(),
        minutesAfter: fc.integer({ min: 0, max: 60 }),
        partyGroups: fc.constantFrom('with_council_seats' as const, 'with_seats_in_body' as const),
        invite: fc.constantFrom('members_and_deputies_of_body' as const, 'members_of_body' as const),
      }),
    })
    .chain((rules) =>
      type === 'company_board'
        ? fc
            .record({
              consentOfAllMembersRequired: fc.boolean(),
              quorumMoreThanShare: fc.constantFrom(0.3, 0.5, 0.6, 2 / 3, 1),
              documentsToAllRequired: fc.boolean(),
            })
            .map((companyBoard) => ({ ...rules, companyBoard }))
        : fc.constant(rules),
    );

export const arbRuleSet: fc.Arbitrary<RuleSetVersion> = fc
  .record({
    council: arbBodyRules('council'),
    executive_board: arbBodyRules('executive_board'),
    committee: arbBodyRules('committee'),
    sub_committee: arbBodyRules('sub_committee'),
    company_board: arbBodyRules('company_board'),
    parentOverride: fc.option(arbBodyRules('committee'), { nil: undefined }),
    decidedBy: fc.constantFrom<BodyType>('council', 'council', 'executive_board'),
  })
  .map(({ parentOverride, decidedBy, ...bodyTypes }) => {
    const version = publishedVersion({
      effectiveFrom: '2020-01-01',
      publishedAt: '2019-12-01T00:00:00Z',
      decision: { reference: 'KF 2019-11-25 § 9', decidedBy },
    });
    version.bodyTypes = bodyTypes;
    if (parentOverride) version.bodies = { parent: { bodyType: 'committee', rules: parentOverride } };
    return version;
  });

function tightenRules(rules: BodyRules): fc.Arbitrary<BodyRules> {
  const scaleUp = <T>(scale: readonly T[], current: T) => fc.constantFrom(...scale.slice(Math.max(0, scale.indexOf(current))));
  return fc
    .record({
      disallow: fc.boolean(),
      addKinds: fc.subarray(['personnel', 'budget']),
      equalTerms: scaleUp(EQUAL_TERMS_READINGS, rules.equalTerms),
      max: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
      presidium: scaleUp(PRESIDIUM_ON_SITE_LEVELS, rules.presidiumOnSite),
      requirePlace: fc.boolean(),
      keepPlatforms: fc.option(fc.subarray(PLATFORM_KEYS), { nil: undefined }),
      residency: scaleUp(DATA_RESIDENCY_REQUIREMENTS, rules.dataResidency),
      identity: scaleUp(IDENTITY_CHECKS, rules.identityCheck),
      addModule: fc.option(fc.constantFrom(...MODULES), { nil: undefined }),
      moreSupport: fc.nat({ max: 2 }),
      share: fc.constantFrom(0, 0.1, 0.3),
      requireBoard: fc.boolean(),
    })
    .map((t) => {
      const next: BodyRules = structuredClone(rules);
      if (t.disallow) next.remoteParticipation.allowed = false;
      next.excludedItemKinds = [...new Set([...next.excludedItemKinds, ...t.addKinds])];
      next.equalTerms = t.equalTerms;
      if (t.max !== undefined) next.maxRemoteParticipants = Math.min(next.maxRemoteParticipants ?? Infinity, t.max);
      next.presidiumOnSite = t.presidium;
      if (t.requirePlace) next.physicalPlaceRequired = true;
      if (t.keepPlatforms) next.approvedPlatforms = (next.approvedPlatforms ?? PLATFORM_KEYS).filter((k) => t.keepPlatforms!.includes(k));
      next.dataResidency = t.residency;
      next.identityCheck = t.identity;
      if (t.addModule) next.requiredTraining = [...next.requiredTraining, { moduleKey: t.addModule, roles: null }];
      next.requiredSupport = next.requiredSupport.map((s) => ({ ...s, count: s.count + t.moreSupport }));
      if (next.companyBoard) {
        next.companyBoard.quorumMoreThanShare = Math.min(1, next.companyBoard.quorumMoreThanShare + t.share);
        if (t.requireBoard) next.companyBoard = { ...next.companyBoard, consentOfAllMembersRequired: true, documentsToAllRequired: true };
      }
      return next;
    });
}

/** A stricter copy of a rule set: every body type, and every body override, tightened at random. */
export function tighten(version: RuleSetVersion): fc.Arbitrary<RuleSetVersion> {
  const types = BODY_TYPES.map((type) => tightenRules(version.bodyTypes[type]));
  const overrides = Object.entries(version.bodies).map(([id, o]) =>
    tightenRules({ ...version.bodyTypes[o.bodyType], ...o.rules } as BodyRules).map((rules) => [id, { ...o, rules }] as const),
  );
  return fc.tuple(fc.tuple(...types), fc.tuple(...overrides)).map(([rules, bodies]) => ({
    ...structuredClone(version),
    bodyTypes: Object.fromEntries(BODY_TYPES.map((type, i) => [type, rules[i]!])) as RuleSetVersion['bodyTypes'],
    bodies: Object.fromEntries(bodies),
  }));
}

const arbMember = (id: string, itemIds: readonly string[]): fc.Arbitrary<PlannedMember> =>
  fc.record({
    id: fc.constant(id),
    role: fc.constantFrom(...MEMBER_ROLES),
    voting: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
    mode: fc.constantFrom('on_site' as const, 'on_site' as const, 'remote' as const, 'absent' as const),
    conflictOfInterestItemIds: fc.oneof({ arbitrary: fc.constant<string[]>([]), weight: 4 }, { arbitrary: fc.subarray([...itemIds]), weight: 1 }),
    consentsToRemoteMeeting: fc.boolean(),
    documentsDelivered: fc.boolean(),
  });

export const arbPlan: fc.Arbitrary<MeetingPlan> = fc
  .record({
    type: fc.constantFrom(...BODY_TYPES),
    itemCount: fc.integer({ min: 1, max: 5 }),
    memberCount: fc.integer({ min: 1, max: 10 }),
    duplicateId: fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 }),
    // Mostly well-formed, so that compliant meetings occur too; sometimes malformed.
    start: fc.oneof({ arbitrary: fc.constantFrom(...MEETING_STARTS), weight: 9 }, { arbitrary: fc.constant('soon'), weight: 1 }),
    // 'auto': as many seats as voting members, which makes quorum likely.
    seats: fc.oneof(
      { arbitrary: fc.constant('auto' as const), weight: 6 },
      { arbitrary: fc.integer({ min: 1, max: 12 }), weight: 3 },
      { arbitrary: fc.constantFrom(0, -1, 2.5), weight: 1 },
    ),
    place: fc.oneof({ arbitrary: fc.constant('Sessionssalen'), weight: 8 }, { arbitrary: fc.constantFrom('', null), weight: 2 }),
    parentDecision: fc.option(fc.record({ allowsRemote: fc.boolean(), reference: fc.constant('BUN § 1'), decidedOn: isoDate }), { nil: null }),
  })
  .chain((p) => {
    const itemIds = Array.from({ length: p.itemCount }, (_, i) => `i${i}`);
    const memberIds = Array.from({ length: p.memberCount }, (_, i) => (p.duplicateId && i === p.memberCount - 1 && i > 0 ? 'm0' : `m${i}`));
    return fc
      .record({
        items: fc.tuple(
          ...itemIds.map((id) => fc.record({ id: fc.constant(id), kinds: fc.subarray(ITEM_KINDS), confidential: fc.boolean(), closedVote: fc.boolean() })),
        ),
        members: fc.tuple(...memberIds.map((id) => arbMember(id, itemIds))),
      })
      .map(({ items, members }): MeetingPlan => {
        const startMs = Date.parse(p.start);
        return {
          id: 'meeting',
          body: {
            id: 'body',
            type: p.type,
            seats: p.seats === 'auto' ? Math.max(1, members.filter((m) => m.voting).length) : p.seats,
            parent: p.type === 'sub_committee' ? { id: 'parent', type: 'committee', subCommitteeRemoteDecision: p.parentDecision } : null,
          },
          start: p.start,
          end: Number.isFinite(startMs) ? new Date(startMs + 3 * 3600_000).toISOString() : 'later',
          place: p.place,
          agenda: items,
          members,
        };
      });
  });

export const arbFacts = (plan: MeetingPlan): fc.Arbitrary<MeetingFacts> => {
  const ids = plan.members.map((m) => m.id);
  return fc.record({
    trainingCompletions: fc.array(
      fc.record({
        memberId: fc.constantFrom(...ids, 'stranger'),
        moduleKey: fc.constantFrom(...MODULES),
        completedOn: isoDate,
        validUntil: fc.option(isoDate, { nil: null }),
      }),
      { maxLength: 15 },
    ),
    identityVerifications: fc.array(fc.record({ memberId: fc.constantFrom(...ids), level: fc.constantFrom(...IDENTITY_CHECKS, 'passport' as never) }), {
      maxLength: 12,
    }),
    platformKey: fc.constantFrom(...PLATFORM_KEYS, null, 'webex'),
    supportAssigned: fc.array(fc.record({ role: fc.constantFrom(...SUPPORT_ROLES), staffId: fc.constantFrom('s1', 's2', 's3') }), { maxLength: 4 }),
  });
};

export const arbInput: fc.Arbitrary<EvaluateMeetingInput> = fc
  .tuple(arbPlan, arbRuleSet)
  .chain(([plan, ruleSet]) => arbFacts(plan).map((facts) => ({ plan, facts, ruleSetVersions: [ruleSet] })));
