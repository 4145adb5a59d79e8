import { Field, ID, InputType, PartialType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { NotBlank } from '../common/crud/not-blank.js';
import { BaseFilter } from '../common/crud/list-args.js';
import { BodyKind } from './body.entity.js';

@InputType()
export class BodyFilter extends BaseFilter {
  @Field(() => BodyKind, { nullable: true })
  @IsOptional()
  @IsEnum(BodyKind)
  kind?: BodyKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  parentBodyId?: string;
}

@InputType()
export class CreateBodyInput {
  @Field()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name!: string;

  @Field(() => BodyKind)
  @IsEnum(BodyKind)
  kind!: BodyKind;

  @Field(() => ID, { nullable: true, description: 'Required for sub-committees: the parent committee' })
  @IsOptional()
  @IsUUID()
  parentBodyId?: string | null;
}

@InputType()
export class UpdateBodyInput extends PartialType(CreateBodyInput, { omitDefaultValues: true, skipNullProperties: false }) {}
