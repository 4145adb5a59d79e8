import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { BodiesResolver } from '../bodies/bodies.resolver.js';
import { BodyMembershipsResolver } from '../bodies/body-memberships.resolver.js';
import { BreakoutRoomsResolver, MeetingRoomsResolver } from '../breakout-rooms/breakout-rooms.resolver.js';
import { JoinLinksResolver, MeetingJoinLinksResolver, PracticeSessionJoinLinksResolver } from '../join-links/join-links.resolver.js';
import { MunicipalitySettingsResolver } from '../tenancy/municipality-settings.resolver.js';
import { MeetingRemoteEligibilityResolver } from '../join-links/remote-eligibility.resolver.js';
import { AgendaItemsResolver } from '../meetings/agenda-items.resolver.js';
import { AttendancesResolver } from '../meetings/attendances.resolver.js';
import { MeetingsResolver } from '../meetings/meetings.resolver.js';
import { MembersResolver } from '../members/members.resolver.js';
import { PartiesResolver, PartyGroupsResolver } from '../party-groups/party-groups.resolver.js';
import { TenancyResolver } from '../tenancy/tenancy.resolver.js';
import { LimitsResolver } from '../common/limits.resolver.js';
import { AuditResolver } from '../audit/audit.resolver.js';
import { ComplianceResolver } from '../rules/compliance.resolver.js';
import { RegionalRulesResolver } from '../rules/regional-rules.resolver.js';
import { RuleSetsResolver } from '../rules/rule-sets.resolver.js';
import { SubCommitteeDecisionsResolver } from '../rules/sub-committee-decisions.resolver.js';
import { PracticeSessionInviteesResolver, PracticeSessionsResolver } from '../training/practice-sessions.resolver.js';
import { TrainingCompletionsResolver } from '../training/training-completions.resolver.js';
import { BlockedMemberResolver, CoverageMemberResolver, CoverageRowResolver, TrainingCoverageResolver } from '../training/training-coverage.resolver.js';
import { TrainingModulesResolver } from '../training/training-modules.resolver.js';
import { TrainingRemindersResolver } from '../training/training-reminders.resolver.js';
import { StaffResolver } from '../support/staff.resolver.js';
import { SupportScheduleResolver } from '../support/support-schedule.resolver.js';
import { ComparisonResolver } from '../comparison/comparison.resolver.js';
import { ExperienceReportsResolver, SharingResolver } from '../experience/experience-reports.resolver.js';
import { SurveysResolver } from '../surveys/surveys.resolver.js';

/** Every resolver of the API. The e2e test proves this list builds the schema the app serves. */
export const RESOLVERS = [
  TenancyResolver,
  LimitsResolver,
  BodiesResolver,
  BodyMembershipsResolver,
  MembersResolver,
  PartiesResolver,
  PartyGroupsResolver,
  MeetingsResolver,
  AgendaItemsResolver,
  AttendancesResolver,
  BreakoutRoomsResolver,
  MeetingRoomsResolver,
  JoinLinksResolver,
  MeetingJoinLinksResolver,
  PracticeSessionJoinLinksResolver,
  MeetingRemoteEligibilityResolver,
  MunicipalitySettingsResolver,
  RuleSetsResolver,
  RegionalRulesResolver,
  ComplianceResolver,
  SubCommitteeDecisionsResolver,
  AuditResolver,
  TrainingModulesResolver,
  TrainingCompletionsResolver,
  PracticeSessionsResolver,
  PracticeSessionInviteesResolver,
  TrainingCoverageResolver,
  CoverageRowResolver,
  CoverageMemberResolver,
  BlockedMemberResolver,
  TrainingRemindersResolver,
  StaffResolver,
  SupportScheduleResolver,
  ExperienceReportsResolver,
  SharingResolver,
  SurveysResolver,
  ComparisonResolver,
];

export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** The schema without a database or Redis, for `npm run schema`. */
export async function buildSchemaText(): Promise<string> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    return printSortedSchema(await app.get(GraphQLSchemaFactory).create(RESOLVERS));
  } finally {
    await app.close();
  }
}
