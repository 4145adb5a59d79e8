/**
 * Checks that concern the meeting as a whole rather than a member or an item: the physical
 * place, the number of remote participants, the platform, and support staff.
 */
import { LAW_BASELINE } from './law-baseline.js';
import { LEGAL_BASIS } from './legal-basis.js';
import { finding, type Finding } from './findings.js';
import type { MeetingFacts, MeetingPlan } from './meeting-plan.js';
import type { SupportRole } from './rule-set.js';
import { meetsResidency, type Platform } from './platform-catalog.js';
import type { RuleContext } from './remote-eligibility.js';
import { supportCounts } from './tightness.js';

function local(context: RuleContext, fallback: string) {
  return context.local ?? { kind: 'local' as const, reference: fallback };
}

export function physicalPlaceFindings(plan: MeetingPlan, context: RuleContext): Finding[] {
  if (!context.rules.physicalPlaceRequired) return [];
  if (typeof plan.place === 'string' && plan.place.trim() !== '') return [];
  const byLaw = LAW_BASELINE[context.type].physicalPlaceRequired;
  return [
    finding(
      'NO_PHYSICAL_PLACE',
      { sv: 'Kallelsen anger ingen fysisk plats för sammanträdet.', en: 'The notice names no physical place for the meeting.' },
      byLaw ? LEGAL_BASIS.physicalPlace : local(context, 'Kommunens krav på fysisk plats'),
    ),
  ];
}

export interface RemoteCap {
  /** null: no cap, or none can be computed. */
  cap: number | null;
  findings: Finding[];
}

/**
 * The cap is the number the rules set, and where "all see all" is chosen also the platform's
 * gallery size: remote members nobody can see do not take part on equal terms.
 */
export function remoteCap(remoteCount: number, platform: Platform | undefined, context: RuleContext): RemoteCap {
  const { maxRemoteParticipants, equalTerms } = context.rules;
  const seeAll = equalTerms === 'all_can_see_all' || equalTerms === 'all_always_see_all';
  const gallery = seeAll ? (platform?.gallerySize ?? null) : null;
  const limits = [maxRemoteParticipants, gallery].filter((n): n is number => typeof n === 'number' && Number.isFinite(n));
  const cap = limits.length > 0 ? Math.min(...limits) : null;
  const findings: Finding[] = [];
  if (cap !== null && remoteCount > cap) {
    const fromGallery = gallery !== null && gallery === cap;
    findings.push(
      finding(
        'REMOTE_CAP_EXCEEDED',
        fromGallery
          ? {
              sv: `${remoteCount} deltar på distans men plattformen ${platform!.name} visar bara ${cap} samtidigt, och kommunen kräver att alla ska kunna se varandra.`,
              en: `${remoteCount} take part remotely but ${platform!.name} shows only ${cap} at once, and the municipality requires that all can see each other.`,
            }
          : { sv: `${remoteCount} deltar på distans; högst ${cap} är tillåtet.`, en: `${remoteCount} take part remotely; at most ${cap} are allowed.` },
        fromGallery ? local(context, LEGAL_BASIS.equalTerms.reference) : local(context, 'Kommunens högsta antal deltagare på distans'),
      ),
    );
  } else if (seeAll && cap === null && remoteCount > 0 && platform) {
    // Without a known platform the platform findings already say what is missing.
    findings.push(
      finding(
        'REMOTE_CAP_UNKNOWN',
        {
          sv: 'Kommunen kräver att alla ska kunna se varandra, men plattformens gallerikapacitet är okänd och inget högsta antal är satt.',
          en: "The municipality requires that all can see each other, but the platform's gallery size is unknown and no maximum is set.",
        },
        local(context, LEGAL_BASIS.equalTerms.reference),
      ),
    );
  }
  return { cap, findings };
}

export function platformFindings(facts: MeetingFacts, platform: Platform | undefined, context: RuleContext): Finding[] {
  const key = facts.platformKey;
  if (typeof key !== 'string' || key.trim() === '') {
    return [
      finding(
        'PLATFORM_NOT_SET',
        { sv: 'Ingen mötesplattform är vald för deltagarna på distans.', en: 'No meeting platform is chosen for the remote participants.' },
        LEGAL_BASIS.councilRemote,
      ),
    ];
  }
  if (!platform) {
    return [
      finding(
        'PLATFORM_UNKNOWN',
        { sv: `Plattformen "${key}" finns inte i regionens katalog.`, en: `Platform "${key}" is not in the region's catalog.` },
        local(context, 'Regionens plattformskatalog'),
      ),
    ];
  }
  const out: Finding[] = [];
  const approved = context.rules.approvedPlatforms;
  if (approved !== null && !approved.includes(platform.key)) {
    out.push(
      finding(
        'PLATFORM_NOT_APPROVED',
        { sv: `${platform.name} är inte en godkänd plattform.`, en: `${platform.name} is not an approved platform.` },
        local(context, 'Kommunens godkända plattformar'),
      ),
    );
  }
  if (!meetsResidency(platform.dataResidency, context.rules.dataResidency)) {
    const where = platform.dataResidency ?? 'okänt/unknown';
    out.push(
      finding(
        'DATA_RESIDENCY_NOT_MET',
        {
          sv: `${platform.name} lagrar data i ${where}; kommunen kräver ${context.rules.dataResidency}.`,
          en: `${platform.name} stores data in ${where}; the municipality requires ${context.rules.dataResidency}.`,
        },
        local(context, 'Kommunens krav på datalagring'),
      ),
    );
  }
  return out;
}

const SUPPORT_TEXT: Record<string, { sv: string; en: string }> = {
  it_support: { sv: 'IT-support', en: 'IT support' },
  meeting_support: { sv: 'dedikerat mötesstöd för ordförande och sekreterare', en: 'dedicated meeting support for chair and secretary' },
};

export function supportFindings(facts: MeetingFacts, context: RuleContext): Finding[] {
  const required = supportCounts(context.rules.requiredSupport) ?? new Map<string, number>();
  const assigned = new Map<string, Set<string>>();
  for (const a of facts.supportAssigned ?? []) {
    if (!a || typeof a.role !== 'string') continue;
    let staff = assigned.get(a.role);
    if (!staff) assigned.set(a.role, (staff = new Set()));
    staff.add(a.staffId);
  }
  const blocking = new Set(
    (Array.isArray(context.rules.requiredSupport) ? context.rules.requiredSupport : []).filter((r) => r && r.blocking === true).map((r) => r.role),
  );
  const out: Finding[] = [];
  for (const [role, count] of required) {
    const have = assigned.get(role)?.size ?? 0;
    if (have >= count) continue;
    const text = SUPPORT_TEXT[role] ?? { sv: role, en: role };
    const missing = finding(
      'SUPPORT_MISSING',
      { sv: `Behöver ${count} ${text.sv}, har ${have}.`, en: `Needs ${count} ${text.en}, has ${have}.` },
      local(context, 'Kommunens krav på stöd'),
    );
    // The rule set decides whether convening without the support is allowed.
    out.push(blocking.has(role as SupportRole) ? { ...missing, severity: 'blocker' } : missing);
  }
  return out;
}
