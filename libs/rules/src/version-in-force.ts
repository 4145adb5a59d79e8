/**
 * Which rule-set version governs a meeting.
 *
 * The published version with the latest effective-from date on or before the meeting's
 * Stockholm calendar date, among versions published before the meeting started. The second
 * condition is what keeps a held meeting's evaluation fixed: a version published afterwards
 * never applies to it, even if someone dates it back. Drafts never apply.
 */
import type { RuleSetVersion } from './rule-set.js';
import { isIsoDate, parseInstant, stockholmDate, type Instant } from './stockholm-time.js';

function publishedBefore(version: RuleSetVersion, meetingStartMs: number): boolean {
  // A published version without a timestamp (legacy data) is judged on its effective date alone.
  if (version.publishedAt === null || version.publishedAt === undefined) return true;
  const publishedMs = parseInstant(version.publishedAt);
  return publishedMs !== null && publishedMs <= meetingStartMs;
}

/** The version in force for a meeting starting at `meetingStart`, or null (then the law baseline applies). */
export function selectVersionInForce<V extends RuleSetVersion>(versions: readonly V[], meetingStart: Instant): V | null {
  const startMs = parseInstant(meetingStart);
  const date = stockholmDate(meetingStart);
  if (startMs === null || date === null) return null;
  let best: V | null = null;
  for (const version of versions) {
    // A version without a decision reference cannot have been validly published; the law applies instead.
    if (!version || version.status !== 'published' || !isIsoDate(version.effectiveFrom) || typeof version.decision?.reference !== 'string') continue;
    if (version.effectiveFrom > date || !publishedBefore(version, startMs)) continue;
    if (
      best === null ||
      version.effectiveFrom > best.effectiveFrom ||
      // Two versions from the same day: the later version number is the correction.
      (version.effectiveFrom === best.effectiveFrom && version.version > best.version)
    ) {
      best = version;
    }
  }
  return best;
}
