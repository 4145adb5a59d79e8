import { ArgsType, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { BODY_TYPES } from '@motesplats/rules';
import { Figure } from '../common/figure.model.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
export class ComparisonArgs {
  @Field({ description: 'YYYY-MM-DD, counted from the start of its quarter' })
  @Matches(ISO_DATE)
  from!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Matches(ISO_DATE)
  to!: string;

  @Field(() => String, { nullable: true, description: 'council, executive_board, committee, sub_committee, company_board; all when absent' })
  @IsOptional()
  @IsIn([...BODY_TYPES])
  bodyKind?: string | null;
}

@ObjectType({ description: "One municipality's figures for the period: small counts suppressed, unshared figures absent" })
export class ComparisonRow {
  @Field(() => ID)
  municipalityId!: string;

  @Field()
  municipalityName!: string;

  @Field({ description: 'Kommunkod (SCB), four digits' })
  municipalityCode!: string;

  @Field()
  sharesRules!: boolean;

  @Field()
  sharesAggregates!: boolean;

  @Field()
  sharesReports!: boolean;

  @Field(() => Figure, { nullable: true, description: 'Meetings held (ended) in the period' })
  meetingsHeld!: Figure | null;

  @Field(() => Figure, { nullable: true, description: 'Meetings with at least one remote participant' })
  remoteMeetings!: Figure | null;

  @Field(() => Figure, { nullable: true, description: 'Remote attendances / all attendances (0–1)' })
  remoteShare!: Figure | null;

  @Field(() => Figure, { nullable: true })
  reports!: Figure | null;

  @Field(() => Figure, { nullable: true })
  incidents!: Figure | null;

  @Field(() => Figure, { nullable: true })
  incidentsPer10Meetings!: Figure | null;

  @Field(() => Figure, { nullable: true })
  minutesLost!: Figure | null;

  @Field(() => Figure, { nullable: true, description: 'Average rating 1–5 of the reports' })
  averageRating!: Figure | null;

  @Field(() => Figure, { nullable: true, description: 'Share of reports saying the support was enough (0–1)' })
  supportSufficientShare!: Figure | null;

  @Field(() => Figure, { nullable: true, description: 'Seats with valid regional training / all seats the modules apply to (0–1), today' })
  trainingCoverage!: Figure | null;

  @Field(() => Figure, {
    nullable: true,
    description: 'Meetings with the support their rules require / all (0–1); null until the support capability provides it',
  })
  supportCoverage!: Figure | null;

  @Field(() => Float, { nullable: true, description: 'Estimated licence cost per year (SEK) where the rules name a priced platform' })
  licenceCostSekPerYear!: number | null;

  @Field(() => [String], { description: 'The priced platforms the estimate is based on' })
  licencePlatforms!: string[];
}

@ObjectType({ description: "A municipality's figures in one quarter" })
export class ComparisonTrendPoint {
  @Field(() => ID)
  municipalityId!: string;

  @Field({ description: 'First day of the quarter' })
  quarter!: string;

  @Field(() => Figure, { nullable: true })
  meetingsHeld!: Figure | null;

  @Field(() => Figure, { nullable: true })
  remoteShare!: Figure | null;

  @Field(() => Figure, { nullable: true })
  incidentsPer10Meetings!: Figure | null;
}

@ObjectType({ description: 'A rule that differs from the regional template' })
export class RuleDeviation {
  @Field({ description: 'e.g. maxRemoteParticipants' })
  field!: string;

  @Field({ description: 'tighter, looser or other' })
  change!: string;

  @Field({ description: 'JSON of the template value' })
  templateValue!: string;

  @Field({ description: 'JSON of the municipal value' })
  municipalValue!: string;
}

@ObjectType({ description: "A municipality's rules for one body type, beside the template" })
export class RulesMatrixCell {
  @Field(() => ID)
  municipalityId!: string;

  @Field()
  municipalityName!: string;

  @Field()
  bodyType!: string;

  @Field()
  decisionReference!: string;

  @Field(() => Int)
  version!: number;

  @Field()
  remoteAllowed!: boolean;

  @Field(() => [String])
  excludedItemKinds!: string[];

  @Field()
  equalTerms!: string;

  @Field(() => Int, { nullable: true })
  maxRemoteParticipants!: number | null;

  @Field(() => [String], { nullable: true, description: 'Null: any platform' })
  approvedPlatforms!: string[] | null;

  @Field({ description: 'Break-out rooms: off, or the window in minutes before/after and whether during recesses' })
  breakoutPolicy!: string;

  @Field(() => [RuleDeviation])
  deviations!: RuleDeviation[];
}

@ObjectType({ description: 'Municipalities side by side for a period and body type' })
export class Comparison {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => String, { nullable: true })
  bodyKind!: string | null;

  @Field(() => Int, { description: 'Counts above zero and below this are shown as "< threshold"' })
  threshold!: number;

  @Field(() => [ComparisonRow])
  rows!: ComparisonRow[];

  @Field(() => [ComparisonTrendPoint])
  trends!: ComparisonTrendPoint[];

  @Field(() => [RulesMatrixCell])
  rules!: RulesMatrixCell[];
}
