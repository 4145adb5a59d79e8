/**
 * Whether a body may have remote participants at this meeting at all, before any member or
 * item is considered: who has decided it (the council; for a sub-committee also its parent
 * committee; for a company board every member's consent).
 */
import { applyLawFloor } from './law-baseline.js';
import { LEGAL_BASIS, localBasis, remoteBasisFor, type Basis } from './legal-basis.js';
import { reason, type Reason, type ReasonCode } from './findings.js';
import type { MeetingPlan, PlannedMember } from './meeting-plan.js';
import { resolveBodyRules } from './resolve-body-rules.js';
import type { BodyRules, BodyType, DecisionReference, RuleSetVersion } from './rule-set.js';
import { isIsoDate, type IsoDate } from './stockholm-time.js';

export interface RemoteAuthority {
  allowed: boolean;
  /** When allowed: the one reason saying on what decision. Otherwise every obstacle. */
  reasons: Reason[];
  /** Members whose missing consent blocks a company board's remote meeting. */
  membersWithoutConsent: string[];
}

const BODY_NAME: Record<BodyType, { sv: string; en: string }> = {
  council: { sv: 'kommunfullmäktige', en: 'the council' },
  executive_board: { sv: 'kommunstyrelsen', en: 'the executive board' },
  committee: { sv: 'nämnden', en: 'the committee' },
  sub_committee: { sv: 'utskottet', en: 'the sub-committee' },
  company_board: { sv: 'bolagsstyrelsen', en: 'the company board' },
};

/** The council decision that allows remote participation under these rules, if one is in force. */
export function councilDecision(rules: BodyRules, version: RuleSetVersion | null, meetingDate: IsoDate | null): DecisionReference | null {
  if (!version || !rules.remoteParticipation?.allowed) return null;
  const decision = rules.remoteParticipation.decision ?? version.decision;
  if (!decision || decision.decidedBy !== 'council' || typeof decision.reference !== 'string' || decision.reference.trim() === '') return null;
  // A decision dated after the meeting cannot have allowed it.
  if (decision.decidedOn && (!isIsoDate(decision.decidedOn) || meetingDate === null || decision.decidedOn > meetingDate)) return null;
  return decision;
}

function notAllowed(code: ReasonCode, sv: string, en: string, basis: Basis): Reason {
  return reason(code, { sv, en }, basis);
}

function allowedBy(reference: string, basis: Basis): Reason {
  return reason('REMOTE_ALLOWED', { sv: `Får delta på distans enligt ${reference}.`, en: `May take part remotely under ${reference}.` }, basis);
}

function politicalAuthority(type: BodyType, rules: BodyRules, version: RuleSetVersion | null, date: IsoDate | null): RemoteAuthority {
  const decision = councilDecision(rules, version, date);
  if (decision) return { allowed: true, reasons: [allowedBy(decision.reference, remoteBasisFor(type))], membersWithoutConsent: [] };
  const name = BODY_NAME[type];
  return {
    allowed: false,
    reasons: [
      notAllowed(
        'REMOTE_NOT_ALLOWED',
        `Fullmäktige har inget gällande beslut om deltagande på distans i ${name.sv}.`,
        `No council decision in force allows remote participation in ${name.en}.`,
        version && !rules.remoteParticipation?.allowed ? localBasis(version.decision.reference) : remoteBasisFor(type),
      ),
    ],
    membersWithoutConsent: [],
  };
}

