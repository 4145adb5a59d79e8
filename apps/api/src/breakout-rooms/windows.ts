import { breakoutRoomWindows, type BreakoutRoomPolicy } from '@motesplats/rules';

export interface TimeWindow {
  opensAt: Date;
  closesAt: Date;
}

export interface MeetingTimes {
  startsAt: Date;
  endsAt: Date;
  recesses: { startedAt: Date; endedAt: Date | null }[];
}

const MINUTE = 60_000;

/** A remote member's link to the meeting itself works from half an hour before until half an hour after. */
export const MEETING_LINK_MARGIN_MINUTES = 30;

/** A link whose last window closed this long ago says "not valid" rather than "closed". */
export const EXPIRES_AFTER_MS = 24 * 60 * MINUTE;

export function roomWindows(meeting: MeetingTimes, policy: BreakoutRoomPolicy): TimeWindow[] {
  return breakoutRoomWindows(
    {
      start: meeting.startsAt.toISOString(),
      end: meeting.endsAt.toISOString(),
      recesses: meeting.recesses.map((r) => ({ start: r.startedAt.toISOString(), end: r.endedAt?.toISOString() ?? null })),
    },
    policy,
  ).map((w) => ({ opensAt: new Date(w.opensAt), closesAt: new Date(w.closesAt) }));
}

export function meetingLinkWindow(meeting: Pick<MeetingTimes, 'startsAt' | 'endsAt'>): TimeWindow {
  const margin = MEETING_LINK_MARGIN_MINUTES * MINUTE;
  return { opensAt: new Date(meeting.startsAt.getTime() - margin), closesAt: new Date(meeting.endsAt.getTime() + margin) };
}

/** A practice session's links open this long before it starts, so members can test sound and picture. */
export const PRACTICE_LINK_LEAD_MINUTES = 15;

export function practiceLinkWindow(session: { startsAt: Date; endsAt: Date }): TimeWindow {
  return { opensAt: new Date(session.startsAt.getTime() - PRACTICE_LINK_LEAD_MINUTES * MINUTE), closesAt: session.endsAt };
}

export type LinkState =
  { state: 'not_yet_open'; opensAt: Date } | { state: 'open'; window: TimeWindow } | { state: 'closed'; opensAt: Date | null } | { state: 'invalid' };

/**
 * What a link to something open in `windows` says at `now`: open inside a window (its closing
 * instant excluded, as isBreakoutRoomOpen), not yet open before the first, closed between
 * windows and shortly after the last — and invalid once it has long expired. `moreMayCome`:
 * the meeting is still going, so a recess may yet open the room again.
 */
export function linkState(windows: readonly TimeWindow[], now: Date, moreMayCome = false): LinkState {
  const t = now.getTime();
  const sorted = [...windows].sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
  const current = sorted.find((w) => w.opensAt.getTime() <= t && t < w.closesAt.getTime());
  if (current) return { state: 'open', window: current };
  const next = sorted.find((w) => w.opensAt.getTime() > t);
  const last = sorted[sorted.length - 1];
  if (!last) return moreMayCome ? { state: 'closed', opensAt: null } : { state: 'invalid' };
  if (next && next === sorted[0]) return { state: 'not_yet_open', opensAt: next.opensAt };
  if (next || moreMayCome) return { state: 'closed', opensAt: next?.opensAt ?? null };
  return t < last.closesAt.getTime() + EXPIRES_AFTER_MS ? { state: 'closed', opensAt: null } : { state: 'invalid' };
}
