/**
 * Break-out rooms for party groups (Timrå, KS/2020:543): a room belongs to one convened
 * meeting and one party group represented in the council, and exists only in windows around
 * that meeting — before it, during its recesses, shortly after it. Outside those windows the
 * room does not exist and its join links must not work; the link and room code use these
 * functions to decide that.
 */
import type { MemberRole, BreakoutRoomPolicy } from './rule-set.js';
import type { Recess } from './meeting-plan.js';
import { parseInstant, toIsoString, type Instant } from './stockholm-time.js';

export type BreakoutWindowKind = 'before' | 'recess' | 'after';

export interface BreakoutWindow {
  opensAt: string;
  closesAt: string;
  /** What the window is for; overlapping windows merge, so there can be several. */
  kinds: BreakoutWindowKind[];
}

export interface MeetingTimes {
  start: Instant;
  end: Instant;
  recesses?: Recess[];
}

const MINUTE = 60_000;

/**
 * The windows in which a meeting's party-group rooms are open, sorted and merged. Empty when
 * rooms are disabled or the meeting's times cannot be read. A recess without an end is still
 * open: its window runs to the meeting's planned end.
 */
export function breakoutRoomWindows(meeting: MeetingTimes, policy: BreakoutRoomPolicy): BreakoutWindow[] {
  const start = parseInstant(meeting.start);
  const end = parseInstant(meeting.end);
  if (!policy.enabled || start === null || end === null || end <= start) return [];
  const minutes = (n: number) => (Number.isFinite(n) && n > 0 ? n * MINUTE : 0);
  const raw: { from: number; to: number; kind: BreakoutWindowKind }[] = [];
  if (minutes(policy.minutesBefore) > 0) raw.push({ from: start - minutes(policy.minutesBefore), to: start, kind: 'before' });
  if (policy.duringRecesses) {
    for (const recess of meeting.recesses ?? []) {
      const from = parseInstant(recess?.start);
      const to = recess?.end === null || recess?.end === undefined ? end : parseInstant(recess.end);
      if (from === null || to === null) continue;
      // A recess only counts within the meeting itself.
      const clippedFrom = Math.max(from, start);
      const clippedTo = Math.min(to, end);
      if (clippedTo > clippedFrom) raw.push({ from: clippedFrom, to: clippedTo, kind: 'recess' });
    }
  }
  if (minutes(policy.minutesAfter) > 0) raw.push({ from: end, to: end + minutes(policy.minutesAfter), kind: 'after' });

  raw.sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: { from: number; to: number; kinds: BreakoutWindowKind[] }[] = [];
  for (const w of raw) {
    const last = merged[merged.length - 1];
    if (last && w.from <= last.to) {
      last.to = Math.max(last.to, w.to);
      if (!last.kinds.includes(w.kind)) last.kinds.push(w.kind);
    } else {
      merged.push({ from: w.from, to: w.to, kinds: [w.kind] });
    }
  }
  return merged.map((w) => ({ opensAt: toIsoString(w.from), closesAt: toIsoString(w.to), kinds: w.kinds }));
}

/** Whether a room is open at an instant: inside a window, the closing instant excluded. */
export function isBreakoutRoomOpen(windows: readonly BreakoutWindow[], at: Instant): boolean {
  const ms = parseInstant(at);
  if (ms === null) return false;
  return windows.some((w) => Date.parse(w.opensAt) <= ms && ms < Date.parse(w.closesAt));
}

export interface PartyGroupSeats {
  id: string;
  councilSeats: number;
  /** Seats in the meeting's body; needed only for the "with_seats_in_body" policy. */
  seatsInBody?: number;
}

/** The party groups that get a room: those with council seats, or only those with seats in the body. */
export function eligiblePartyGroups<G extends PartyGroupSeats>(groups: readonly G[], policy: BreakoutRoomPolicy): G[] {
  if (!policy.enabled) return [];
  return groups.filter((g) => (policy.partyGroups === 'with_seats_in_body' ? (g.seatsInBody ?? 0) > 0 : g.councilSeats > 0));
}

export interface BodyMembership {
  memberId: string;
  role: MemberRole;
  partyGroupId: string | null;
}

/** Whom to invite to a party group's room: the party's members (and, by default, deputies) of the body. */
export function breakoutRoomInvitees(partyGroupId: string, memberships: readonly BodyMembership[], policy: BreakoutRoomPolicy): string[] {
  if (!policy.enabled) return [];
  return memberships
    .filter((m) => m.partyGroupId === partyGroupId && (policy.invite === 'members_and_deputies_of_body' || m.role !== 'deputy'))
    .map((m) => m.memberId);
}
