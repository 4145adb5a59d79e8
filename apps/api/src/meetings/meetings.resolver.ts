import { Args, ID, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_WRITERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { Body } from '../bodies/bodies.public.js';
import { CrudResolver } from '../common/crud/crud.resolver.js';
import { IdArgs } from '../common/crud/id-args.js';
import { parseInput } from '../common/crud/parse-input.js';
import { badInput } from '../common/app-error.js';
import { AgendaItem } from './agenda-item.entity.js';
import { Attendance } from './attendance.entity.js';
import { Meeting } from './meeting.entity.js';
import { MeetingRecess } from './meeting-recess.entity.js';
import { CreateMeetingInput, MeetingFilter, UpdateMeetingInput } from './meeting.inputs.js';
import { MeetingStatus, nextStatuses } from './meeting-status.js';
import { MeetingsService } from './meetings.service.js';
import type { ListedMeeting } from './meeting-list.query.js';
import { OVERRIDE_REASON_MIN_LENGTH } from '../rules/compliance.service.js';
import { BodiesService } from '../bodies/bodies.service.js';

@Resolver(() => Meeting)
export class MeetingsResolver extends CrudResolver({
  entity: Meeting,
  plural: 'meetings',
  singular: 'meeting',
  filter: MeetingFilter,
  createInput: CreateMeetingInput,
  updateInput: UpdateMeetingInput,
  writeRoles: MUNICIPAL_WRITERS,
}) {
  constructor(
    readonly service: MeetingsService,
    private readonly bodies: BodiesService,
  ) {
    super();
  }

  @Roles(...MUNICIPAL_WRITERS)
  @Mutation(() => Meeting, {
    description:
      'Moves a meeting along planned → convened → in progress ⇄ recess → ended, or cancels it. Convening is refused (RULE_VIOLATION, extensions.blockers) while the rules find blockers, unless a tenant administrator gives overrideReason, which goes to the audit log',
  })
  async changeMeetingStatus(
    @Args('id', { type: () => ID }) id: string,
    @Args('status', { type: () => MeetingStatus }) status: MeetingStatus,
    @Args('overrideReason', {
      type: () => String,
      nullable: true,
      description: `Why the meeting is convened despite blockers (at least ${OVERRIDE_REASON_MIN_LENGTH} characters; tenant-admin only)`,
    })
    overrideReason?: string | null,
  ) {
    await parseInput(IdArgs, { id });
    if (!Object.values(MeetingStatus).includes(status)) throw badInput('Okänd status.', { status: 'okänd' });
    return this.service.changeStatus(id, status, overrideReason ?? undefined);
  }

  // Field resolvers of the meeting list take the parent positionally, without @Parent(): with no
  // parameter decorators or field enhancers, Nest hands graphql-js the method itself instead of
  // wrapping every call in its context creator (a council's page resolves thousands of fields).

  @ResolveField(() => Body)
  body(meeting: ListedMeeting) {
    return meeting.body !== undefined ? meeting.body : this.bodies.load(meeting.bodyId);
  }

  @ResolveField(() => [MeetingStatus], { description: 'The statuses this meeting can move to now' })
  nextStatuses(meeting: Meeting): MeetingStatus[] {
    return nextStatuses(meeting.status);
  }

  @ResolveField(() => [AgendaItem], { description: 'Agenda items in order' })
  agendaItems(meeting: ListedMeeting) {
    // Read with the page when the meetings list asked for it.
    return meeting.agendaItems ?? this.service.agendaItemsOfMeeting(meeting.id);
  }

  @ResolveField(() => [Attendance])
  attendances(meeting: ListedMeeting) {
    return meeting.attendances ?? this.service.attendancesOfMeeting(meeting.id);
  }

  @ResolveField(() => [MeetingRecess], { description: 'Recesses the secretary started (status RECESS), oldest first' })
  recesses(meeting: Meeting) {
    return this.service.recessesOfMeeting(meeting.id);
  }
}
