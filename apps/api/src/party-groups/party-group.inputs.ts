import { Field, ID, InputType, Int } from '@nestjs/graphql';
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
export class UpdatePartyInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(20)
  abbreviation?: string;
}

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
export class UpdatePartyGroupInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  partyId?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  councilSeats?: number;
}
