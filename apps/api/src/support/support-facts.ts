import type { SupportAssignment } from '@motesplats/rules';

/**
 * The seam between support scheduling and the rules: the evaluation asks who covers which
 * support role at each meeting. Implemented by the support capability; without a provider
 * nobody is assigned (so required support shows as missing, the safe reading).
 */
export interface SupportFacts {
  /** Per meeting id: the assignments that cover a need (assigned or accepted, person not absent). */
  assignedFor(meetingIds: string[]): Promise<Map<string, SupportAssignment[]>>;
}

export const SUPPORT_FACTS = Symbol('SUPPORT_FACTS');
