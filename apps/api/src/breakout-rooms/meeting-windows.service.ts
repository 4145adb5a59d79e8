import { Inject, Injectable } from '@nestjs/common';
import type { BreakoutRoomPolicy } from '@motesplats/rules';
import { Body } from '../bodies/bodies.public.js';
import { Meeting } from '../meetings/meetings.public.js';
import { isClosed, MeetingStatus } from '../meetings/meeting-status.js';
import { BREAKOUT_POLICY, type BreakoutPolicySource } from './breakout-policy.js';
import { meetingLinkWindow, roomWindows, type TimeWindow } from './windows.js';
import { MeetingsService } from '../meetings/meetings.service.js';
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

  /** `loaded`: the meeting's row when the caller already read it in the same transaction (one round trip fewer). */
  async load(meetingId: string, loaded?: Meeting | null): Promise<MeetingWindows | null> {
    const meeting = loaded?.id === meetingId ? loaded : await this.meetings.get(meetingId);
    if (!meeting) return null;
    const [body, recesses] = await Promise.all([this.bodies.existing(meeting.bodyId), this.meetings.recesses(meetingId)]);
    const policy = await this.policies.forMeeting(meeting, body);
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
}
