/**
 * @motesplats/rules — the rule model for remote participation in municipal meetings, and
 * its evaluator. Pure functions over plain JSON data.
 */
export * from './rule-set.js';
export { LAW_BASELINE, LAW_COMPANY_BOARD, applyLawFloor } from './law-baseline.js';
export { LEGAL_BASIS, localBasis, type Basis } from './legal-basis.js';
export { REGIONAL_PLATFORM_CATALOG, findPlatform, meetsResidency, type Platform, type DataResidency } from './platform-catalog.js';
export { REGIONAL_TEMPLATE } from './regional-template.js';
export { resolveBodyRules, applyOverride, type BodyRef } from './resolve-body-rules.js';
export { RULE_FIELDS, type Change, type Comparison, type RuleField } from './tightness.js';
export {
  validateRuleSet,
  validateBodyRules,
  type RuleViolation,
  type ViolationCode,
  type ValidatableRuleSet,
  type ValidateOptions,
} from './validate-rule-set.js';
export { diffRuleSets, adoptTemplate, type RuleDifference, type TemplateAdoption } from './rule-set-diff.js';
export { updateDraft, publishRuleSet, newDraftFrom, type LifecycleResult, type LifecycleErrorCode } from './rule-set-lifecycle.js';
export { selectVersionInForce } from './version-in-force.js';
export {
  stockholmDate,
  localDate,
  localTime,
  toStockholmInput,
  fromStockholmInput,
  stockholmToday,
  parseInstant,
  isIsoDate,
  addDays,
  MUNICIPAL_TIME_ZONE,
  type Instant,
  type IsoDate,
} from './stockholm-time.js';
export { FINDING_SEVERITY, type Finding, type FindingCode, type Reason, type ReasonCode, type Severity, type LocalizedText } from './findings.js';
export type * from './meeting-plan.js';
export { evaluateMeeting, type MeetingEvaluation, type RemoteEligibility, type AppliedRuleSet } from './evaluate-meeting.js';
export { requiredForQuorum, type ItemQuorum } from './quorum.js';
export {
  breakoutRoomWindows,
  isBreakoutRoomOpen,
  eligiblePartyGroups,
  breakoutRoomInvitees,
  type BreakoutWindow,
  type BreakoutWindowKind,
  type MeetingTimes,
  type PartyGroupSeats,
  type BodyMembership,
} from './breakout-rooms.js';
