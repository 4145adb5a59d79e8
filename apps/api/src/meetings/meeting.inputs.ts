import { Field, GraphQLISODateTime, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { NotBlank } from '../common/crud/not-blank.js';
import { ScheduledInput } from '../common/crud/scheduled.js';
import { BaseFilter } from '../common/crud/list-args.js';
import { AttendanceMode } from './attendance.entity.js';
import { MeetingStatus } from './meeting-status.js';

const PLATFORM_KEY = /^[a-z][a-z0-9_]{0,40}$/;

@InputType()
export class MeetingFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  bodyId?: string;

  @Field(() => MeetingStatus, { nullable: true })
  @IsOptional()
  @IsEnum(MeetingStatus)
  status?: MeetingStatus;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  startsAfter?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  startsBefore?: Date;
}

@InputType()
export class CreateMeetingInput extends ScheduledInput {
  @Field(() => ID)
  @IsUUID()
  bodyId!: string;

  @Field({ description: 'The physical place named in the notice' })
  @IsString()
  @NotBlank()
  @MaxLength(300)
  place!: string;

  @Field(() => String, { nullable: true, description: "Key in the region's platform catalog, e.g. jitsi_meet" })
  @IsOptional()
  @Matches(PLATFORM_KEY)
  platformKey?: string | null;
}

/** Everything but the body can change while the meeting is open. */
@InputType()
export class UpdateMeetingInput extends PartialType(OmitType(CreateMeetingInput, ['bodyId'] as const), {
  omitDefaultValues: true,
  skipNullProperties: false,
}) {}

const KIND = /^[a-z][a-z0-9_-]{0,40}$/;

@InputType()
export class AgendaItemFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  meetingId?: string;
}

@InputType()
export class CreateAgendaItemInput {
  @Field(() => ID)
  @IsUUID()
  meetingId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10000)
  number!: number;

  @Field()
  @IsString()
  @NotBlank()
  @MaxLength(500)
  title!: string;

  @Field({ nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;

  @Field({ nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  closedVote?: boolean;

  @Field(() => [String], { nullable: true, description: "The municipality's own kinds, lower-case keys such as 'personnel'" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(KIND, { each: true })
  kinds?: string[];
}

@InputType()
export class UpdateAgendaItemInput extends PartialType(OmitType(CreateAgendaItemInput, ['meetingId'] as const), {
  omitDefaultValues: true,
  skipNullProperties: false,
}) {}

@InputType()
export class AttendanceFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  meetingId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @Field(() => AttendanceMode, { nullable: true })
  @IsOptional()
  @IsEnum(AttendanceMode)
  mode?: AttendanceMode;
}

/** What the rules need to know about an attendance beyond its mode: deputies stepping in, and board members' consent and documents. */
@InputType({ isAbstract: true })
abstract class AttendanceFactsInput {
  @Field(() => ID, { nullable: true, description: 'A deputy stepping in: the ordinary member whose seat they take' })
  @IsOptional()
  @IsUUID()
  replacesMemberId?: string | null;

  @Field({ nullable: true, description: 'Company boards: agrees to meeting with remote participants' })
  @IsOptional()
  @IsBoolean()
  consentsToRemoteMeeting?: boolean;

  @Field({ nullable: true, description: 'Company boards: has received the documents' })
  @IsOptional()
  @IsBoolean()
  documentsDelivered?: boolean;
}

@InputType()
export class CreateAttendanceInput extends AttendanceFactsInput {
  @Field(() => ID)
  @IsUUID()
  meetingId!: string;

  @Field(() => ID)
  @IsUUID()
  memberId!: string;

  @Field(() => AttendanceMode)
  @IsEnum(AttendanceMode)
  mode!: AttendanceMode;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  joinedAt?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  leftAt?: Date | null;
}

@InputType()
export class UpdateAttendanceInput extends PartialType(OmitType(CreateAttendanceInput, ['meetingId', 'memberId'] as const), {
  omitDefaultValues: true,
  skipNullProperties: false,
}) {}
