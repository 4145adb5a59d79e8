import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_WRITERS } from '../auth/actor.js';
import { CrudResolver } from '../common/crud/crud.resolver.js';
import { Member } from '../members/members.public.js';
import { Body } from './body.entity.js';
import { BodyMembership } from './body-membership.entity.js';
import { BodyMembershipFilter, CreateBodyMembershipInput, UpdateBodyMembershipInput } from './body-membership.inputs.js';
import { BodyMembershipsService } from './body-memberships.service.js';
import { BodiesService } from './bodies.service.js';
import { MembersService } from '../members/members.service.js';

@Resolver(() => BodyMembership)
export class BodyMembershipsResolver extends CrudResolver({
  entity: BodyMembership,
  plural: 'bodyMemberships',
  singular: 'bodyMembership',
  filter: BodyMembershipFilter,
  createInput: CreateBodyMembershipInput,
  updateInput: UpdateBodyMembershipInput,
  writeRoles: MUNICIPAL_WRITERS,
}) {
  constructor(
    readonly service: BodyMembershipsService,
    private readonly bodies: BodiesService,
    private readonly members: MembersService,
  ) {
    super();
  }

  @ResolveField(() => Body)
  body(@Parent() m: BodyMembership) {
    return this.bodies.load(m.bodyId);
  }

  @ResolveField(() => Member)
  member(@Parent() m: BodyMembership) {
    return this.members.load(m.memberId);
  }
}
