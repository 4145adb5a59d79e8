import { Field, GraphQLISODateTime, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDate,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { BaseFilter } from '../common/crud/list-args.js';
import { NotBlank } from '../common/crud/not-blank.js';
import { StaffAbsenceKind, SupportRoleKind, SupportSkill } from './support.model.js';

@InputType()
export class WeeklySlotInput {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  @Field({ description: 'HH:MM' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  from!: string;

  @Field({ description: 'HH:MM, or 24:00' })
  @Matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/)
  to!: string;
}

@InputType()
export class CreateStaffInput {
  @Field()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Keycloak username or subject of their sign-in' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  account?: string | null;

  @Field(() => [SupportSkill])
  @IsArray()
  @ArrayUnique()
  @IsEnum(SupportSkill, { each: true })
  skills!: SupportSkill[];

  @Field(() => [WeeklySlotInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WeeklySlotInput)
  weekly?: WeeklySlotInput[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field({ nullable: true, description: "Coordinators: into the region's pool (the default for them); municipal staff always add to their own register" })
  @IsOptional()
  @IsBoolean()
  pooled?: boolean;
}

@InputType()
export class UpdateStaffInput extends PartialType(CreateStaffInput) {}

@InputType()
export class StaffFilter extends BaseFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  pooled?: boolean;

  @Field(() => SupportSkill, { nullable: true })
  @IsOptional()
  @IsEnum(SupportSkill)
  skill?: SupportSkill;
}

@InputType()
export class StaffAbsenceInput {
  @Field(() => ID)
  @IsUUID()
  staffId!: string;

  @Field(() => GraphQLISODateTime)
  @Type(() => Date)
  @IsDate()
  startsAt!: Date;

  @Field(() => GraphQLISODateTime)
  @Type(() => Date)
  @IsDate()
  endsAt!: Date;

  @Field(() => StaffAbsenceKind)
  @IsEnum(StaffAbsenceKind)
  kind!: StaffAbsenceKind;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

@InputType()
export class AssignSupportInput {
  @Field(() => ID)
  @IsUUID()
  meetingId!: string;

  @Field(() => SupportRoleKind)
  @IsEnum(SupportRoleKind)
  role!: SupportRoleKind;

  @Field(() => ID)
  @IsUUID()
  staffId!: string;
}

@InputType()
export class UpdateSupportSettingsInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  usesRegionalPool?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(480)
  minutesBefore?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(480)
  minutesAfter?: number;
}

@InputType()
export class SupportWindowInput {
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Default: now' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Default: eight weeks after from' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}
