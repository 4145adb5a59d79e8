import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_READERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { ListArgs, PageOf } from '../common/crud/list-args.js';
import { parseInput } from '../common/crud/parse-input.js';
import { Member } from '../members/members.public.js';
import { TrainingReminder } from './training-reminder.entity.js';
import { TrainingReminderFilter } from './training.inputs.js';
import { MembersService } from '../members/members.service.js';
import { TrainingReminderList } from './training-reminder-list.service.js';

const ReminderPage = PageOf(TrainingReminder);

/** What went out, and the secretary's list: members without e-mail whose training runs out. */
@Resolver(() => TrainingReminder)
export class TrainingRemindersResolver {
  constructor(
    private readonly list: TrainingReminderList,
    private readonly members: MembersService,
  ) {}

  @Roles(...MUNICIPAL_READERS)
  @Query(() => ReminderPage, { description: "Reminders sent or listed; filter channel SECRETARY_LIST for the secretary's list" })
  async trainingReminders(@Args() args: ListArgs, @Args('filter', { type: () => TrainingReminderFilter, nullable: true }) filter?: TrainingReminderFilter) {
    return this.list.list(await parseInput(ListArgs, args), filter ? await parseInput(TrainingReminderFilter, filter) : undefined);
  }

  @ResolveField(() => Member, { nullable: true })
  member(@Parent() r: TrainingReminder) {
    return this.members.load(r.memberId);
  }
}
