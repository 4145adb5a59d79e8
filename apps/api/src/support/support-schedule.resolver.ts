import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_ADMINS, MUNICIPAL_READERS, MUNICIPAL_WRITERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { badInput } from '../common/app-error.js';
import { IdArgs } from '../common/crud/id-args.js';
import { parseInput } from '../common/crud/parse-input.js';
import { SupportNeedsService } from './support-needs.service.js';
import { SupportScheduleService } from './support-schedule.service.js';
import { SupportSettingsService } from './support-settings.service.js';
import {
  SupportAssignmentModel,
  SupportConflict,
  SupportForecastRow,
  SupportNeed,
  SupportPoolMunicipality,
  SupportRoleKind,
  SupportSettingsModel,
  SupportSuggestions,
} from './support.model.js';
import { AssignSupportInput, SupportWindowInput, UpdateSupportSettingsInput } from './support.inputs.js';

/** Needs, suggestions, assignments, conflicts, gaps and the forecast. */
@Resolver()
export class SupportScheduleResolver {
  constructor(
    private readonly schedule: SupportScheduleService,
    private readonly needs: SupportNeedsService,
    private readonly settings: SupportSettingsService,
  ) {}

  @Roles(...MUNICIPAL_READERS)
  @Query(() => SupportSettingsModel)
  supportSettings() {
    return this.settings.get();
  }

  @Roles('coordinator')
  @Query(() => [SupportPoolMunicipality], { description: "Regional coordinators: the region's municipalities and which of them use the support pool" })
  supportPoolMunicipalities() {
    return this.settings.regionalOptins();
  }

  @Roles(...MUNICIPAL_ADMINS)
  @Mutation(() => SupportSettingsModel, { description: "Opt in to the region's pool; preparation and after time of every shift" })
  async updateSupportSettings(@Args('input', { type: () => UpdateSupportSettingsInput }) input: UpdateSupportSettingsInput) {
    return this.settings.update(await parseInput(UpdateSupportSettingsInput, input));
  }

  @Roles(...MUNICIPAL_READERS)
  @Query(() => [SupportNeed], { description: "A meeting's support needs by the rules in force, and how much is covered" })
  async supportNeeds(@Args('meetingId', { type: () => ID }) meetingId: string) {
    await parseInput(IdArgs, { id: meetingId });
    return this.needs.needsOfMeeting(meetingId);
  }

  @Roles(...MUNICIPAL_READERS)
  @Query(() => [SupportNeed], { description: 'Upcoming meetings with needs nobody covers (default: the next eight weeks)' })
  async supportGaps(@Args('window', { type: () => SupportWindowInput, nullable: true }) window?: SupportWindowInput) {
    const w = window ? await parseInput(SupportWindowInput, window) : undefined;
    return this.needs.gaps(w?.from, w?.to);
  }

  @Roles(...MUNICIPAL_WRITERS)
  @Query(() => SupportSuggestions, {
    description: 'Who can take the shift, best first (own staff before the pool, then the fewest hours this month), and why the others cannot',
  })
  async supportSuggestions(@Args('meetingId', { type: () => ID }) meetingId: string, @Args('role', { type: () => SupportRoleKind }) role: SupportRoleKind) {
    await parseInput(IdArgs, { id: meetingId });
    return this.schedule.suggest(meetingId, role);
  }

  @Roles(...MUNICIPAL_READERS)
  @Query(() => [SupportAssignmentModel], { description: 'Assignments of meetings in a window, or of one meeting or one person' })
  async supportAssignments(
    @Args('meetingId', { type: () => ID, nullable: true }) meetingId?: string,
    @Args('staffId', { type: () => ID, nullable: true }) staffId?: string,
    @Args('window', { type: () => SupportWindowInput, nullable: true }) window?: SupportWindowInput,
  ) {
    if (meetingId != null) await parseInput(IdArgs, { id: meetingId });
    if (staffId != null) await parseInput(IdArgs, { id: staffId });
    const w = window ? await parseInput(SupportWindowInput, window) : undefined;
    return this.schedule.assignments({ meetingId, staffId, from: w?.from, to: w?.to });
  }

  @Roles(...MUNICIPAL_READERS)
  @Query(() => [SupportAssignmentModel], { description: "The signed-in person's shifts (Mina pass)" })
  mySupportShifts() {
    return this.schedule.myShifts();
  }

  @Roles(...MUNICIPAL_READERS)
  @Query(() => [SupportConflict], { description: 'Assignments that no longer fit (default: the next eight weeks)' })
  async supportConflicts(@Args('window', { type: () => SupportWindowInput, nullable: true }) window?: SupportWindowInput) {
    const w = window ? await parseInput(SupportWindowInput, window) : undefined;
    return this.schedule.conflicts(w?.from, w?.to);
  }

  @Roles(...MUNICIPAL_READERS)
  @Query(() => [SupportForecastRow], { description: 'Needed against available support hours per week, scope and skill' })
  supportForecast(@Args('weeks', { type: () => Int, defaultValue: 8 }) weeks: number) {
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > 26) throw badInput('Välj 1–26 veckor.', { weeks: 'utanför 1–26' });
    return this.schedule.forecast(weeks);
  }

  @Roles(...MUNICIPAL_WRITERS)
  @Mutation(() => SupportAssignmentModel, { description: 'Assigns a person who can take the shift; refused with CONFLICT otherwise' })
  async assignSupport(@Args('input', { type: () => AssignSupportInput }) input: AssignSupportInput) {
    const i = await parseInput(AssignSupportInput, input);
    return this.schedule.assign(i.meetingId, i.role, i.staffId);
  }

  @Roles(...MUNICIPAL_READERS)
  @Mutation(() => SupportAssignmentModel, { description: 'The assigned person (or an administrator) accepts' })
  async acceptSupportAssignment(@Args() { id }: IdArgs) {
    await parseInput(IdArgs, { id });
    return this.schedule.accept(id);
  }

  @Roles(...MUNICIPAL_READERS)
  @Mutation(() => SupportAssignmentModel, { description: 'The assigned person (or an administrator) declines; the need opens again' })
  async declineSupportAssignment(@Args() { id }: IdArgs, @Args('reason', { type: () => String, nullable: true }) reason?: string) {
    await parseInput(IdArgs, { id });
    return this.schedule.decline(id, reason ?? null);
  }

  @Roles(...MUNICIPAL_WRITERS)
  @Mutation(() => SupportAssignmentModel)
  async withdrawSupportAssignment(@Args() { id }: IdArgs, @Args('reason', { type: () => String, nullable: true }) reason?: string) {
    await parseInput(IdArgs, { id });
    return this.schedule.withdraw(id, reason ?? null);
  }
}
