import { Inject, Injectable } from '@nestjs/common';
import type { BreakoutRoomPolicy } from '@motesplats/rules';
import { Body } from '../bodies/bodies.public.js';
import { Meeting } from '../meetings/meetings.public.js';
import { isClosed, MeetingStatus } from '../meetings/meeting-status.js';
import { BREAKOUT_POLICY, type BreakoutPolicySource } from './breakout-policy.js';
import { meetingLinkWindow, roomWindows, type TimeWindow } from './windows.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import type { MeetingRecess } from '../meetings/meeting-recess.entity.js';
import { BodiesService } from '../bodies/bodies.service.js';

export interface MeetingWindows {
  meeting: Meeting;
  body: Body;
  policy: BreakoutRoomPolicy;
  /** When party groups' rooms are open. */
  rooms: TimeWindow[];
  /** When remote members' links to the meeting itself work. */
  remote: TimeWindow;
  /** The meeting may still open rooms again (a recess may come). */
  moreMayCome: boolean;
}

/** A meeting's windows, from its times, its recesses and the municipality's policy. */
@Injectable()
export class MeetingWindowsService {
  constructor(
    @Inject(BREAKOUT_POLICY) private readonly policies: BreakoutPolicySource,
    private readonly meetings: MeetingsService,
    private readonly bodies: BodiesService,
  ) {}

  /**
   * `loaded`: what the caller already read in the same transaction (the meeting's row, and
   * perhaps its body and recesses): one or two round trips fewer.
   */
  async load(meetingId: string, loaded?: Meeting | null, with_?: { body: Body; recesses: MeetingRecess[] }): Promise<MeetingWindows | null> {
    const meeting = loaded?.id === meetingId ? loaded : await this.meetings.get(meetingId);
    if (!meeting) return null;
    const { body, recesses } =
      with_ && with_.body.id === meeting.bodyId
        ? with_
        : await Promise.all([this.bodies.existing(meeting.bodyId), this.meetings.recesses(meetingId)]).then(([body, recesses]) => ({ body, recesses }));
    return windowsOf(meeting, body, recesses, await this.policies.forMeeting(meeting, body));
  }

  /**
   * For what a query shows (a list of meetings, a meeting's rooms): the meeting, its body and
   * recesses through the request's loaders, so a list reads each kind once for all its
   * meetings. Writers use `load`, which reads afresh what the request may just have changed.
   */
  async loadForRead(meetingId: string, loaded?: Meeting | null): Promise<MeetingWindows | null> {
    const meeting = loaded?.id === meetingId ? loaded : await this.meetings.load(meetingId);
    if (!meeting) return null;
    const [body, recesses] = await Promise.all([this.bodies.load(meeting.bodyId), this.meetings.recessesOfMeeting(meeting.id)]);
    if (!body) return null;
    return windowsOf(meeting, body, recesses, await this.policies.forMeeting(meeting, body));
  }
}

/** A meeting's windows from rows already read and the policy that applies to it. */
export function windowsOf(meeting: Meeting, body: Body, recesses: MeetingRecess[], policy: BreakoutRoomPolicy): MeetingWindows {
  const rooms = roomWindows({ startsAt: meeting.startsAt, endsAt: meeting.endsAt, recesses }, policy);
  const going = meeting.status === MeetingStatus.IN_PROGRESS || meeting.status === MeetingStatus.RECESS;
  return {
    meeting,
    body,
    policy,
    rooms,
    remote: meetingLinkWindow(meeting),
    moreMayCome: going && policy.duringRecesses && !isClosed(meeting.status),
  };
}
