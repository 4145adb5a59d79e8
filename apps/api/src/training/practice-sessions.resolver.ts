import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_WRITERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { CrudResolver } from '../common/crud/crud.resolver.js';
import { parseInput } from '../common/crud/parse-input.js';
import { Member } from '../members/members.public.js';
import { PracticeSession, PracticeSessionInvitee } from './practice-session.entity.js';
import { PracticeSessionsService } from './practice-sessions.service.js';
import { TrainingModule } from './training-module.entity.js';
import { TrainingModulesService } from './training-modules.service.js';
import { CreatePracticeSessionInput, PracticeSessionFilter, SessionMembersArgs, UpdatePracticeSessionInput } from './training.inputs.js';
import { MembersService } from '../members/members.service.js';

@Resolver(() => PracticeSession)
export class PracticeSessionsResolver extends CrudResolver({
  entity: PracticeSession,
  plural: 'practiceSessions',
  singular: 'practiceSession',
  filter: PracticeSessionFilter,
  createInput: CreatePracticeSessionInput,
  updateInput: UpdatePracticeSessionInput,
  writeRoles: MUNICIPAL_WRITERS,
}) {
  constructor(
    readonly service: PracticeSessionsService,
    private readonly modules: TrainingModulesService,
  ) {
    super();
  }

  @Roles(...MUNICIPAL_WRITERS)
  @Mutation(() => PracticeSession, { description: 'Invites members; inviting someone twice changes nothing' })
  async inviteToPracticeSession(@Args() args: SessionMembersArgs) {
    const { sessionId, memberIds } = await parseInput(SessionMembersArgs, args);
    return this.service.invite(sessionId, memberIds);
  }

  @Roles(...MUNICIPAL_WRITERS)
  @Mutation(() => PracticeSession, { description: 'Withdraws invitations not yet attended' })
  async uninviteFromPracticeSession(@Args() args: SessionMembersArgs) {
    const { sessionId, memberIds } = await parseInput(SessionMembersArgs, args);
    return this.service.uninvite(sessionId, memberIds);
  }

  @Roles(...MUNICIPAL_WRITERS)
  @Mutation(() => PracticeSession, { description: "Records attendance and completes the session's module for the attendees (idempotent)" })
  async recordPracticeAttendance(@Args() args: SessionMembersArgs) {
    const { sessionId, memberIds } = await parseInput(SessionMembersArgs, args);
    return this.service.recordAttendance(sessionId, memberIds);
  }

  @ResolveField(() => [PracticeSessionInvitee])
  invitees(@Parent() session: PracticeSession) {
    return this.service.inviteesOfSession(session.id);
  }

  @ResolveField(() => TrainingModule, { nullable: true })
  module(@Parent() session: PracticeSession) {
    return this.modules.byKey(session.moduleKey);
  }
}

@Resolver(() => PracticeSessionInvitee)
export class PracticeSessionInviteesResolver {
  constructor(private readonly members: MembersService) {}

  @ResolveField(() => Member, { nullable: true })
  member(@Parent() invitee: PracticeSessionInvitee) {
    return this.members.load(invitee.memberId);
  }
}
