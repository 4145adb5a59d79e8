/**
 * Reasons and findings: the answers the evaluation gives, each with a stable code (the API
 * and the admin key on it), a message in Swedish and English, and the basis it rests on.
 * All wording lives here, so a change of phrasing never touches the rules.
 */
import type { Basis } from './legal-basis.js';

export interface LocalizedText {
  sv: string;
  en: string;
}

export type Severity = 'blocker' | 'warning';

export type ReasonCode =
  | 'REMOTE_ALLOWED'
  | 'REMOTE_NOT_ALLOWED'
  | 'PARENT_BODY_NOT_ALLOWED'
  | 'COMPANY_BOARD_CONSENT_MISSING'
  | 'ITEM_EXCLUDED'
  | 'PRESIDIUM_MUST_BE_ON_SITE'
  | 'TRAINING_MISSING'
  | 'IDENTITY_INSUFFICIENT';

/** Why a member may, or may not, take part remotely in an item. */
export interface Reason {
  code: ReasonCode;
  message: LocalizedText;
  basis: Basis;
}

export type FindingCode =
  | 'PRESIDIUM_NOT_ON_SITE'
  | 'REMOTE_NOT_ALLOWED'
  | 'PARENT_BODY_NOT_ALLOWED'
  | 'COMPANY_BOARD_CONSENT_MISSING'
  | 'NO_PHYSICAL_PLACE'
  | 'REMOTE_CAP_EXCEEDED'
  | 'REMOTE_CAP_UNKNOWN'
  | 'REMOTE_ON_EXCLUDED_ITEM'
  | 'NO_QUORUM'
  | 'DOCUMENTS_NOT_DELIVERED'
  | 'TRAINING_MISSING'
  | 'IDENTITY_INSUFFICIENT'
  | 'PLATFORM_NOT_SET'
  | 'PLATFORM_UNKNOWN'
  | 'PLATFORM_NOT_APPROVED'
  | 'DATA_RESIDENCY_NOT_MET'
  | 'SUPPORT_MISSING'
  | 'RULE_SET_LOOSENS_LAW'
  | 'INVALID_MEETING_TIME'
  | 'INVALID_BODY_SEATS'
  | 'DUPLICATE_MEMBER'
  | 'DUPLICATE_ITEM'
  | 'INVALID_FACT';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: LocalizedText;
  basis: Basis;
  /** The member it concerns, if any. */
  memberId: string | null;
  /** The agenda item it concerns, if any. */
  itemId: string | null;
}

/** Severity is a property of the code, not of the call site, so a code always means the same. */
export const FINDING_SEVERITY: Readonly<Record<FindingCode, Severity>> = {
  PRESIDIUM_NOT_ON_SITE: 'blocker',
  REMOTE_NOT_ALLOWED: 'blocker',
  PARENT_BODY_NOT_ALLOWED: 'blocker',
  COMPANY_BOARD_CONSENT_MISSING: 'blocker',
  NO_PHYSICAL_PLACE: 'blocker',
  REMOTE_CAP_EXCEEDED: 'blocker',
  // The gallery size is unknown: the administrator should check, but nothing is proven wrong.
  REMOTE_CAP_UNKNOWN: 'warning',
  // Expected and handled: the member leaves for the item. Quorum findings cover the consequence.
  REMOTE_ON_EXCLUDED_ITEM: 'warning',
  NO_QUORUM: 'blocker',
  DOCUMENTS_NOT_DELIVERED: 'blocker',
  TRAINING_MISSING: 'blocker',
  IDENTITY_INSUFFICIENT: 'blocker',
  PLATFORM_NOT_SET: 'blocker',
  PLATFORM_UNKNOWN: 'blocker',
  PLATFORM_NOT_APPROVED: 'blocker',
  DATA_RESIDENCY_NOT_MET: 'blocker',
  // Staff can still be scheduled after the notice goes out.
  SUPPORT_MISSING: 'warning',
  // The law's floor was applied instead, so the evaluation itself is still sound.
  RULE_SET_LOOSENS_LAW: 'warning',
  INVALID_MEETING_TIME: 'blocker',
  INVALID_BODY_SEATS: 'blocker',
  DUPLICATE_MEMBER: 'blocker',
  DUPLICATE_ITEM: 'blocker',
  INVALID_FACT: 'warning',
};

export function finding(code: FindingCode, message: LocalizedText, basis: Basis, concerns: { memberId?: string | null; itemId?: string | null } = {}): Finding {
  return { code, severity: FINDING_SEVERITY[code], message, basis, memberId: concerns.memberId ?? null, itemId: concerns.itemId ?? null };
}

export function reason(code: ReasonCode, message: LocalizedText, basis: Basis): Reason {
  return { code, message, basis };
}

const SEVERITY_ORDER: Record<Severity, number> = { blocker: 0, warning: 1 };

/** Blockers first; otherwise the order they were found in (which follows the plan's order). */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, index) => ({ f, index }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.index - b.index)
    .map(({ f }) => f);
}

export function blockers(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'blocker');
}
