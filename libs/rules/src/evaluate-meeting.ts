/**
 * evaluateMeeting: one plain input (plan, facts, the municipality's rule-set versions), one
 * plain output (findings, the member × item matrix, quorum per item). Deterministic — no
 * clock, no randomness, output in the plan's order — and total: malformed facts become
 * findings instead of exceptions.
 */
import { applyLawFloor, LAW_BASELINE } from './law-baseline.js';
import { LEGAL_BASIS, localBasis, quorumBasisFor } from './legal-basis.js';
import { finding, sortFindings, type Finding, type FindingCode, type Reason, type ReasonCode } from './findings.js';
import type { EvaluateMeetingInput, MeetingFacts, PlannedMember, PlannedMode, AgendaItem } from './meeting-plan.js';
import { physicalPlaceFindings, platformFindings, remoteCap, supportFindings } from './meeting-checks.js';
import { findPlatform, REGIONAL_PLATFORM_CATALOG } from './platform-catalog.js';
import { computeQuorum, type ItemQuorum } from './quorum.js';
import { remoteAuthority } from './remote-authority.js';
import {
  identityByMember,
  identityReason,
  itemExclusionReasons,
  meetingLeaderId,
  presidiumReason,
  trainingReasons,
  validTrainingByMember,
  type RuleContext,
} from './remote-eligibility.js';
import { resolveBodyRules } from './resolve-body-rules.js';
import { IDENTITY_CHECKS, type BodyRules, type RuleSetVersion } from './rule-set.js';
import { isIsoDate, parseInstant, stockholmDate, type IsoDate } from './stockholm-time.js';
import { validateBodyRules } from './validate-rule-set.js';
import { selectVersionInForce } from './version-in-force.js';

export interface RemoteEligibility {
  memberId: string;
  itemId: string;
  plannedMode: PlannedMode;
  mayTakePartRemotely: boolean;
  /** Why: one REMOTE_ALLOWED reason when allowed, otherwise every obstacle. */
  reasons: Reason[];
}

export interface AppliedRuleSet {
  source: 'municipal' | 'law_baseline';
  municipalityId: string | null;
  version: number | null;
  decisionReference: string | null;
  effectiveFrom: IsoDate | null;
}

export interface MeetingEvaluation {
  meetingId: string;
  /** The Stockholm calendar date the meeting is held on; null when its start cannot be read. */
  meetingDate: IsoDate | null;
  ruleSet: AppliedRuleSet;
  /** The body's rules as applied, the law's floor included. */
  rules: BodyRules;
  /** No blockers. */
  compliant: boolean;
  findings: Finding[];
  remoteEligibility: RemoteEligibility[];
  quorum: ItemQuorum[];
  remoteParticipants: { planned: number; cap: number | null };
}

/** What a member's own obstacle becomes as a finding when the member is planned remote. */
const MEMBER_REASON_FINDING: Partial<Record<ReasonCode, FindingCode>> = {
  PRESIDIUM_MUST_BE_ON_SITE: 'PRESIDIUM_NOT_ON_SITE',
  TRAINING_MISSING: 'TRAINING_MISSING',
  IDENTITY_INSUFFICIENT: 'IDENTITY_INSUFFICIENT',
};

/** First occurrence wins; later duplicates become findings. */
function uniqueById<T extends { id: string }>(list: readonly T[], onDuplicate: (entry: T) => void): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const entry of list ?? []) {
    if (!entry) continue;
    if (seen.has(entry.id)) {
      onDuplicate(entry);
      continue;
    }
    seen.add(entry.id);
    out.push(entry);
  }
  return out;
}

function factFindings(facts: MeetingFacts): Finding[] {
  const out: Finding[] = [];
  const basis = { kind: 'local' as const, reference: 'Underlag' };
  for (const c of facts.trainingCompletions ?? []) {
    if (c && isIsoDate(c.completedOn) && (c.validUntil === null || c.validUntil === undefined || isIsoDate(c.validUntil))) continue;
    out.push(
      finding(
        'INVALID_FACT',
        {
          sv: `Utbildningsuppgiften för "${c?.moduleKey}" har ogiltiga datum och räknas inte.`,
          en: `The training record for "${c?.moduleKey}" has invalid dates and is not counted.`,
        },
        basis,
        { memberId: c?.memberId ?? null },
      ),
    );
  }
  for (const v of facts.identityVerifications ?? []) {
    if (v && IDENTITY_CHECKS.includes(v.level)) continue;
    out.push(
      finding(
        'INVALID_FACT',
        { sv: 'En identitetsuppgift har okänd nivå och räknas inte.', en: 'An identity record has an unknown level and is not counted.' },
        basis,
        { memberId: v?.memberId ?? null },
      ),
    );
  }
  return out;
}

/** Empty lists where a stored rule set holds something else, so evaluation can go on. */
function normalise(rules: BodyRules): BodyRules {
  return {
    ...rules,
    remoteParticipation: rules.remoteParticipation ?? { allowed: false, decision: null },
    requiredTraining: Array.isArray(rules.requiredTraining) ? rules.requiredTraining.filter((t) => t && typeof t.moduleKey === 'string') : [],
    requiredSupport: Array.isArray(rules.requiredSupport) ? rules.requiredSupport : [],
    approvedPlatforms: rules.approvedPlatforms === null || Array.isArray(rules.approvedPlatforms) ? rules.approvedPlatforms : [],
  };
}

