import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_WRITERS } from '../auth/actor.js';
import { loadRef } from '../common/by-id-loader.js';
import { CrudResolver } from '../common/crud/crud.resolver.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { Member } from '../members/members.public.js';
import { Body } from './body.entity.js';
import { BodyMembership } from './body-membership.entity.js';
import { BodyMembershipFilter, CreateBodyMembershipInput, UpdateBodyMembershipInput } from './body-membership.inputs.js';
import { BodyMembershipsService } from './body-memberships.service.js';

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
    private readonly db: TenantDb,
  ) {
    super();
  }

  @ResolveField(() => Body)
  body(@Parent() m: BodyMembership) {
    return loadRef(this.db, Body, m.bodyId);
  }

  @ResolveField(() => Member)
  member(@Parent() m: BodyMembership) {
    return loadRef(this.db, Member, m.memberId);
  }
}
