import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Figure } from '../common/figure.model.js';

export enum ReportStatus {
  REQUESTED = 'requested',
  SUBMITTED = 'submitted',
}
registerEnumType(ReportStatus, {
  name: 'ExperienceReportStatus',
  valuesMap: { REQUESTED: { description: 'Begärd: väntar på sekreteraren' }, SUBMITTED: { description: 'Inlämnad' } },
});

export enum IncidentCategory {
  AUDIO = 'audio',
  VIDEO = 'video',
  CONNECTION = 'connection',
  SIGN_IN = 'sign_in',
  DOCUMENTS = 'documents',
  VOTING = 'voting',
  OTHER = 'other',
}
registerEnumType(IncidentCategory, {
  name: 'IncidentCategory',
  valuesMap: {
    AUDIO: { description: 'Ljud' },
    VIDEO: { description: 'Bild' },
    CONNECTION: { description: 'Uppkoppling' },
    SIGN_IN: { description: 'Inloggning / identitet' },
    DOCUMENTS: { description: 'Handlingar' },
    VOTING: { description: 'Omröstning' },
    OTHER: { description: 'Annat' },
  },
});

@ObjectType({ description: 'Something that went wrong during a meeting: no names, only what, how long, how many, how solved.' })
export class ExperienceIncident {
  @Field(() => ID)
  id!: string;

  @Field(() => IncidentCategory)
  category!: IncidentCategory;

  @Field(() => Int)
  minutesLost!: number;

  @Field(() => Int)
  affectedCount!: number;

  @Field()
  resolution!: string;
}

@ObjectType({ description: "The secretary's report after a meeting with remote participants." })
export class ExperienceReport {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  meetingId!: string;

  @Field()
  meetingTitle!: string;

  @Field(() => GraphQLISODateTime)
  meetingStartsAt!: Date;

  @Field(() => ReportStatus)
  status!: ReportStatus;

  @Field({ description: 'YYYY-MM-DD: seven days after the meeting ended' })
  dueOn!: string;

  @Field(() => GraphQLISODateTime)
  requestedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  remindedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => String, { nullable: true })
  platformKey!: string | null;

  @Field(() => Int, { description: 'Prefilled from the attendance record' })
  onSiteCount!: number;

  @Field(() => Int, { description: 'Prefilled from the attendance record' })
  remoteCount!: number;

  @Field(() => Boolean, { nullable: true })
  supportSufficient!: boolean | null;

  @Field()
  whatWorked!: string;

  @Field()
  lessons!: string;

  @Field(() => Int, { nullable: true, description: '1–5' })
  rating!: number | null;

  @Field(() => [ExperienceIncident])
  incidents!: ExperienceIncident[];
}

@ObjectType({ description: 'An incident as the region sees it: the number affected is suppressed when small.' })
export class RegionalIncident {
  @Field(() => IncidentCategory)
  category!: IncidentCategory;

  @Field(() => Int)
  minutesLost!: number;

  @Field(() => Figure)
  affectedCount!: Figure;

  @Field()
  resolution!: string;
}

@ObjectType({ description: 'A shared report, anonymised: municipality, body type and quarter; no meeting, no person.' })
export class RegionalExperienceReport {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  municipalityId!: string;

  @Field()
  municipalityName!: string;

  @Field({ description: 'council, executive_board, committee, sub_committee, company_board' })
  bodyKind!: string;

  @Field({ description: 'First day of the quarter (YYYY-MM-DD)' })
  quarter!: string;

  @Field(() => String, { nullable: true })
  platformKey!: string | null;

  @Field(() => Figure)
  onSiteCount!: Figure;

  @Field(() => Figure)
  remoteCount!: Figure;

  @Field(() => Boolean, { nullable: true })
  supportSufficient!: boolean | null;

  @Field()
  whatWorked!: string;

  @Field()
  lessons!: string;

  @Field(() => Int, { nullable: true })
  rating!: number | null;

  @Field(() => [RegionalIncident])
  incidents!: RegionalIncident[];
}

@ObjectType({ description: 'What a municipality shares with its region. It can withdraw any of it at any time.' })
export class SharingSettings {
  @Field(() => ID)
  municipalityId!: string;

  @Field()
  municipalityName!: string;

  @Field({ description: 'Its rule sets (for the comparison)' })
  sharesRules!: boolean;

  @Field({ description: 'Counts: meetings, remote share, training coverage' })
  sharesAggregates!: boolean;

  @Field({ description: 'Experience reports, anonymised' })
  sharesReports!: boolean;

  @Field(() => String, { nullable: true, description: "The office's address for reminders (report requests, surveys)" })
  contactEmail!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  updatedAt!: Date | null;
}
