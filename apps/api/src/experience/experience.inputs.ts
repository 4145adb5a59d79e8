import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEmail, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IncidentCategory, ReportStatus } from './experience.model.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class IncidentInput {
  @Field(() => IncidentCategory)
  @IsEnum(IncidentCategory)
  category!: IncidentCategory;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(1440)
  minutesLost!: number;

  @Field(() => Int, { description: 'How many participants were affected' })
  @IsInt()
  @Min(0)
  @Max(1000)
  affectedCount!: number;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(2000)
  resolution!: string;
}

@InputType()
export class SubmitExperienceReportInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,40}$/)
  platformKey?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(10000)
  onSiteCount!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(10000)
  remoteCount!: number;

  @Field(() => [IncidentInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => IncidentInput)
  @ArrayMaxSize(50)
  incidents!: IncidentInput[];

  @Field({ description: 'Was the support enough?' })
  @IsBoolean()
  supportSufficient!: boolean;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(4000)
  whatWorked!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(4000)
  lessons!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;
}

@ArgsType()
export class ExperienceReportsArgs {
  @Field(() => ReportStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ReportStatus)
  status?: ReportStatus;
}

@ArgsType()
export class PeriodArgs {
  @Field({ description: 'YYYY-MM-DD' })
  @Matches(ISO_DATE)
  from!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Matches(ISO_DATE)
  to!: string;
}

@InputType()
export class SharingInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  sharesRules?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  sharesAggregates?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  sharesReports?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  contactEmail?: string | null;
}
