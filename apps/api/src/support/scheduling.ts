/**
 * Support scheduling without a database: availability intervals, overlap, eligibility and
 * the ranking of suggestions. Pure functions over plain data (times as epoch milliseconds),
 * so the same rules decide in suggestions, in assignment and in the conflict list.
 */
import { localDate, localTime } from '@motesplats/rules';

export interface Interval {
  start: number;
  end: number;
}

/** A weekly recurring slot in Stockholm wall-clock time; weekday 1 = Monday … 7 = Sunday. */
export interface WeeklySlot {
  weekday: number;
  from: string;
  to: string;
}

export type AbsenceKind = 'holiday' | 'sick_leave' | 'other' | 'extra_availability';

export interface Absence extends Interval {
  kind: AbsenceKind;
}

export const HOUR = 3_600_000;
const DAY = 86_400_000;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Sorted, with touching or overlapping intervals joined. */
export function merge(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** `from` minus every interval in `cut`. */
export function subtract(from: readonly Interval[], cut: readonly Interval[]): Interval[] {
  const cuts = merge(cut);
  const out: Interval[] = [];
  for (const piece of merge(from)) {
    let start = piece.start;
    for (const c of cuts) {
      if (c.end <= start || c.start >= piece.end) continue;
      if (c.start > start) out.push({ start, end: c.start });
      start = Math.max(start, c.end);
    }
    if (start < piece.end) out.push({ start, end: piece.end });
  }
  return out;
}

export function totalHours(intervals: readonly Interval[]): number {
  return merge(intervals).reduce((sum, i) => sum + (i.end - i.start), 0) / HOUR;
}

/** Whether `inner` lies wholly within one of the (merged) intervals. */
export function covers(intervals: readonly Interval[], inner: Interval): boolean {
  return merge(intervals).some((i) => i.start <= inner.start && i.end >= inner.end);
}

/** Why a weekly slot is not valid, or null. A slot does not cross midnight: split it in two. */
export function slotProblem(slot: WeeklySlot): string | null {
  if (!Number.isInteger(slot.weekday) || slot.weekday < 1 || slot.weekday > 7) return 'Veckodagen ska vara 1 (måndag) till 7 (söndag).';
  const from = TIME.exec(slot.from);
  const to = slot.to === '24:00' ? ['24:00', '24', '00'] : TIME.exec(slot.to);
  if (!from || !to) return 'Tider skrivs TT:MM.';
  if (slot.to !== '24:00' && slot.to <= slot.from) return 'Sluttiden ska vara efter starttiden samma dag.';
  return null;
}

/** The ISO weekday (1 = Monday) of a Stockholm calendar date. */
function weekdayOf(isoDate: string): number {
  const d = new Date(`${isoDate}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

function addDaysIso(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function at(isoDate: string, hhmm: string): number {
  const [y, mo, d] = isoDate.split('-').map(Number) as [number, number, number];
  if (hhmm === '24:00') {
    const next = addDaysIso(isoDate, 1).split('-').map(Number) as [number, number, number];
    return localTime(next[0], next[1], next[2], 0).getTime();
  }
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  return localTime(y, mo, d, h, mi).getTime();
}

/**
 * The instants a weekly pattern covers within `window`. Each Stockholm day is converted on
 * its own, so a slot "18:00–21:00" stays 18:00–21:00 on both sides of a daylight-saving change.
 */
export function expandWeekly(weekly: readonly WeeklySlot[], window: Interval): Interval[] {
  if (!weekly.length || window.end <= window.start) return [];
  const out: Interval[] = [];
  const last = localDate(new Date(window.end));
  for (let day = localDate(new Date(window.start - DAY)); day <= last; day = addDaysIso(day, 1)) {
    const weekday = weekdayOf(day);
    for (const slot of weekly) {
      if (slot.weekday !== weekday || slotProblem(slot)) continue;
      const interval = { start: at(day, slot.from), end: at(day, slot.to) };
      if (overlaps(interval, window)) out.push(interval);
    }
  }
  return merge(out);
}

/** When the person can work within `window`: weekly slots and extra availability, minus absences. */
export function availableIntervals(weekly: readonly WeeklySlot[], absences: readonly Absence[], window: Interval): Interval[] {
  const extra = absences.filter((a) => a.kind === 'extra_availability');
  const away = absences.filter((a) => a.kind !== 'extra_availability');
  const open = merge([...expandWeekly(weekly, window), ...extra]).map((i) => ({ start: Math.max(i.start, window.start), end: Math.min(i.end, window.end) }));
  return subtract(open, away);
}

/** A shift: the meeting with preparation before and time after. */
export function shiftOf(meeting: Interval, minutesBefore: number, minutesAfter: number): Interval {
  return { start: meeting.start - minutesBefore * 60_000, end: meeting.end + minutesAfter * 60_000 };
}

export interface Candidate {
  id: string;
  name: string;
  /** From the region's shared pool rather than the municipality's own staff. */
  pooled: boolean;
  active: boolean;
  skills: readonly string[];
  weekly: readonly WeeklySlot[];
  absences: readonly Absence[];
  /** Shifts the person already has (anywhere they serve), other than the one being filled. */
  busy: readonly Interval[];
  /** Hours of shifts in the month of the shift being filled: the fairness measure. */
  hoursThisMonth: number;
}

export type Unfit = 'INACTIVE' | 'SKILL_MISSING' | 'ABSENT' | 'UNAVAILABLE' | 'DOUBLE_BOOKED';

/** Why the person cannot take this shift (the first reason found), or null when they can. */
export function unfitFor(c: Candidate, role: string, shift: Interval): Unfit | null {
  if (!c.active) return 'INACTIVE';
  if (!c.skills.includes(role)) return 'SKILL_MISSING';
  if (c.absences.some((a) => a.kind !== 'extra_availability' && overlaps(a, shift))) return 'ABSENT';
  if (!covers(availableIntervals(c.weekly, c.absences, shift), shift)) return 'UNAVAILABLE';
  if (c.busy.some((b) => overlaps(b, shift))) return 'DOUBLE_BOOKED';
  return null;
}

export interface Ranked {
  candidate: Candidate;
  rank: number;
}

/**
 * Everyone who can take the shift, best first: the municipality's own staff before the pool,
 * then fewest hours this month (spreading the load), then name — a stable order people can follow.
 */
export function rankCandidates(candidates: readonly Candidate[], role: string, shift: Interval): Ranked[] {
  return candidates
    .filter((c) => unfitFor(c, role, shift) === null)
    .sort(
      (a, b) => Number(a.pooled) - Number(b.pooled) || a.hoursThisMonth - b.hoursThisMonth || a.name.localeCompare(b.name, 'sv') || a.id.localeCompare(b.id),
    )
    .map((candidate, i) => ({ candidate, rank: i + 1 }));
}

/** The Stockholm calendar month (YYYY-MM) an instant falls in, and that month's bounds. */
export function monthOf(instant: number): { month: string; window: Interval } {
  const month = localDate(new Date(instant)).slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const start = localTime(y, m, 1, 0).getTime();
  const end = m === 12 ? localTime(y + 1, 1, 1, 0).getTime() : localTime(y, m + 1, 1, 0).getTime();
  return { month, window: { start, end } };
}

/** Hours of `shifts` inside `window`. */
export function hoursWithin(shifts: readonly Interval[], window: Interval): number {
  return totalHours(shifts.map((s) => ({ start: Math.max(s.start, window.start), end: Math.min(s.end, window.end) })));
}
