import { Args, Field, InputType, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MUNICIPAL_ADMINS, MUNICIPAL_READERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { parseInput } from '../common/crud/parse-input.js';
import { MunicipalitySettings } from './municipality-settings.entity.js';
import { MunicipalitySettingsService } from './municipality-settings.service.js';

@InputType()
export class UpdateMunicipalitySettingsInput {
  @Field(() => [String], { nullable: true, description: 'https origins of the sites that may embed the join page' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  embedOrigins?: string[];

  @Field(() => String, { nullable: true, description: "Whom members contact when their link cannot let them in (shown on the member's page); empty clears it" })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  memberContact?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20160)
  linkDeliveryLeadMinutes?: number;
}

@Resolver(() => MunicipalitySettings)
export class MunicipalitySettingsResolver {
  constructor(private readonly settings: MunicipalitySettingsService) {}

  @Roles(...MUNICIPAL_READERS)
  @Query(() => MunicipalitySettings)
  municipalitySettings() {
    return this.settings.current();
  }

  @Roles(...MUNICIPAL_ADMINS)
  @Mutation(() => MunicipalitySettings)
  async updateMunicipalitySettings(@Args('input', { type: () => UpdateMunicipalitySettingsInput }) input: UpdateMunicipalitySettingsInput) {
    return this.settings.update(await parseInput(UpdateMunicipalitySettingsInput, input));
  }
}