function subCommitteeAuthority(plan: MeetingPlan, rules: BodyRules, version: RuleSetVersion | null, date: IsoDate | null): RemoteAuthority {
  const reasons: Reason[] = [];
  if (!rules.remoteParticipation?.allowed) {
    reasons.push(
      notAllowed(
        'REMOTE_NOT_ALLOWED',
        'Kommunens regler medger inte deltagande på distans i utskott.',
        "The municipality's rules do not allow remote participation in sub-committees.",
        version ? localBasis(version.decision.reference) : LEGAL_BASIS.subCommitteeRemote,
      ),
    );
  }
  const parent = plan.body.parent;
  const parentRules = parent && version ? applyLawFloor(resolveBodyRules(version, parent), parent.type) : null;
  if (!parent || !parentRules || !councilDecision(parentRules, version, date)) {
    reasons.push(
      notAllowed(
        'PARENT_BODY_NOT_ALLOWED',
        'Nämnden som utskottet hör till får inte själv ha deltagare på distans, så den kan inte medge det för utskottet.',
        'The parent committee may not itself have remote participants, so it cannot allow them in its sub-committee.',
        LEGAL_BASIS.subCommitteeRemote,
      ),
    );
  }
  const decision = parent?.subCommitteeRemoteDecision;
  const decided = !!decision && decision.allowsRemote === true && isIsoDate(decision.decidedOn) && date !== null && decision.decidedOn <= date;
  if (!decided) {
    reasons.push(
      notAllowed(
        'PARENT_BODY_NOT_ALLOWED',
        'Nämnden har inte beslutat att ledamöter får delta på distans i utskottets sammanträden.',
        'The parent committee has not decided that members may take part remotely in the sub-committee.',
        LEGAL_BASIS.subCommitteeRemote,
      ),
    );
  }
  if (reasons.length > 0) return { allowed: false, reasons, membersWithoutConsent: [] };
  return { allowed: true, reasons: [allowedBy(decision!.reference, LEGAL_BASIS.subCommitteeRemote)], membersWithoutConsent: [] };
}

function companyBoardAuthority(members: readonly PlannedMember[], rules: BodyRules, version: RuleSetVersion | null): RemoteAuthority {
  const reasons: Reason[] = [];
  if (!rules.remoteParticipation?.allowed) {
    reasons.push(
      notAllowed(
        'REMOTE_NOT_ALLOWED',
        'Kommunens regler medger inte att bolagsstyrelsen sammanträder med deltagare på distans.',
        "The municipality's rules do not allow the company board to meet with remote participants.",
        version ? localBasis(version.decision.reference) : LEGAL_BASIS.companyBoardConsent,
      ),
    );
  }
  const membersWithoutConsent =
    rules.companyBoard?.consentOfAllMembersRequired === false ? [] : members.filter((m) => m.voting && m.consentsToRemoteMeeting !== true).map((m) => m.id);
  if (membersWithoutConsent.length > 0) {
    reasons.push(
      notAllowed(
        'COMPANY_BOARD_CONSENT_MISSING',
        `Alla styrelseledamöter har inte godkänt att styrelsen sammanträder på distans (${membersWithoutConsent.length} saknas).`,
        `Not all board members have agreed to the board meeting remotely (${membersWithoutConsent.length} missing).`,
        LEGAL_BASIS.companyBoardConsent,
      ),
    );
  }
  if (reasons.length > 0) return { allowed: false, reasons, membersWithoutConsent };
  const basis = version ? localBasis(version.decision.reference) : LEGAL_BASIS.companyBoardConsent;
  return {
    allowed: true,
    reasons: [
      reason(
        'REMOTE_ALLOWED',
        { sv: 'Alla styrelseledamöter har godkänt deltagande på distans.', en: 'All board members have agreed to remote participation.' },
        basis,
      ),
    ],
    membersWithoutConsent: [],
  };
}

export function remoteAuthority(
  plan: MeetingPlan,
  members: readonly PlannedMember[],
  rules: BodyRules,
  version: RuleSetVersion | null,
  meetingDate: IsoDate | null,
): RemoteAuthority {
  switch (plan.body.type) {
    case 'sub_committee':
      return subCommitteeAuthority(plan, rules, version, meetingDate);
    case 'company_board':
      return companyBoardAuthority(members, rules, version);
    default:
      return politicalAuthority(plan.body.type, rules, version, meetingDate);
  }
}
