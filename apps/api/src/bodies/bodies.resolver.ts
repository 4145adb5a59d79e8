import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_ADMINS } from '../auth/actor.js';
import { CrudResolver } from '../common/crud/crud.resolver.js';
import { BodiesService } from './bodies.service.js';
import { Body } from './body.entity.js';
import { BodyFilter, CreateBodyInput, UpdateBodyInput } from './body.inputs.js';

@Resolver(() => Body)
export class BodiesResolver extends CrudResolver({
  entity: Body,
  plural: 'bodies',
  singular: 'body',
  filter: BodyFilter,
  createInput: CreateBodyInput,
  updateInput: UpdateBodyInput,
  writeRoles: MUNICIPAL_ADMINS,
}) {
  constructor(readonly service: BodiesService) {
    super();
  }

  @ResolveField(() => Body, { nullable: true })
  parentBody(@Parent() body: Body) {
    return this.service.load(body.parentBodyId);
  }
}
