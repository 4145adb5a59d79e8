import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsDate, IsEnum, IsNumber, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { NotBlank } from '../common/crud/not-blank.js';

export enum SurveyQuestionKind {
  CHOICE = 'choice',
  NUMBER = 'number',
  TEXT = 'text',
}
registerEnumType(SurveyQuestionKind, {
  name: 'SurveyQuestionKind',
  valuesMap: { CHOICE: { description: 'Ja / nej / delvis' }, NUMBER: { description: 'Ett tal' }, TEXT: { description: 'Fritext' } },
});

export enum SurveyChoice {
  YES = 'yes',
  NO = 'no',
  PARTLY = 'partly',
}
registerEnumType(SurveyChoice, {
  name: 'SurveyChoice',
  valuesMap: { YES: { description: 'Ja' }, NO: { description: 'Nej' }, PARTLY: { description: 'Delvis' } },
});

export enum SurveyRole {
  ASKER = 'asker',
  RECIPIENT = 'recipient',
  COORDINATOR = 'coordinator',
}
registerEnumType(SurveyRole, { name: 'SurveyRole' });

@ObjectType()
export class SurveyQuestion {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  position!: number;

  @Field()
  text!: string;

  @Field(() => SurveyQuestionKind)
  kind!: SurveyQuestionKind;
}

@ObjectType()
export class SurveyAnswerValue {
  @Field(() => ID)
  questionId!: string;

  @Field(() => SurveyChoice, { nullable: true })
  choice!: SurveyChoice | null;

  @Field(() => Float, { nullable: true })
  number!: number | null;

  @Field(() => String, { nullable: true })
  text!: string | null;
}

@ObjectType({ description: 'A recipient municipality: whether it has answered, and its answers where the caller may see them' })
export class SurveyResponse {
  @Field(() => ID)
  municipalityId!: string;

  @Field()
  municipalityName!: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  answeredAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Last day a reminder went out' })
  lastRemindedOn!: string | null;

  @Field(() => [SurveyAnswerValue])
  answers!: SurveyAnswerValue[];
}

@ObjectType({ description: 'A question set asked of selected municipalities of the region' })
export class Survey {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  intro!: string;

  @Field(() => GraphQLISODateTime, { description: 'Answers can be changed until then' })
  deadline!: Date;

  @Field({ description: 'Who asks: the association or a municipality' })
  askedBy!: string;

  @Field(() => SurveyRole, { description: "The caller's part in it" })
  myRole!: SurveyRole;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => Int)
  recipientCount!: number;

  @Field(() => Int)
  answeredCount!: number;

  @Field(() => [SurveyQuestion])
  questions!: SurveyQuestion[];

  @Field(() => [SurveyResponse], { description: 'Every recipient for the asker and coordinators; a recipient sees only itself' })
  responses!: SurveyResponse[];

  @Field(() => [String], { description: 'Recipients that have not answered (asker and coordinators)' })
  notAnswered!: string[];
}

@InputType()
export class SurveyQuestionInput {
  @Field()
  @NotBlank()
  @MaxLength(1000)
  text!: string;

  @Field(() => SurveyQuestionKind)
  @IsEnum(SurveyQuestionKind)
  kind!: SurveyQuestionKind;
}

@InputType()
export class CreateSurveyInput {
  @Field()
  @NotBlank()
  @MaxLength(200)
  title!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(4000)
  intro!: string;

  @Field(() => GraphQLISODateTime)
  @Type(() => Date)
  @IsDate()
  deadline!: Date;

  @Field(() => [ID], { description: 'Municipalities of the region to ask' })
  @ArrayMinSize(1)
  @ArrayMaxSize(400)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  recipientIds!: string[];

  @Field(() => [SurveyQuestionInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionInput)
  questions!: SurveyQuestionInput[];
}

@InputType()
export class SurveyAnswerInput {
  @Field(() => ID)
  @IsUUID()
  questionId!: string;

  @Field(() => SurveyChoice, { nullable: true })
  @IsOptional()
  @IsEnum(SurveyChoice)
  choice?: SurveyChoice | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  number?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  text?: string | null;
}

@InputType()
export class AnswerSurveyInput {
  @Field(() => [SurveyAnswerInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SurveyAnswerInput)
  answers!: SurveyAnswerInput[];
}
