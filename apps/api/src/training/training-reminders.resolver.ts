import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { MUNICIPAL_READERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { loadRef } from '../common/by-id-loader.js';
import { CrudService } from '../common/crud/crud.service.js';
import { ListArgs, PageOf } from '../common/crud/list-args.js';
import { parseInput } from '../common/crud/parse-input.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { Member } from '../members/members.public.js';
import { TrainingReminder } from './training-reminder.entity.js';
import { TrainingReminderFilter } from './training.inputs.js';

const ReminderPage = PageOf(TrainingReminder);

@Injectable()
export class TrainingReminderList extends CrudService<TrainingReminder, TrainingReminderFilter> {
  constructor(db: TenantDb) {
    super(db, {
      entity: TrainingReminder,
      label: 'Påminnelsen',
      sortable: { validUntil: 'validUntil', createdAt: 'createdAt' },
      defaultSort: 'validUntil',
      searchColumns: ['moduleKey'],
    });
  }

  protected override applyFilter(qb: SelectQueryBuilder<TrainingReminder>, f: TrainingReminderFilter): void {
    if (f.channel) qb.andWhere('r.channel = :channel', { channel: f.channel });
    if (f.memberId) qb.andWhere('r.memberId = :memberId', { memberId: f.memberId });
  }
}

/** What went out, and the secretary's list: members without e-mail whose training runs out. */
@Resolver(() => TrainingReminder)
export class TrainingRemindersResolver {
  constructor(
    private readonly list: TrainingReminderList,
    private readonly db: TenantDb,
  ) {}

  @Roles(...MUNICIPAL_READERS)
  @Query(() => ReminderPage, { description: "Reminders sent or listed; filter channel SECRETARY_LIST for the secretary's list" })
  async trainingReminders(@Args() args: ListArgs, @Args('filter', { type: () => TrainingReminderFilter, nullable: true }) filter?: TrainingReminderFilter) {
    return this.list.list(await parseInput(ListArgs, args), filter ? await parseInput(TrainingReminderFilter, filter) : undefined);
  }

  @ResolveField(() => Member, { nullable: true })
  member(@Parent() r: TrainingReminder) {
    return loadRef(this.db, Member, r.memberId);
  }
}
