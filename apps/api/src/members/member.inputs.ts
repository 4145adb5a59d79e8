import { Field, ID, InputType, PartialType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { NotBlank } from '../common/crud/not-blank.js';
import { BaseFilter } from '../common/crud/list-args.js';
import { IdentityLevel } from './member.entity.js';

const PHONE = /^\+?[0-9 ()-]{5,20}$/;

@InputType()
export class MemberFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  partyId?: string;

  @Field(() => ID, { nullable: true, description: 'Members (and deputies) of this body' })
  @IsOptional()
  @IsUUID()
  bodyId?: string;
}

@InputType()
export class CreateMemberInput {
  @Field()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE)
  phone?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  partyId?: string | null;

  @Field(() => IdentityLevel, { nullable: true })
  @IsOptional()
  @IsEnum(IdentityLevel)
  identityLevel?: IdentityLevel;
}

@InputType()
export class UpdateMemberInput extends PartialType(CreateMemberInput, { omitDefaultValues: true, skipNullProperties: false }) {}
