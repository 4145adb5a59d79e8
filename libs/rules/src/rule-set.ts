/**
 * The rule model: what a municipality has decided about remote participation, per body type
 * with per-body overrides, versioned. Plain JSON data throughout, because rule sets are stored
 * as jsonb and sent over GraphQL unchanged.
 */
import type { IsoDate } from './stockholm-time.js';

/** kommunfullmäktige, kommunstyrelsen, nämnd, utskott, bolagsstyrelse. */
export type BodyType = 'council' | 'executive_board' | 'committee' | 'sub_committee' | 'company_board';
export const BODY_TYPES: readonly BodyType[] = ['council', 'executive_board', 'committee', 'sub_committee', 'company_board'];

/** ordförande, vice ordförande, ledamot, ersättare. */
export type MemberRole = 'chair' | 'vice_chair' | 'member' | 'deputy';
export const MEMBER_ROLES: readonly MemberRole[] = ['chair', 'vice_chair', 'member', 'deputy'];

/**
 * SKR's three readings of "lika villkor", loosest first: seeing the room and the speaker is
 * enough · all can see each other · all always see each other.
 */
export type EqualTermsReading = 'room_and_speaker' | 'all_can_see_all' | 'all_always_see_all';
export const EQUAL_TERMS_READINGS: readonly EqualTermsReading[] = ['room_and_speaker', 'all_can_see_all', 'all_always_see_all'];

/** Identity check for remote participants, loosest first. */
export type IdentityCheck = 'none' | 'municipal_account' | 'e_id';
export const IDENTITY_CHECKS: readonly IdentityCheck[] = ['none', 'municipal_account', 'e_id'];

/**
 * Who must be in the room, loosest first: nobody in particular · whoever leads the meeting
 * (the chair, or the vice chair standing in) · the whole presidium (chair and vice chairs).
 */
export type PresidiumOnSite = 'none' | 'leader' | 'presidium';
export const PRESIDIUM_ON_SITE_LEVELS: readonly PresidiumOnSite[] = ['none', 'leader', 'presidium'];

/** Where a platform's data may be stored, loosest first. */
export type DataResidencyRequirement = 'any' | 'EU' | 'SE';
export const DATA_RESIDENCY_REQUIREMENTS: readonly DataResidencyRequirement[] = ['any', 'EU', 'SE'];

/** IT support, and the dedicated meeting support person who assists chair and secretary. */
export type SupportRole = 'it_support' | 'meeting_support';
export const SUPPORT_ROLES: readonly SupportRole[] = ['it_support', 'meeting_support'];

/** Item kinds no municipality may handle with remote participants (SKR, the Fyrbodal study). */
export const ALWAYS_EXCLUDED_ITEM_KINDS = ['confidential', 'closed_vote'] as const;

/** A decision that something applies, e.g. "KF 2020-04-20 § 45". */
export interface DecisionReference {
  reference: string;
  decidedBy: BodyType;
  decidedOn?: IsoDate | null;
}

export interface RemoteParticipationRule {
  /**
   * council, executive board, committee: allowed by the council (KL 5:16, 6:24).
   * sub-committee: the council's rules let it happen, but the parent committee must also
   *   decide it for its sub-committee (that decision is part of the meeting plan).
   * company board: the owner lets it happen; all board members must still consent.
   */
  allowed: boolean;
  /** The decision allowing it; null means the rule set's own decision. */
  decision: DecisionReference | null;
}

export interface TrainingRequirement {
  moduleKey: string;
  /** Roles the module is required of; null means every remote participant. */
  roles: MemberRole[] | null;
}

export interface SupportRequirement {
  role: SupportRole;
  count: number;
  /** Whether missing support stops the meeting from being convened; by default it is a warning (staff can be scheduled later). */
  blocking?: boolean;
}

/** ABL 8 kap. 21 §, and the consent the study asks for before a board meets remotely. */
export interface CompanyBoardRules {
  consentOfAllMembersRequired: boolean;
  /** Quorum when more than this share of all board members take part (the Act: 0.5). */
  quorumMoreThanShare: number;
  documentsToAllRequired: boolean;
}

/** Which party groups get a room: those with council seats (Timrå, KS/2020:543), or only those with seats in the body. */
export type BreakoutPartyGroups = 'with_council_seats' | 'with_seats_in_body';
/** Whom to invite: the party's members and deputies of the body, or only its members. */
export type BreakoutInvitees = 'members_and_deputies_of_body' | 'members_of_body';

export interface BreakoutRoomPolicy {
  enabled: boolean;
  minutesBefore: number;
  duringRecesses: boolean;
  minutesAfter: number;
  partyGroups: BreakoutPartyGroups;
  invite: BreakoutInvitees;
}

export interface BodyRules {
  remoteParticipation: RemoteParticipationRule;
  /** Item kinds handled without remote participants; always includes confidential and closed_vote. */
  excludedItemKinds: string[];
  equalTerms: EqualTermsReading;
  /** null: no number set (with an "all see all" reading the platform's gallery still caps it). */
  maxRemoteParticipants: number | null;
  presidiumOnSite: PresidiumOnSite;
  physicalPlaceRequired: boolean;
  /** Platform keys from the regional catalog; null means any platform. */
  approvedPlatforms: string[] | null;
  dataResidency: DataResidencyRequirement;
  identityCheck: IdentityCheck;
  requiredTraining: TrainingRequirement[];
  /** Support a meeting with remote participants needs. */
  requiredSupport: SupportRequirement[];
  /** Only on company boards. */
  companyBoard?: CompanyBoardRules;
  breakoutRooms: BreakoutRoomPolicy;
}

/** Part of a body's rules; nested objects may be partial too, lists replace the inherited list. */
export type BodyRulesOverride = {
  [K in keyof BodyRules]?: NonNullable<BodyRules[K]> extends unknown[]
    ? BodyRules[K]
    : NonNullable<BodyRules[K]> extends object
      ? Partial<NonNullable<BodyRules[K]>>
      : BodyRules[K];
};

export interface BodyOverride {
  /** The body's type, so the override can be checked against the right baseline. */
  bodyType: BodyType;
  name?: string;
  rules: BodyRulesOverride;
}

/** The rules themselves, without version bookkeeping: what templates and versions share. */
export interface RuleSetContent {
  bodyTypes: Record<BodyType, BodyRules>;
  /** Keyed by body id. */
  bodies: Record<string, BodyOverride>;
}

export type RuleSetStatus = 'draft' | 'published';

export interface RuleSetVersion extends RuleSetContent {
  municipalityId: string;
  version: number;
  status: RuleSetStatus;
  /** E.g. { reference: "KF 2020-04-20 § 45", decidedBy: "council" }. */
  decision: DecisionReference;
  /** First Stockholm calendar date the version applies to. */
  effectiveFrom: IsoDate;
  /** When it was published (ISO instant); a version never applies to a meeting that started before it. */
  publishedAt: string | null;
  /** The regional template this version was adopted from, if any. */
  templateId: string | null;
}

/** The association's recommended rule set. */
export interface RuleSetTemplate extends RuleSetContent {
  id: string;
  name: string;
  region: string;
}

export function isPoliticalBody(type: BodyType): boolean {
  return type !== 'company_board';
}

/** Position of a value in a loosest-first scale; -1 when it is not on the scale. */
export function rank<T>(scale: readonly T[], value: T): number {
  return scale.indexOf(value);
}
