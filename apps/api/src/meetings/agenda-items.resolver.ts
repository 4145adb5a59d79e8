import { Resolver } from '@nestjs/graphql';
import { MUNICIPAL_WRITERS } from '../auth/actor.js';
import { CrudResolver } from '../common/crud/crud.resolver.js';
import { AgendaItem } from './agenda-item.entity.js';
import { AgendaItemsService } from './agenda-items.service.js';
import { AgendaItemFilter, CreateAgendaItemInput, UpdateAgendaItemInput } from './meeting.inputs.js';

@Resolver(() => AgendaItem)
export class AgendaItemsResolver extends CrudResolver({
  entity: AgendaItem,
  plural: 'agendaItems',
  singular: 'agendaItem',
  filter: AgendaItemFilter,
  createInput: CreateAgendaItemInput,
  updateInput: UpdateAgendaItemInput,
  writeRoles: MUNICIPAL_WRITERS,
}) {
  constructor(readonly service: AgendaItemsService) {
    super();
  }
}
