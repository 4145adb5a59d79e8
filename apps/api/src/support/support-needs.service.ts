import { Injectable } from '@nestjs/common';
import type { BodyRules } from '@motesplats/rules';
import { Clock } from '../common/clock.js';
import { Meeting } from '../meetings/meetings.public.js';
import { ComplianceService } from '../rules/compliance.service.js';
import { shiftOf } from './scheduling.js';
import { SupportFactsService } from './support-facts.service.js';
import { SupportSettingsService } from './support-settings.service.js';
import type { SupportNeed } from './support.model.js';
import { MeetingsService } from '../meetings/meetings.service.js';

export const WEEK = 7 * 86_400_000;
export const HORIZON_WEEKS = 8;

/** A meeting's support needs as its rules say, and whether remote participation is planned or only allowed. */
export interface MeetingNeeds {
  meeting: Meeting;
  /** Remote participants planned now: needs are real (and the evaluation reports them). */
  remoteParticipants: number;
  /** The body's rules allow remote participation: needs are expected (the forecast counts them). */
  remoteAllowed: boolean;
  requirements: { role: string; count: number }[];
}

/**
 * What support meetings need comes from the rules in force on each meeting's date, through the
 * same evaluation that judges the meeting: the requirement applies once anyone takes part
 * remotely, and it covers the meeting plus the municipality's preparation and after time.
 */
@Injectable()
export class SupportNeedsService {
  constructor(
    private readonly compliance: ComplianceService,
    private readonly facts: SupportFactsService,
    private readonly settings: SupportSettingsService,
    private readonly clock: Clock,
    private readonly meetings: MeetingsService,
  ) {}

  async meetingsBetween(from: Date, to: Date): Promise<Meeting[]> {
    return this.meetings.activeOverlapping(from, to);
  }

  async requirementsOf(meetings: Meeting[]): Promise<MeetingNeeds[]> {
    const evaluations = await this.compliance.loader().loadMany(meetings);
    return meetings.map((meeting, i) => {
      const e = evaluations[i];
      if (e instanceof Error) throw e;
      const rules = e!.rules as BodyRules;
      const requirements = (Array.isArray(rules?.requiredSupport) ? rules.requiredSupport : [])
        .filter((r) => r && r.count > 0)
        .map((r) => ({ role: r.role, count: r.count }));
      return { meeting, remoteParticipants: e!.remoteParticipants.planned, remoteAllowed: rules?.remoteParticipation?.allowed === true, requirements };
    });
  }

  /** Each real need (remote participants planned) of these meetings, with how much is covered. */
  async needsOf(meetings: Meeting[]): Promise<SupportNeed[]> {
    const withNeeds = (await this.requirementsOf(meetings)).filter((n) => n.remoteParticipants > 0 && n.requirements.length > 0);
    const covering = await this.facts.covering(withNeeds.map((n) => n.meeting.id));
    const { minutesBefore, minutesAfter } = await this.settings.get();
    return withNeeds.flatMap((n) => {
      const shift = shiftOf({ start: n.meeting.startsAt.getTime(), end: n.meeting.endsAt.getTime() }, minutesBefore, minutesAfter);
      const byRole = new Map<string, number>();
      for (const r of n.requirements) byRole.set(r.role, (byRole.get(r.role) ?? 0) + r.count);
      return [...byRole].map(([role, required]) => {
        const covered = new Set(covering.filter((c) => c.meetingId === n.meeting.id && c.role === role).map((c) => c.staffId)).size;
        return {
          meetingId: n.meeting.id,
          meetingTitle: n.meeting.title,
          meetingStartsAt: n.meeting.startsAt,
          meetingEndsAt: n.meeting.endsAt,
          shiftStartsAt: new Date(shift.start),
          shiftEndsAt: new Date(shift.end),
          role,
          required,
          covered,
          missing: Math.max(0, required - covered),
          remoteParticipants: n.remoteParticipants,
        };
      });
    });
  }

  async needsOfMeeting(meetingId: string): Promise<SupportNeed[]> {
    const meeting = await this.meetings.get(meetingId);
    return meeting ? this.needsOf([meeting]) : [];
  }

  /** Upcoming meetings (default: the next eight weeks) with needs nobody covers yet. */
  async gaps(from?: Date, to?: Date): Promise<SupportNeed[]> {
    const start = from ?? this.clock.now();
    const end = to ?? new Date(start.getTime() + HORIZON_WEEKS * WEEK);
    return (await this.needsOf(await this.meetingsBetween(start, end))).filter((n) => n.missing > 0);
  }

  /** Meetings in a window whose starts fall inside it (for the forecast). */
  async startingBetween(from: Date, to: Date): Promise<Meeting[]> {
    return this.meetings.activeStartingBetween(from, to);
  }
}
