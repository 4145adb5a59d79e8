import type { Type } from '@nestjs/common';
import { Args, ID, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Roles } from '../../auth/roles.decorator.js';
import { MUNICIPAL_READERS, type Role } from '../../auth/actor.js';
import type { TenantEntity } from '../tenant-entity.js';
import type { CrudService } from './crud.service.js';
import { ListArgs, PageOf, type BaseFilter } from './list-args.js';
import { parseInput } from './parse-input.js';
import { IdArgs } from './id-args.js';
import { selectionOf } from './selection.js';

export interface CrudResolverOptions<E, F, C, U> {
  entity: Type<E>;
  /** GraphQL names: `meetings`, `meeting`, `createMeeting`, … */
  plural: string;
  singular: string;
  filter: Type<F>;
  createInput: Type<C>;
  updateInput: Type<U>;
  writeRoles: Role[];
}

/**
 * The react-admin-shaped operations for one resource. Arguments are validated here (the
 * generic signatures carry no type metadata for a global pipe), then handed to the service.
 */
export function CrudResolver<E extends TenantEntity, F extends BaseFilter, C extends object, U extends object>(o: CrudResolverOptions<E, F, C, U>) {
  const cap = o.singular[0]!.toUpperCase() + o.singular.slice(1);
  // Page types must exist before the schema is built, so they are made now, not lazily.
  const page = PageOf(o.entity);

  @Resolver({ isAbstract: true })
  abstract class Base {
    abstract readonly service: CrudService<E, F>;

    @Roles(...MUNICIPAL_READERS)
    @Query(() => page, { name: o.plural })
    async list(@Args() args: ListArgs, @Info() info: GraphQLResolveInfo, @Args('filter', { type: () => o.filter, nullable: true }) filter?: F) {
      const parsedArgs = await parseInput(ListArgs, args);
      return this.service.list(parsedArgs, filter ? await parseInput(o.filter, filter) : undefined, selectionOf(info).items);
    }

    @Roles(...MUNICIPAL_READERS)
    @Query(() => o.entity, { name: o.singular, nullable: true })
    async one(@Args() { id }: IdArgs) {
      await parseInput(IdArgs, { id });
      return this.service.get(id);
    }

    @Roles(...o.writeRoles)
    @Mutation(() => o.entity, { name: `create${cap}` })
    async create(@Args('input', { type: () => o.createInput }) input: C) {
      return this.service.create((await parseInput(o.createInput, input)) as never);
    }

    @Roles(...o.writeRoles)
    @Mutation(() => o.entity, { name: `update${cap}` })
    async update(@Args() { id }: IdArgs, @Args('input', { type: () => o.updateInput }) input: U) {
      await parseInput(IdArgs, { id });
      return this.service.update(id, (await parseInput(o.updateInput, input)) as never);
    }

    @Roles(...o.writeRoles)
    @Mutation(() => ID, { name: `delete${cap}` })
    async remove(@Args() { id }: IdArgs) {
      await parseInput(IdArgs, { id });
      return this.service.remove(id);
    }
  }
  return Base;
}
