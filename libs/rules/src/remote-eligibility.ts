/**
 * May this member take part remotely in this item? The answer combines three independent
 * parts: the body's authority (remote-authority.ts), what the member lacks (presidium duty,
 * training, identity) and what the item is (excluded kinds). Each part is computed once, so
 * the member × item matrix is a cheap combination.
 */
import { LAW_BASELINE } from './law-baseline.js';
import { LEGAL_BASIS, type Basis } from './legal-basis.js';
import { reason, type Reason } from './findings.js';
import type { AgendaItem, MeetingFacts, PlannedMember } from './meeting-plan.js';
import { IDENTITY_CHECKS, type BodyRules, type BodyType, type IdentityCheck } from './rule-set.js';
import { isIsoDate, type IsoDate } from './stockholm-time.js';

export interface RuleContext {
  rules: BodyRules;
  type: BodyType;
  /** Basis for requirements the municipality added itself (its decision reference), or null under the law baseline. */
  local: Basis | null;
  meetingDate: IsoDate | null;
  /** A training module's title, when known; otherwise its key. */
  moduleTitles?: Readonly<Record<string, string>>;
}

/** The law basis when the law asks for at least this; otherwise the local decision. */
function basisFor(context: RuleContext, lawRequiresIt: boolean, lawBasis: Basis): Basis {
  return lawRequiresIt || !context.local ? lawBasis : context.local;
}

function localOr(context: RuleContext, fallback: string): Basis {
  return context.local ?? { kind: 'local', reference: fallback };
}

/** Whoever leads: the chair if attending, else the first attending vice chair. */
export function meetingLeaderId(members: readonly PlannedMember[]): string | null {
  const attending = (m: PlannedMember) => m.mode !== 'absent';
  return members.find((m) => m.role === 'chair' && attending(m))?.id ?? members.find((m) => m.role === 'vice_chair' && attending(m))?.id ?? null;
}

export function presidiumReason(member: PlannedMember, leaderId: string | null, context: RuleContext): Reason | null {
  const level = context.rules.presidiumOnSite;
  const inPresidium = member.role === 'chair' || member.role === 'vice_chair';
  const required = (level === 'presidium' && inPresidium) || (level !== 'none' && member.id === leaderId);
  if (!required) return null;
  const floor = LAW_BASELINE[context.type].presidiumOnSite;
  const byLaw = floor === 'presidium' || (floor === 'leader' && member.id === leaderId);
  const lawBasis = floor === 'presidium' ? LEGAL_BASIS.presidium : LEGAL_BASIS.meetingLeader;
  return reason(
    'PRESIDIUM_MUST_BE_ON_SITE',
    level === 'presidium'
      ? {
          sv: 'Presidiet (ordförande och vice ordförande) ska vara på den fysiska platsen.',
          en: 'The presidium (chair and vice chairs) must be at the physical place.',
        }
      : { sv: 'Den som leder sammanträdet ska vara på den fysiska platsen.', en: 'Whoever leads the meeting must be at the physical place.' },
    basisFor(context, byLaw, lawBasis),
  );
}

/** Training completions valid on the meeting date, per member: memberId → module keys. */
export function validTrainingByMember(facts: MeetingFacts, meetingDate: IsoDate | null): Map<string, Set<string>> {
  const valid = new Map<string, Set<string>>();
  if (meetingDate === null) return valid;
  for (const completion of facts.trainingCompletions ?? []) {
    if (!completion || !isIsoDate(completion.completedOn) || completion.completedOn > meetingDate) continue;
    const until = completion.validUntil;
    if (until !== null && until !== undefined && (!isIsoDate(until) || until < meetingDate)) continue;
    let modules = valid.get(completion.memberId);
    if (!modules) valid.set(completion.memberId, (modules = new Set()));
    modules.add(completion.moduleKey);
  }
  return valid;
}

