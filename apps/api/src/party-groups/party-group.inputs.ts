import { Field, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { NotBlank } from '../common/crud/not-blank.js';
import { BaseFilter } from '../common/crud/list-args.js';

@InputType()
export class PartyFilter extends BaseFilter {}

@InputType()
export class CreatePartyInput {
  @Field()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name!: string;

  @Field()
  @IsString()
  @NotBlank()
  @MaxLength(20)
  abbreviation!: string;
}

@InputType()
export class UpdatePartyInput extends PartialType(CreatePartyInput, { omitDefaultValues: true, skipNullProperties: false }) {}

@InputType()
export class PartyGroupFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  partyId?: string;
}

@InputType()
export class CreatePartyGroupInput {
  @Field()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name!: string;

  @Field(() => ID)
  @IsUUID()
  partyId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(1000)
  councilSeats!: number;
}

@InputType()
export class UpdatePartyGroupInput extends PartialType(CreatePartyGroupInput, { omitDefaultValues: true, skipNullProperties: false }) {}
