/**
 * What the evaluation is given: the planned meeting, the facts about the people and the
 * platform, and the municipality's rule-set versions. One input object, plain data.
 */
import type { Platform } from './platform-catalog.js';
import type { BodyType, IdentityCheck, MemberRole, RuleSetVersion, SupportRole } from './rule-set.js';
import type { Instant, IsoDate } from './stockholm-time.js';

export type PlannedMode = 'on_site' | 'remote' | 'absent';

/** The parent committee's decision that its sub-committee may meet with remote participants. */
export interface ParentBodyDecision {
  allowsRemote: boolean;
  /** E.g. "BUN 2021-03-01 § 12". */
  reference: string;
  decidedOn: IsoDate;
}

export interface MeetingBody {
  id: string;
  type: BodyType;
  name?: string;
  /** Number of ordinary members (ledamöter); quorum is counted against it. */
  seats: number;
  /** Sub-committees only: the committee they answer to. */
  parent?: {
    id: string;
    type: BodyType;
    /** null or absent: the parent has not decided. */
    subCommitteeRemoteDecision?: ParentBodyDecision | null;
  } | null;
}

export interface AgendaItem {
  id: string;
  title?: string;
  /** Kinds such as "personnel"; the flags below are the legally excluded kinds. */
  kinds?: string[];
  confidential?: boolean;
  closedVote?: boolean;
}

export interface PlannedMember {
  id: string;
  name?: string;
  role: MemberRole;
  /** An ordinary member, or a deputy stepping in (tjänstgörande ersättare): counts toward quorum. */
  voting: boolean;
  mode: PlannedMode;
  partyGroupId?: string | null;
  /** Items the member is disqualified from (jäv); counted as absent on them. */
  conflictOfInterestItemIds?: string[];
  /** Company boards: agrees to the board meeting with remote participants. */
  consentsToRemoteMeeting?: boolean;
  /** Company boards: has received the documents (ABL 8:21). */
  documentsDelivered?: boolean;
}

export interface Recess {
  start: Instant;
  /** Absent while a recess is still open. */
  end?: Instant | null;
}

export interface MeetingPlan {
  id: string;
  body: MeetingBody;
  start: Instant;
  end: Instant;
  /** The physical place named in the notice; empty or null when there is none. */
  place: string | null;
  recesses?: Recess[];
  agenda: AgendaItem[];
  members: PlannedMember[];
}

export interface TrainingCompletion {
  memberId: string;
  moduleKey: string;
  completedOn: IsoDate;
  /** Last day the completion is valid (inclusive); null when it does not expire. */
  validUntil?: IsoDate | null;
}

export interface IdentityVerification {
  memberId: string;
  level: IdentityCheck;
}

export interface SupportAssignment {
  role: SupportRole;
  staffId: string;
}

export interface MeetingFacts {
  trainingCompletions: TrainingCompletion[];
  /** Titles of training modules by key, so a reason names the module as the member knows it. */
  trainingModuleTitles?: Readonly<Record<string, string>>;
  identityVerifications: IdentityVerification[];
  /** Key in the platform catalog; null when not chosen yet. */
  platformKey: string | null;
  supportAssigned: SupportAssignment[];
}

export interface EvaluateMeetingInput {
  plan: MeetingPlan;
  facts: MeetingFacts;
  /** All the municipality's versions; the one in force on the meeting's date is chosen here. */
  ruleSetVersions: readonly RuleSetVersion[];
  /** Defaults to the regional catalog. */
  platformCatalog?: readonly Platform[];
}
