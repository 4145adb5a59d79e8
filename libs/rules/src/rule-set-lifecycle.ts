/**
 * Drafts are editable; published versions are immutable. These helpers decide, the API
 * persists: each returns either the new version or a refusal with a stable code.
 */
import type { Platform } from './platform-catalog.js';
import type { RuleSetVersion } from './rule-set.js';
import { parseInstant } from './stockholm-time.js';
import { validateRuleSet, type RuleViolation } from './validate-rule-set.js';

export type LifecycleErrorCode = 'PUBLISHED_VERSION_IMMUTABLE' | 'VERSION_IDENTITY_CHANGED' | 'RULE_SET_INVALID' | 'INVALID_PUBLISHED_AT';

export type LifecycleResult =
  { ok: true; version: RuleSetVersion } | { ok: false; code: LifecycleErrorCode; message: { sv: string; en: string }; violations: RuleViolation[] };

function refuse(code: LifecycleErrorCode, sv: string, en: string, violations: RuleViolation[] = []): LifecycleResult {
  return { ok: false, code, message: { sv, en }, violations };
}

/**
 * Accepts `next` as the new content of the draft `current`. Refused when `current` is
 * published, or when `next` tries to change which version it is or to publish itself.
 */
export function updateDraft(current: RuleSetVersion, next: RuleSetVersion): LifecycleResult {
  if (current.status !== 'draft') {
    return refuse(
      'PUBLISHED_VERSION_IMMUTABLE',
      `Version ${current.version} är publicerad och kan inte ändras; skapa en ny version.`,
      `Version ${current.version} is published and cannot be changed; create a new version.`,
    );
  }
  if (next.municipalityId !== current.municipalityId || next.version !== current.version || next.status !== 'draft' || next.publishedAt !== null) {
    return refuse(
      'VERSION_IDENTITY_CHANGED',
      'Ett utkast kan inte byta kommun eller versionsnummer, och publiceras bara genom publicering.',
      'A draft cannot change municipality or version number, and is published only by publishing it.',
    );
  }
  return { ok: true, version: structuredClone(next) };
}

/** Publishes a draft at `publishedAt` (an ISO instant), if it does not loosen the law. */
export function publishRuleSet(draft: RuleSetVersion, publishedAt: string, options: { platformCatalog?: readonly Platform[] } = {}): LifecycleResult {
  if (draft.status !== 'draft') {
    return refuse('PUBLISHED_VERSION_IMMUTABLE', `Version ${draft.version} är redan publicerad.`, `Version ${draft.version} is already published.`);
  }
  if (parseInstant(publishedAt) === null) {
    return refuse('INVALID_PUBLISHED_AT', 'Publiceringstiden är ogiltig.', 'The publication time is invalid.');
  }
  const violations = validateRuleSet(draft, options);
  if (violations.length > 0) {
    return refuse(
      'RULE_SET_INVALID',
      'Regelverket kan inte publiceras: det strider mot lagen eller är ofullständigt.',
      'The rule set cannot be published: it breaks the law or is incomplete.',
      violations,
    );
  }
  return { ok: true, version: { ...structuredClone(draft), status: 'published', publishedAt } };
}

/** A new draft that starts from an existing version (typically the one in force). */
export function newDraftFrom(base: RuleSetVersion, version: number, changes: Pick<RuleSetVersion, 'decision' | 'effectiveFrom'>): RuleSetVersion {
  return {
    ...structuredClone(base),
    version,
    status: 'draft',
    publishedAt: null,
    decision: structuredClone(changes.decision),
    effectiveFrom: changes.effectiveFrom,
  };
}
