import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_WRITERS } from '../auth/actor.js';
import { CrudResolver } from '../common/crud/crud.resolver.js';
import { Party } from '../party-groups/party-groups.public.js';
import { Member } from './member.entity.js';
import { CreateMemberInput, MemberFilter, UpdateMemberInput } from './member.inputs.js';
import { MembersService } from './members.service.js';
import { PartiesService } from '../party-groups/party-groups.service.js';

@Resolver(() => Member)
export class MembersResolver extends CrudResolver({
  entity: Member,
  plural: 'members',
  singular: 'member',
  filter: MemberFilter,
  createInput: CreateMemberInput,
  updateInput: UpdateMemberInput,
  writeRoles: MUNICIPAL_WRITERS,
}) {
  constructor(
    readonly service: MembersService,
    private readonly parties: PartiesService,
  ) {
    super();
  }

  @ResolveField(() => Party, { nullable: true })
  party(@Parent() member: Member) {
    return this.parties.load(member.partyId);
  }
}