export function evaluateMeeting(input: EvaluateMeetingInput): MeetingEvaluation {
  const { plan, facts } = input;
  const catalog = input.platformCatalog ?? REGIONAL_PLATFORM_CATALOG;
  const type = plan.body.type;
  const findings: Finding[] = [];
  const invalidBasis = { kind: 'local' as const, reference: 'Mötesplanen' };

  // --- the meeting's date and the rules in force on it -------------------------------
  const meetingDate = stockholmDate(plan.start);
  const startMs = parseInstant(plan.start);
  const endMs = parseInstant(plan.end);
  if (meetingDate === null || startMs === null || endMs === null || endMs <= startMs) {
    findings.push(
      finding(
        'INVALID_MEETING_TIME',
        {
          sv: 'Sammanträdets start- eller sluttid saknas eller är ogiltig (tid med tidszon krävs).',
          en: "The meeting's start or end is missing or invalid (a time with a zone is required).",
        },
        invalidBasis,
      ),
    );
  }
  const version: RuleSetVersion | null = meetingDate === null ? null : selectVersionInForce(input.ruleSetVersions ?? [], plan.start);
  const raw = version?.bodyTypes?.[type] ? normalise(resolveBodyRules(version, plan.body)) : LAW_BASELINE[type];
  if (version) {
    const violations = validateBodyRules(raw, type, `bodies.${plan.body.id}`, version.decision, catalog);
    if (violations.length > 0) {
      findings.push(
        finding(
          'RULE_SET_LOOSENS_LAW',
          {
            sv: `Regelverket (version ${version.version}) har brister för detta organ (${[...new Set(violations.map((v) => v.code))].join(', ')}); lagens lägstanivå tillämpas i stället.`,
            en: `The rule set (version ${version.version}) has problems for this body (${[...new Set(violations.map((v) => v.code))].join(', ')}); the law's floor is applied instead.`,
          },
          localBasis(version.decision.reference),
        ),
      );
    }
  }
  const rules = applyLawFloor(raw, type);
  const context: RuleContext = {
    rules,
    type,
    local: version ? localBasis(version.decision.reference) : null,
    meetingDate,
    moduleTitles: input.facts.trainingModuleTitles,
  };

  // --- the plan, cleaned of duplicates ------------------------------------------------
  const members: PlannedMember[] = uniqueById(plan.members, (m) =>
    findings.push(
      finding('DUPLICATE_MEMBER', { sv: 'Ledamoten finns mer än en gång i planen.', en: 'The member appears more than once in the plan.' }, invalidBasis, {
        memberId: m.id,
      }),
    ),
  );
  const items: AgendaItem[] = uniqueById(plan.agenda, (i) =>
    findings.push(
      finding(
        'DUPLICATE_ITEM',
        { sv: 'Ärendet finns mer än en gång på föredragningslistan.', en: 'The item appears more than once on the agenda.' },
        invalidBasis,
        { itemId: i.id },
      ),
    ),
  );
  findings.push(...factFindings(facts));
  if (!Number.isInteger(plan.body.seats) || plan.body.seats <= 0) {
    findings.push(
      finding(
        'INVALID_BODY_SEATS',
        {
          sv: 'Organets antal ledamöter saknas eller är ogiltigt; beslutförheten kan inte prövas.',
          en: "The body's number of seats is missing or invalid; quorum cannot be checked.",
        },
        quorumBasisFor(type),
      ),
    );
  }

  // --- who may take part remotely, in what --------------------------------------------
  const authority = remoteAuthority(plan, members, rules, version, meetingDate);
  const training = validTrainingByMember(facts, meetingDate);
  const identity = identityByMember(facts);
  const leaderId = meetingLeaderId(members);
  const memberReasons: Reason[][] = members.map((member) => {
    const out: Reason[] = [];
    const presidium = presidiumReason(member, leaderId, context);
    if (presidium) out.push(presidium);
    out.push(...trainingReasons(member, training.get(member.id), context));
    const id = identityReason(identity.get(member.id), context);
    if (id) out.push(id);
    return out;
  });
  const itemReasons: Reason[][] = items.map((item) => itemExclusionReasons(item, context));
  const eligible = (m: number, i: number) => authority.allowed && memberReasons[m]!.length === 0 && itemReasons[i]!.length === 0;

  const remoteEligibility: RemoteEligibility[] = [];
  members.forEach((member, m) => {
    items.forEach((item, i) => {
      const ok = eligible(m, i);
      remoteEligibility.push({
        memberId: member.id,
        itemId: item.id,
        plannedMode: member.mode,
        mayTakePartRemotely: ok,
        reasons: ok ? [...authority.reasons] : [...(authority.allowed ? [] : authority.reasons), ...memberReasons[m]!, ...itemReasons[i]!],
      });
    });
  });

  // --- findings about members planned remote -----------------------------------------
  const remoteMembers = members.filter((m) => m.mode === 'remote');
  if (remoteMembers.length > 0 && !authority.allowed) {
    for (const r of authority.reasons) {
      if (r.code === 'PARENT_BODY_NOT_ALLOWED') findings.push(finding('PARENT_BODY_NOT_ALLOWED', r.message, r.basis));
    }
    const notAllowed = authority.reasons.find((r) => r.code === 'REMOTE_NOT_ALLOWED');
    if (notAllowed) {
      for (const member of remoteMembers) findings.push(finding('REMOTE_NOT_ALLOWED', notAllowed.message, notAllowed.basis, { memberId: member.id }));
    }
    for (const memberId of authority.membersWithoutConsent) {
      findings.push(
        finding(
          'COMPANY_BOARD_CONSENT_MISSING',
          {
            sv: 'Ledamoten har inte godkänt att styrelsen sammanträder med deltagare på distans.',
            en: 'The member has not agreed to the board meeting with remote participants.',
          },
          LEGAL_BASIS.companyBoardConsent,
          { memberId },
        ),
      );
    }
  }
  members.forEach((member, m) => {
    if (member.mode !== 'remote') return;
    for (const r of memberReasons[m]!) {
      const code = MEMBER_REASON_FINDING[r.code];
      if (code) findings.push(finding(code, r.message, r.basis, { memberId: member.id }));
    }
    items.forEach((item, i) => {
      const excluded = itemReasons[i]!;
      if (excluded.length === 0) return;
      findings.push(
        finding(
          'REMOTE_ON_EXCLUDED_ITEM',
          {
            sv: `Ledamoten deltar på distans och räknas som frånvarande i ärendet${item.title ? ` "${item.title}"` : ''}: ${excluded[0]!.message.sv}`,
            en: `The member takes part remotely and counts as absent for the item${item.title ? ` "${item.title}"` : ''}: ${excluded[0]!.message.en}`,
          },
          excluded[0]!.basis,
          { memberId: member.id, itemId: item.id },
        ),
      );
    });
  });

  // --- the meeting as a whole ---------------------------------------------------------
  findings.push(...physicalPlaceFindings(plan, context));
  const platform = findPlatform(catalog, facts.platformKey);
  const cap = remoteCap(remoteMembers.length, platform, context);
  if (remoteMembers.length > 0) {
    findings.push(...cap.findings, ...platformFindings(facts, platform, context), ...supportFindings(facts, context));
  }

  // --- company boards: documents ------------------------------------------------------
  let documentsDeliveredToAll: boolean | null = null;
  if (type === 'company_board' && rules.companyBoard?.documentsToAllRequired) {
    documentsDeliveredToAll = true;
    for (const member of members) {
      if (!member.voting || member.documentsDelivered === true) continue;
      documentsDeliveredToAll = false;
      findings.push(
        finding(
          'DOCUMENTS_NOT_DELIVERED',
          { sv: 'Styrelseledamoten har inte fått underlaget.', en: 'The board member has not received the documents.' },
          LEGAL_BASIS.companyBoardQuorum,
          { memberId: member.id },
        ),
      );
    }
  }

  // --- quorum per item ----------------------------------------------------------------
  const quorum = computeQuorum({
    items,
    members,
    seats: plan.body.seats,
    moreThanShare: type === 'company_board' ? (rules.companyBoard?.quorumMoreThanShare ?? 0.5) : 0.5,
    documentsDeliveredToAll,
    remoteEligible: eligible,
    basis: quorumBasisFor(type),
  });
  if (Number.isInteger(plan.body.seats) && plan.body.seats > 0) {
    quorum.forEach((q, i) => {
      if (q.hasQuorum) return;
      const title = items[i]!.title ? ` "${items[i]!.title}"` : '';
      const documents = q.documentsDeliveredToAll === false;
      findings.push(
        finding(
          'NO_QUORUM',
          {
            sv: `Ärendet${title} saknar beslutförhet: ${q.counted} av ${q.seats} räknas, ${q.required} krävs${documents ? ', och alla har inte fått underlaget' : ''}.`,
            en: `No quorum for the item${title}: ${q.counted} of ${q.seats} count, ${q.required} required${documents ? ', and not all have received the documents' : ''}.`,
          },
          q.basis,
          { itemId: q.itemId },
        ),
      );
    });
  }

  const sorted = sortFindings(findings);
  return {
    meetingId: plan.id,
    meetingDate,
    ruleSet: version
      ? {
          source: 'municipal',
          municipalityId: version.municipalityId,
          version: version.version,
          decisionReference: version.decision.reference,
          effectiveFrom: version.effectiveFrom,
        }
      : { source: 'law_baseline', municipalityId: null, version: null, decisionReference: null, effectiveFrom: null },
    // A copy, so a caller editing the output cannot reach into the stored rule set.
    rules: structuredClone(rules),
    compliant: !sorted.some((f) => f.severity === 'blocker'),
    findings: sorted,
    remoteEligibility,
    quorum,
    remoteParticipants: { planned: remoteMembers.length, cap: cap.cap },
  };
}
