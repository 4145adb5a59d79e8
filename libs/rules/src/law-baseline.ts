/**
 * What the law requires when a municipality has decided nothing, and the floor no municipal
 * rule set can go below.
 *
 * Without a council decision there is no remote participation in the council or its
 * committees (KL 5:16, 6:24); a sub-committee also needs its parent committee's decision;
 * a company board may meet remotely only if all members agree. Confidential items and closed
 * votes are never handled with remote participants; political bodies always meet in a
 * physical place, led from the room.
 */
import {
  ALWAYS_EXCLUDED_ITEM_KINDS,
  DATA_RESIDENCY_REQUIREMENTS,
  EQUAL_TERMS_READINGS,
  IDENTITY_CHECKS,
  PRESIDIUM_ON_SITE_LEVELS,
  type BodyRules,
  type BodyType,
  type CompanyBoardRules,
} from './rule-set.js';

export const LAW_COMPANY_BOARD: Readonly<CompanyBoardRules> = Object.freeze({
  consentOfAllMembersRequired: true,
  quorumMoreThanShare: 0.5,
  documentsToAllRequired: true,
});

function baseline(type: BodyType): BodyRules {
  const political = type !== 'company_board';
  return {
    // Company boards are not regulated like political bodies: remote is possible once everyone consents.
    remoteParticipation: { allowed: !political, decision: null },
    excludedItemKinds: [...ALWAYS_EXCLUDED_ITEM_KINDS],
    // The loosest reading SKR accepts: seeing the room and the speaker.
    equalTerms: 'room_and_speaker',
    maxRemoteParticipants: null,
    // The study: the council meets where at least the presidium is; SKR: whoever leads a meeting is in the room.
    presidiumOnSite: type === 'council' ? 'presidium' : political ? 'leader' : 'none',
    physicalPlaceRequired: political,
    approvedPlatforms: null,
    dataResidency: 'any',
    identityCheck: 'none',
    requiredTraining: [],
    requiredSupport: [],
    ...(political ? {} : { companyBoard: { ...LAW_COMPANY_BOARD } }),
    // Party-group rooms are a service the municipality may offer, not something the law asks for.
    breakoutRooms: {
      enabled: false,
      minutesBefore: 0,
      duringRecesses: false,
      minutesAfter: 0,
      partyGroups: 'with_council_seats',
      invite: 'members_and_deputies_of_body',
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export const LAW_BASELINE: Readonly<Record<BodyType, BodyRules>> = deepFreeze({
  council: baseline('council'),
  executive_board: baseline('executive_board'),
  committee: baseline('committee'),
  sub_committee: baseline('sub_committee'),
  company_board: baseline('company_board'),
});

function atLeast<T>(scale: readonly T[], floor: T, value: T): T {
  const index = scale.indexOf(value);
  return index < scale.indexOf(floor) ? floor : value;
}

/**
 * The rules with the law's floor put back wherever they go below it. Evaluation runs on this,
 * so a rule set that slipped through invalid can still never loosen what the law requires.
 * Returns a new object; the input is not changed.
 */
export function applyLawFloor(rules: BodyRules, type: BodyType): BodyRules {
  const floor = LAW_BASELINE[type];
  const excluded = Array.isArray(rules.excludedItemKinds) ? rules.excludedItemKinds : [];
  const missing = floor.excludedItemKinds.filter((kind) => !excluded.includes(kind));
  const result: BodyRules = {
    ...rules,
    excludedItemKinds: missing.length === 0 ? excluded : [...floor.excludedItemKinds.filter((k) => missing.includes(k)), ...excluded],
    equalTerms: atLeast(EQUAL_TERMS_READINGS, floor.equalTerms, rules.equalTerms),
    presidiumOnSite: atLeast(PRESIDIUM_ON_SITE_LEVELS, floor.presidiumOnSite, rules.presidiumOnSite),
    physicalPlaceRequired: rules.physicalPlaceRequired === true || floor.physicalPlaceRequired,
    dataResidency: atLeast(DATA_RESIDENCY_REQUIREMENTS, floor.dataResidency, rules.dataResidency),
    identityCheck: atLeast(IDENTITY_CHECKS, floor.identityCheck, rules.identityCheck),
  };
  if (floor.companyBoard) {
    const own = rules.companyBoard ?? floor.companyBoard;
    const share = Number.isFinite(own.quorumMoreThanShare) ? own.quorumMoreThanShare : floor.companyBoard.quorumMoreThanShare;
    result.companyBoard = {
      consentOfAllMembersRequired: own.consentOfAllMembersRequired === true || floor.companyBoard.consentOfAllMembersRequired,
      quorumMoreThanShare: Math.min(1, Math.max(share, floor.companyBoard.quorumMoreThanShare)),
      documentsToAllRequired: own.documentsToAllRequired === true || floor.companyBoard.documentsToAllRequired,
    };
  }
  return result;
}
