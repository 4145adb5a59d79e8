import { Injectable } from '@nestjs/common';
import { LAW_BASELINE, resolveBodyRules, selectVersionInForce, type BodyType, type BreakoutRoomPolicy, type RuleSetVersion } from '@motesplats/rules';
import type { Body } from '../bodies/body.entity.js';
import type { Meeting } from '../meetings/meeting.entity.js';
import { RuleSetsService } from '../rules/rule-sets.service.js';

/**
 * Where the municipality's break-out room policy for a meeting comes from. Called inside the
 * meeting's tenant transaction.
 */
export interface BreakoutPolicySource {
  forMeeting(meeting: Meeting, body: Body): Promise<BreakoutRoomPolicy>;
}

export const BREAKOUT_POLICY = Symbol('BREAKOUT_POLICY');

/**
 * The rule set in force when the meeting starts, resolved for its body (type rules with the
 * body's own override). Without a rule set in force the law baseline applies, and the law
 * gives party groups no rooms: a municipality decides to provide them (Timrå, KS/2020:543).
 */
@Injectable()
export class StoredRuleSetPolicy implements BreakoutPolicySource {
  constructor(private readonly ruleSets: RuleSetsService) {}

  async forMeeting(meeting: Meeting, body: Body): Promise<BreakoutRoomPolicy> {
    // The versions as the evaluation reads them: published ones are converted once per process.
    return policyOf(body, selectVersionInForce(await this.ruleSets.libraryVersions(), meeting.startsAt.toISOString()));
  }
}

/** The body's break-out room policy under a rule-set version (null: the law baseline). */
export function policyOf(body: Body, version: RuleSetVersion | null): BreakoutRoomPolicy {
  const type = body.kind as BodyType;
  return version ? resolveBodyRules(version, { id: body.id, type }).breakoutRooms : LAW_BASELINE[type].breakoutRooms;
}