export function trainingReasons(member: PlannedMember, completed: ReadonlySet<string> | undefined, context: RuleContext): Reason[] {
  const out: Reason[] = [];
  for (const requirement of context.rules.requiredTraining) {
    if (requirement.roles && !requirement.roles.includes(member.role)) continue;
    if (completed?.has(requirement.moduleKey)) continue;
    const moduleName = context.moduleTitles?.[requirement.moduleKey] ?? requirement.moduleKey;
    out.push(
      reason(
        'TRAINING_MISSING',
        {
          sv: `Saknar giltig utbildning ”${moduleName}” på sammanträdesdagen.`,
          en: `No valid completion of the training "${moduleName}" on the meeting date.`,
        },
        localOr(context, 'Kommunens krav på utbildning'),
      ),
    );
  }
  return out;
}

/** Highest verified identity level per member. */
export function identityByMember(facts: MeetingFacts): Map<string, IdentityCheck> {
  const levels = new Map<string, IdentityCheck>();
  for (const verification of facts.identityVerifications ?? []) {
    if (!verification || !IDENTITY_CHECKS.includes(verification.level)) continue;
    const current = levels.get(verification.memberId);
    if (!current || IDENTITY_CHECKS.indexOf(verification.level) > IDENTITY_CHECKS.indexOf(current)) {
      levels.set(verification.memberId, verification.level);
    }
  }
  return levels;
}

const IDENTITY_TEXT: Record<IdentityCheck, { sv: string; en: string }> = {
  none: { sv: 'ingen', en: 'none' },
  municipal_account: { sv: 'kommunens användarkonto', en: 'a municipal account' },
  e_id: { sv: 'e-legitimation (BankID/Freja)', en: 'e-ID (BankID/Freja)' },
};

export function identityReason(level: IdentityCheck | undefined, context: RuleContext): Reason | null {
  const required = context.rules.identityCheck;
  const have = level ?? 'none';
  if (IDENTITY_CHECKS.indexOf(have) >= IDENTITY_CHECKS.indexOf(required)) return null;
  return reason(
    'IDENTITY_INSUFFICIENT',
    {
      sv: `Identiteten ska vara styrkt med ${IDENTITY_TEXT[required].sv}; styrkt: ${IDENTITY_TEXT[have].sv}.`,
      en: `Identity must be verified with ${IDENTITY_TEXT[required].en}; verified: ${IDENTITY_TEXT[have].en}.`,
    },
    localOr(context, 'Kommunens krav på identitetskontroll'),
  );
}

const LAW_EXCLUDED: ReadonlySet<string> = new Set(['confidential', 'closed_vote']);

/** How each kind reads as the sentence's subject: "Ärendet omfattas av sekretess", never "Ärendet är ärende med …". */
const KIND_TEXT: Record<string, { sv: string; en: string }> = {
  confidential: { sv: 'Ärendet omfattas av sekretess', en: 'The item is confidential' },
  closed_vote: { sv: 'Ärendet avgörs med sluten omröstning', en: 'The item is decided by closed vote' },
  personnel: { sv: 'Ärendet är ett personalärende', en: 'The item is a personnel matter' },
  election: { sv: 'Ärendet gäller val', en: 'The item is an election' },
};

/** The item's kinds, with the two flags folded in. */
export function itemKinds(item: AgendaItem): string[] {
  const kinds = Array.isArray(item.kinds) ? item.kinds.filter((k) => typeof k === 'string') : [];
  if (item.confidential === true) kinds.push('confidential');
  if (item.closedVote === true) kinds.push('closed_vote');
  return [...new Set(kinds)];
}

export function itemExclusionReasons(item: AgendaItem, context: RuleContext): Reason[] {
  const excluded = new Set(context.rules.excludedItemKinds);
  return itemKinds(item)
    .filter((kind) => excluded.has(kind))
    .map((kind) => {
      const words = kind.replace(/[_-]+/g, ' ');
      const text = KIND_TEXT[kind] ?? { sv: `Ärendet är av typen ”${words}”`, en: `The item is of the kind "${words}"` };
      return reason(
        'ITEM_EXCLUDED',
        {
          sv: `${text.sv} och handläggs inte med deltagare på distans.`,
          en: `${text.en} and is not handled with remote participants.`,
        },
        LAW_EXCLUDED.has(kind) ? LEGAL_BASIS.excludedItems : localOr(context, 'Kommunens undantagna ärendeslag'),
      );
    });
}
