import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateBy } from 'class-validator';
import { isIsoDate } from '@motesplats/rules';
import { BodyKind } from '../bodies/bodies.public.js';
import { NotBlank } from '../common/crud/not-blank.js';
import { JSONScalar } from '../common/json.scalar.js';

/** A real calendar date written YYYY-MM-DD. */
const IsCalendarDate = () => ValidateBy({ name: 'isDate', validator: { validate: (v: unknown) => isIsoDate(v) } });

export enum RuleSetSource {
  REGIONAL_TEMPLATE = 'regional_template',
  CURRENT_VERSION = 'current_version',
}
registerEnumType(RuleSetSource, {
  name: 'RuleSetSource',
  valuesMap: {
    REGIONAL_TEMPLATE: { description: "Adopt the region's latest template" },
    CURRENT_VERSION: { description: 'Start from the version in force today (or the latest published one)' },
  },
});

@InputType()
export class CreateRuleSetDraftInput {
  @Field(() => RuleSetSource)
  @IsEnum(RuleSetSource)
  from!: RuleSetSource;

  @Field({ description: 'First date the rules are meant to apply, YYYY-MM-DD' })
  @IsCalendarDate()
  effectiveFrom!: string;

  @Field({ nullable: true, description: 'The decision, if already known (e.g. "KF 2020-04-20 § 45"); required when publishing' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  decisionReference?: string;

  @Field(() => BodyKind, { nullable: true, defaultValue: BodyKind.COUNCIL })
  @IsOptional()
  @IsEnum(BodyKind)
  decidedBy?: BodyKind;
}

@InputType()
export class UpdateRuleSetDraftInput {
  @Field(() => JSONScalar, { nullable: true, description: 'The whole rule content: { bodyTypes, bodies }' })
  @IsOptional()
  content?: unknown;

  @Field({ nullable: true })
  @IsOptional()
  @IsCalendarDate()
  effectiveFrom?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  decisionReference?: string;

  @Field(() => BodyKind, { nullable: true })
  @IsOptional()
  @IsEnum(BodyKind)
  decidedBy?: BodyKind;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate()
  decidedOn?: string | null;
}

@InputType()
export class PublishRuleSetInput {
  @Field({ description: 'E.g. "KF 2020-04-20 § 45"' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  decisionReference!: string;

  @Field(() => BodyKind)
  @IsEnum(BodyKind)
  decidedBy!: BodyKind;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate()
  decidedOn?: string | null;

  @Field({ description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  effectiveFrom!: string;
}

@InputType()
export class PublishRegionalTemplateInput {
  @Field()
  @IsString()
  @NotBlank()
  @MaxLength(300)
  name!: string;

  @Field(() => JSONScalar, { description: '{ bodyTypes, bodies } as in RuleSetVersion.content' })
  content!: unknown;
}

@InputType()
export class RecordSubCommitteeRemoteDecisionInput {
  @Field(() => ID, { description: 'The sub-committee' })
  @IsUUID()
  bodyId!: string;

  @Field()
  @IsBoolean()
  allowsRemote!: boolean;

  @Field({ description: 'The parent committee\'s decision, e.g. "SN 2021-03-01 § 12"' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  reference!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  decidedOn!: string;
}
