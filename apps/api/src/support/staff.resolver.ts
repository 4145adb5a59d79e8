import { Args, GraphQLISODateTime, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_READERS, MUNICIPAL_WRITERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { badInput } from '../common/app-error.js';
import { IdArgs } from '../common/crud/id-args.js';
import { ListArgs, PageOf } from '../common/crud/list-args.js';
import { parseInput } from '../common/crud/parse-input.js';
import { StaffFeedService } from './staff-feed.service.js';
import { StaffService } from './staff.service.js';
import { StaffTrainingService } from './staff-training.service.js';
import { StaffAbsence, StaffMember, StaffTrainingRow } from './support.model.js';
import { CreateStaffInput, StaffAbsenceInput, StaffFilter, UpdateStaffInput, WeeklySlotInput } from './support.inputs.js';
import { Clock } from '../common/clock.js';

const StaffMemberPage = PageOf(StaffMember);
const DAY = 86_400_000;

/** The support register, availability and absences, and personal calendar feeds. */
@Resolver(() => StaffMember)
export class StaffResolver {
  constructor(
    private readonly staff: StaffService,
    private readonly feeds: StaffFeedService,
    private readonly training: StaffTrainingService,
    private readonly clock: Clock,
  ) {}

  @Roles(...MUNICIPAL_READERS)
  @Query(() => [StaffTrainingRow], { description: "Staff training coverage: each of the municipality's own staff × each module meant for their work" })
  staffTrainingCoverage() {
    return this.training.coverage();
  }

  @Roles(...MUNICIPAL_WRITERS)
  @Mutation(() => StaffTrainingRow, { description: "Records that a staff member completed a module (the secretary's checklist, leading a hybrid meeting…)" })
  async recordStaffTrainingCompletion(
    @Args('staffId', { type: () => ID }) staffId: string,
    @Args('moduleKey') moduleKey: string,
    @Args('completedOn', { description: 'YYYY-MM-DD' }) completedOn: string,
  ) {
    await parseInput(IdArgs, { id: staffId });
    return this.training.record(staffId, moduleKey, completedOn);
  }

  @Roles(...MUNICIPAL_READERS, 'coordinator')
  @Query(() => StaffMemberPage, { description: "The municipality's support staff and, once it has opted in, the region's pool (coordinators: the pool)" })
  async staffMembers(@Args() args: ListArgs, @Args('filter', { type: () => StaffFilter, nullable: true }) filter?: StaffFilter) {
    return this.staff.list(await parseInput(ListArgs, args), filter ? await parseInput(StaffFilter, filter) : undefined);
  }

  @Roles(...MUNICIPAL_READERS, 'coordinator')
  @Query(() => StaffMember, { nullable: true })
  async staffMember(@Args() { id }: IdArgs) {
    await parseInput(IdArgs, { id });
    return this.staff.get(id);
  }

  @Roles(...MUNICIPAL_READERS, 'coordinator')
  @Query(() => StaffMember, { nullable: true, description: "The signed-in person's own staff record (matched by username or subject)" })
  myStaffRecord() {
    return this.staff.me();
  }

  @Roles(...MUNICIPAL_READERS, 'coordinator')
  @Query(() => [StaffAbsence], { description: 'Absences and extra availability overlapping a window (default: the next eight weeks)' })
  async staffAbsences(
    @Args('staffId', { type: () => ID, nullable: true }) staffId?: string,
    @Args('from', { type: () => GraphQLISODateTime, nullable: true }) from?: Date,
    @Args('to', { type: () => GraphQLISODateTime, nullable: true }) to?: Date,
  ) {
    if (staffId != null) await parseInput(IdArgs, { id: staffId });
    // The DateTime scalar lets an unparseable string through as an Invalid Date; Postgres would answer with a server error.
    const invalid = Object.entries({ from, to }).filter(([, d]) => d && Number.isNaN(d.getTime()));
    if (invalid.length) throw badInput('Ogiltigt datum.', Object.fromEntries(invalid.map(([k]) => [k, 'ogiltigt datum'])));
    const start = from ?? new Date(this.clock.now().getTime() - 7 * DAY);
    return this.staff.absences(staffId, start, to ?? new Date(start.getTime() + 63 * DAY));
  }

  @Roles(...MUNICIPAL_WRITERS, 'coordinator')
  @Mutation(() => StaffMember, { description: 'Municipal staff add to their own register; coordinators to the pool' })
  async createStaffMember(@Args('input', { type: () => CreateStaffInput }) input: CreateStaffInput) {
    return this.staff.create(await parseInput(CreateStaffInput, input));
  }

  @Roles(...MUNICIPAL_WRITERS, 'coordinator')
  @Mutation(() => StaffMember)
  async updateStaffMember(@Args() { id }: IdArgs, @Args('input', { type: () => UpdateStaffInput }) input: UpdateStaffInput) {
    await parseInput(IdArgs, { id });
    return this.staff.update(id, await parseInput(UpdateStaffInput, input));
  }

  @Roles(...MUNICIPAL_WRITERS, 'coordinator')
  @Mutation(() => ID, { description: 'Removes a person; one who has had assignments is made inactive instead' })
  async deleteStaffMember(@Args() { id }: IdArgs) {
    await parseInput(IdArgs, { id });
    return this.staff.remove(id);
  }

  @Roles(...MUNICIPAL_READERS, 'coordinator')
  @Mutation(() => StaffMember, { description: 'Replaces the weekly availability; the person themselves or an administrator' })
  async setStaffWeeklyAvailability(
    @Args('staffId', { type: () => ID }) staffId: string,
    @Args('weekly', { type: () => [WeeklySlotInput] }) weekly: WeeklySlotInput[],
  ) {
    await parseInput(IdArgs, { id: staffId });
    const slots = await Promise.all(weekly.map((w) => parseInput(WeeklySlotInput, w)));
    return this.staff.setWeekly(staffId, slots);
  }

  @Roles(...MUNICIPAL_READERS, 'coordinator')
  @Mutation(() => StaffAbsence, { description: 'An absence (holiday, sick leave) or extra availability; the person themselves or an administrator' })
  async addStaffAbsence(@Args('input', { type: () => StaffAbsenceInput }) input: StaffAbsenceInput) {
    return this.staff.addAbsence(await parseInput(StaffAbsenceInput, input));
  }

  @Roles(...MUNICIPAL_READERS, 'coordinator')
  @Mutation(() => ID)
  async removeStaffAbsence(@Args() { id }: IdArgs) {
    await parseInput(IdArgs, { id });
    return this.staff.removeAbsence(id);
  }

  @Roles(...MUNICIPAL_READERS)
  @Mutation(() => String, { description: 'A new personal calendar feed URL for a staff member (shown once; any earlier URL stops working)' })
  async issueStaffCalendarFeed(@Args('staffId', { type: () => ID }) staffId: string) {
    await parseInput(IdArgs, { id: staffId });
    return this.feeds.issue(staffId);
  }

  @Roles(...MUNICIPAL_READERS)
  @Mutation(() => Boolean, { description: "Revokes the staff member's calendar feed URL" })
  async revokeStaffCalendarFeed(@Args('staffId', { type: () => ID }) staffId: string) {
    await parseInput(IdArgs, { id: staffId });
    return this.feeds.revoke(staffId);
  }
}
