import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { isIsoDate } from '@motesplats/rules';
import { NotBlank } from '../common/crud/not-blank.js';
import { ScheduledInput } from '../common/crud/scheduled.js';
import { BaseFilter } from '../common/crud/list-args.js';
import { MembershipRole } from '../bodies/bodies.public.js';
import { CompletionSource } from './training-completion.entity.js';
import { TrainingAudience, TrainingKind, TrainingModuleScope } from './training-module.entity.js';
import { ReminderChannel } from './training-reminder.entity.js';

/** The longest a training module stays valid; the admin reads it from the `limits` query. */
export const TRAINING_VALIDITY_MONTHS_MAX = 120;

export const MODULE_KEY = /^[a-z0-9][a-z0-9-]{1,62}$/;
/** A real calendar day: the pattern alone lets 2026-02-30 through to Postgres, which then fails. */
const IsCalendarDate = () => ValidateBy({ name: 'isDate', validator: { validate: (v: unknown) => isIsoDate(v) } });

@InputType()
export class TrainingModuleFilter extends BaseFilter {
  @Field(() => TrainingModuleScope, { nullable: true })
  @IsOptional()
  @IsEnum(TrainingModuleScope)
  scope?: TrainingModuleScope;

  @Field(() => TrainingAudience, { nullable: true })
  @IsOptional()
  @IsEnum(TrainingAudience)
  audience?: TrainingAudience;

  @Field(() => TrainingKind, { nullable: true })
  @IsOptional()
  @IsEnum(TrainingKind)
  kind?: TrainingKind;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  requirable?: boolean;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @Matches(MODULE_KEY, { each: true })
  keys?: string[];
}

@InputType()
export class CreateTrainingModuleInput {
  @Field({ description: "Stable key, lower-case letters, digits and '-'. A municipality's own keys start with its slug and '-'." })
  @Matches(MODULE_KEY)
  key!: string;

  @Field()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  title!: string;

  @Field({ nullable: true, defaultValue: '' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @Field(() => [TrainingAudience])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(TrainingAudience, { each: true })
  audience!: TrainingAudience[];

  @Field(() => TrainingKind)
  @IsEnum(TrainingKind)
  kind!: TrainingKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(1000)
  url?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(TRAINING_VALIDITY_MONTHS_MAX)
  validityMonths?: number | null;

  @Field({ nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  requirable?: boolean;
}

/** The key never changes: rule sets and completions refer to it. */
@InputType()
export class UpdateTrainingModuleInput extends PartialType(OmitType(CreateTrainingModuleInput, ['key'] as const), {
  omitDefaultValues: true,
  skipNullProperties: false,
}) {}

@InputType()
export class TrainingCompletionFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(MODULE_KEY)
  moduleKey?: string;

  @Field(() => CompletionSource, { nullable: true })
  @IsOptional()
  @IsEnum(CompletionSource)
  source?: CompletionSource;
}

@InputType()
export class RecordTrainingCompletionInput {
  @Field(() => ID)
  @IsUUID()
  memberId!: string;

  @Field()
  @Matches(MODULE_KEY)
  moduleKey!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  completedOn!: string;
}

@ArgsType()
export class ImportCompletionsArgs {
  @Field({ description: "The CSV file's content (see docs: member_id;member_name;member_email;module_key;completed_on)" })
  @IsString()
  @MaxLength(1_000_000)
  csv!: string;

  @Field({ description: 'Check every row and report, but write nothing' })
  @IsBoolean()
  dryRun!: boolean;
}

@InputType()
export class CoverageFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  bodyId?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @Matches(MODULE_KEY, { each: true })
  moduleKeys?: string[];

  @Field(() => MembershipRole, { nullable: true })
  @IsOptional()
  @IsEnum(MembershipRole)
  seatRole?: MembershipRole;

  @Field({ nullable: true, description: 'Coverage on this date (YYYY-MM-DD); today in Stockholm when absent' })
  @IsOptional()
  @IsCalendarDate()
  onDate?: string;
}

@ArgsType()
export class BlockedMembersArgs {
  @Field(() => [String], {
    nullable: true,
    description: "Modules remote participants need. Absent: the regional template's requirements for the body's type.",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(MODULE_KEY, { each: true })
  requiredModuleKeys?: string[];

  @Field(() => Int, { defaultValue: 60, description: 'Meetings starting within this many days' })
  @IsInt()
  @Min(1)
  @Max(366)
  withinDays: number = 60;
}

@InputType()
export class PracticeSessionFilter extends BaseFilter {
  @Field({ nullable: true })
  @IsOptional()
  @Matches(MODULE_KEY)
  moduleKey?: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  startsAfter?: Date;
}

@InputType()
export class CreatePracticeSessionInput extends ScheduledInput {
  @Field()
  @Matches(MODULE_KEY)
  moduleKey!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  place?: string | null;
}

/** A session keeps its module: attendance already recorded completed that module. */
@InputType()
export class UpdatePracticeSessionInput extends PartialType(OmitType(CreatePracticeSessionInput, ['moduleKey'] as const), {
  omitDefaultValues: true,
  skipNullProperties: false,
}) {}

@ArgsType()
export class SessionMembersArgs {
  @Field(() => ID)
  @IsUUID()
  sessionId!: string;

  @Field(() => [ID])
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  memberIds!: string[];
}

@InputType()
export class TrainingReminderFilter extends BaseFilter {
  @Field(() => ReminderChannel, { nullable: true })
  @IsOptional()
  @IsEnum(ReminderChannel)
  channel?: ReminderChannel;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  memberId?: string;
}
