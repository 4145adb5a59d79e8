import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_ADMINS } from '../auth/actor.js';
import { CrudResolver } from '../common/crud/crud.resolver.js';
import { Party } from './party.entity.js';
import { PartyGroup } from './party-group.entity.js';
import { CreatePartyGroupInput, CreatePartyInput, PartyFilter, PartyGroupFilter, UpdatePartyGroupInput, UpdatePartyInput } from './party-group.inputs.js';
import { PartiesService, PartyGroupsService } from './party-groups.service.js';

@Resolver(() => Party)
export class PartiesResolver extends CrudResolver({
  entity: Party,
  plural: 'parties',
  singular: 'party',
  filter: PartyFilter,
  createInput: CreatePartyInput,
  updateInput: UpdatePartyInput,
  writeRoles: MUNICIPAL_ADMINS,
}) {
  constructor(readonly service: PartiesService) {
    super();
  }
}

@Resolver(() => PartyGroup)
export class PartyGroupsResolver extends CrudResolver({
  entity: PartyGroup,
  plural: 'partyGroups',
  singular: 'partyGroup',
  filter: PartyGroupFilter,
  createInput: CreatePartyGroupInput,
  updateInput: UpdatePartyGroupInput,
  writeRoles: MUNICIPAL_ADMINS,
}) {
  constructor(
    readonly service: PartyGroupsService,
    private readonly parties: PartiesService,
  ) {
    super();
  }

  @ResolveField(() => Party)
  party(@Parent() group: PartyGroup) {
    return this.parties.load(group.partyId);
  }
}
