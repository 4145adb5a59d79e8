import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_READERS, MUNICIPAL_WRITERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { IdArgs } from '../common/crud/id-args.js';
import { parseInput } from '../common/crud/parse-input.js';
import { Meeting } from '../meetings/meetings.public.js';
import { Member } from '../members/members.public.js';
import { PartyGroup } from '../party-groups/party-groups.public.js';
import { BreakoutRoom } from './breakout-room.entity.js';
import { CreateBreakoutRoomInput, TimeWindowView } from './breakout-room.inputs.js';
import { BreakoutRoomsService } from './breakout-rooms.service.js';
import { MeetingWindowsService } from './meeting-windows.service.js';
import { MembersService } from '../members/members.service.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { PartyGroupsService } from '../party-groups/party-groups.service.js';

@Resolver(() => BreakoutRoom)
export class BreakoutRoomsResolver {
  constructor(
    private readonly rooms: BreakoutRoomsService,
    private readonly meetingWindows: MeetingWindowsService,
    private readonly members: MembersService,
    private readonly partyGroups: PartyGroupsService,
    private readonly meetings: MeetingsService,
  ) {}

  @Roles(...MUNICIPAL_READERS)
  @Query(() => [BreakoutRoom], { description: "A meeting's party-group rooms" })
  async breakoutRooms(@Args('meetingId', { type: () => ID }) meetingId: string) {
    await parseInput(IdArgs, { id: meetingId });
    return this.rooms.roomsOf(meetingId);
  }

  @Roles(...MUNICIPAL_WRITERS)
  @Mutation(() => BreakoutRoom, { description: "Creates one party group's room at a convened meeting; refused (RULE_VIOLATION, extensions.reason) otherwise" })
  async createBreakoutRoom(@Args('input', { type: () => CreateBreakoutRoomInput }) input: CreateBreakoutRoomInput) {
    const { meetingId, partyGroupId } = await parseInput(CreateBreakoutRoomInput, input);
    return this.rooms.createRoom(meetingId, partyGroupId);
  }

  @Roles(...MUNICIPAL_WRITERS)
  @Mutation(() => [BreakoutRoom], { description: 'Creates the rooms of every eligible party group at a convened meeting (done on convening, too)' })
  async setUpBreakoutRooms(@Args('meetingId', { type: () => ID }) meetingId: string) {
    await parseInput(IdArgs, { id: meetingId });
    return this.rooms.setUpRooms(meetingId);
  }

  @ResolveField(() => PartyGroup)
  partyGroup(@Parent() room: BreakoutRoom) {
    return this.partyGroups.load(room.partyGroupId);
  }

  @ResolveField(() => Meeting)
  meeting(@Parent() room: BreakoutRoom) {
    return this.meetings.load(room.meetingId);
  }

  @ResolveField(() => [TimeWindowView], { description: 'When the room is open: before the meeting, during recesses, after it' })
  async windows(@Parent() room: BreakoutRoom) {
    return (await this.meetingWindows.loadForRead(room.meetingId))?.rooms ?? [];
  }

  @ResolveField(() => [Member], { description: "Whom the room invites: the party group's seats in the body, per the rules" })
  async invitees(@Parent() room: BreakoutRoom) {
    const ids = await this.rooms.inviteesForRead(room);
    if (!ids.length) return [];
    return this.members.loadByName(ids);
  }
}

/** A meeting's rooms and windows, on the meeting itself. */
@Resolver(() => Meeting)
export class MeetingRoomsResolver {
  constructor(
    private readonly rooms: BreakoutRoomsService,
    private readonly meetingWindows: MeetingWindowsService,
  ) {}

  @ResolveField(() => [BreakoutRoom])
  breakoutRooms(@Parent() meeting: Meeting) {
    return this.rooms.roomsOfMeeting(meeting.id);
  }

  @ResolveField(() => [TimeWindowView], { description: "When the party groups' rooms are open" })
  async breakoutWindows(@Parent() meeting: Meeting) {
    // The meeting row the list already read; body and recesses batched across the list.
    return (await this.meetingWindows.loadForRead(meeting.id, meeting))?.rooms ?? [];
  }
}
