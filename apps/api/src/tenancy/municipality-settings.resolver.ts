import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_ADMINS, MUNICIPAL_READERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { parseInput } from '../common/crud/parse-input.js';
import { MunicipalitySettings } from './municipality-settings.entity.js';
import { MunicipalitySettingsService } from './municipality-settings.service.js';
import { UpdateMunicipalitySettingsInput } from './municipality-settings.inputs.js';

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
