import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, badInput, conflict, forbidden, notFound } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { currentActor } from '../common/request-context.js';
import { localDate, localTime } from '@motesplats/rules';
import { TenantDb } from '../database/tenant-db.service.js';
import { Meeting } from '../meetings/meetings.public.js';
import {
  availableIntervals,
  HOUR,
  hoursWithin,
  monthOf,
  rankCandidates,
  shiftOf,
  unfitFor,
  type Absence,
  type Candidate,
  type Interval,
} from './scheduling.js';
import { ACTIVE_STATUSES, SupportAssignment } from './support-assignment.entity.js';
import { SupportNeedsService, HORIZON_WEEKS, WEEK } from './support-needs.service.js';
import { SupportNotifier } from './support-notifier.js';
import { SupportSettingsService } from './support-settings.service.js';
import type {
  SupportAssignmentModel,
  SupportConflict,
  SupportForecastRow,
  SupportNeed,
  SupportSettingsModel,
  SupportSuggestions,
  StaffMember,
} from './support.model.js';
import { StaffService } from './staff.service.js';
import { MeetingsService } from '../meetings/meetings.service.js';

const EDITORS = ['tenant-admin', 'secretary'];
/** Busy intervals are looked up this far around a window, so shifts' preparation time is seen. */
const MARGIN = 12 * HOUR;

interface Busy extends Interval {
  assignmentId: string;
}

/** Everyone who could serve the municipality in a window, with what they already have. */
interface People {
  settings: SupportSettingsModel;
  staff: StaffMember[];
  absences: Map<string, Absence[]>;
  busy: Map<string, Busy[]>;
}

const CONFLICT_TEXT: Record<string, string> = {
  DOUBLE_BOOKED: 'Personen har ett annat pass samtidigt.',
  ABSENT: 'Personen är frånvarande under passet.',
  UNAVAILABLE: 'Passet ligger utanför personens tillgänglighet.',
  SKILL_MISSING: 'Personen saknar kompetensen för rollen.',
  INACTIVE: 'Personen är inte längre aktiv i registret.',
};

/**
 * Suggestions, assignments and conflicts. One set of rules (scheduling.ts) decides who can take
 * a shift, whether in a suggestion, an assignment or the conflict list; an assignment takes a
 * transaction-level lock on the person, so two municipalities (or two clicks) cannot book the
 * same pooled person for overlapping shifts at once.
 */
@Injectable()
export class SupportScheduleService {
  constructor(
    private readonly db: TenantDb,
    private readonly staff: StaffService,
    private readonly settings: SupportSettingsService,
    private readonly needs: SupportNeedsService,
    private readonly notifier: SupportNotifier,
    private readonly clock: Clock,
    private readonly meetings: MeetingsService,
  ) {}

  async people(window: Interval): Promise<People> {
    const settings = await this.settings.get();
    const em = await this.db.manager();
    // The pool's own policy hides it from municipalities that have not opted in; checking here
    // too keeps a pooled person out of suggestions even if that policy were ever loosened.
    const staff = (await this.staff.all()).filter((s) => !s.pooled || settings.usesRegionalPool);
    const from = new Date(window.start - MARGIN);
    const to = new Date(window.end + MARGIN);
    const absenceRows: { staffId: string; startsAt: Date; endsAt: Date; kind: Absence['kind'] }[] = await em.query(
      `select staff_id as "staffId", starts_at as "startsAt", ends_at as "endsAt", kind from support_absence where starts_at < $2 and ends_at > $1
       union all
       select staff_id, starts_at, ends_at, kind from regional_support_absence where starts_at < $2 and ends_at > $1`,
      [from, to],
    );
    const absences = new Map<string, Absence[]>();
    for (const a of absenceRows) {
      const list = absences.get(a.staffId) ?? [];
      list.push({ start: a.startsAt.getTime(), end: a.endsAt.getTime(), kind: a.kind });
      absences.set(a.staffId, list);
    }
    const own: { id: string; staffId: string; startsAt: Date; endsAt: Date }[] = await em.query(
      `select a.id, a.staff_id as "staffId", m.starts_at as "startsAt", m.ends_at as "endsAt"
         from support_assignment a join meeting m on m.tenant_id = a.tenant_id and m.id = a.meeting_id
        where a.staff_id is not null and a.status in ('assigned', 'accepted') and m.status <> 'cancelled'
          and m.starts_at < $2 and m.ends_at > $1`,
      [from, to],
    );
    const busy = new Map<string, Busy[]>();
    const add = (staffId: string, b: Busy) => busy.set(staffId, [...(busy.get(staffId) ?? []), b]);
    for (const r of own)
      add(r.staffId, {
        assignmentId: r.id,
        ...shiftOf({ start: r.startsAt.getTime(), end: r.endsAt.getTime() }, settings.minutesBefore, settings.minutesAfter),
      });
    if (settings.usesRegionalPool) {
      // Pooled people's shifts in every municipality of the region: times only.
      const pool: { staff_id: string; starts_at: Date; ends_at: Date; assignment_id: string }[] = await em.query('select * from support_pool_busy($1, $2)', [
        from,
        to,
      ]);
      for (const r of pool) add(r.staff_id, { assignmentId: r.assignment_id, start: r.starts_at.getTime(), end: r.ends_at.getTime() });
    }
    return { settings, staff, absences, busy };
  }

  private candidate(p: People, s: StaffMember, month: Interval, exceptAssignment?: string): Candidate {
    const busy = (p.busy.get(s.id) ?? []).filter((b) => b.assignmentId !== exceptAssignment);
    return {
      id: s.id,
      name: s.name,
      pooled: s.pooled,
      active: s.active,
      skills: s.skills,
      weekly: s.weekly,
      absences: p.absences.get(s.id) ?? [],
      busy,
      hoursThisMonth: hoursWithin(busy, month),
    };
  }

  private async meeting(meetingId: string): Promise<Meeting> {
    const meeting = await this.meetings.get(meetingId);
    if (!meeting) throw notFound('Mötet', meetingId);
    return meeting;
  }

  /** Who can take a meeting's shift in a role, best first, and why the others cannot. */
  async suggest(meetingId: string, role: string): Promise<SupportSuggestions> {
    const meeting = await this.meeting(meetingId);
    const needs = await this.needs.needsOf([meeting]);
    const settings = await this.settings.get();
    const shift = shiftOf({ start: meeting.startsAt.getTime(), end: meeting.endsAt.getTime() }, settings.minutesBefore, settings.minutesAfter);
    const need: SupportNeed = needs.find((n) => n.role === role) ?? {
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      meetingStartsAt: meeting.startsAt,
      meetingEndsAt: meeting.endsAt,
      shiftStartsAt: new Date(shift.start),
      shiftEndsAt: new Date(shift.end),
      role,
      required: 0,
      covered: 0,
      missing: 0,
      remoteParticipants: 0,
    };
    const { window: month } = monthOf(shift.start);
    const p = await this.people({ start: Math.min(month.start, shift.start), end: Math.max(month.end, shift.end) });
    const candidates = p.staff.map((s) => this.candidate(p, s, month));
    const byId = new Map(p.staff.map((s) => [s.id, s]));
    return {
      need,
      suggestions: rankCandidates(candidates, role, shift).map((r) => ({
        rank: r.rank,
        staff: byId.get(r.candidate.id)!,
        hoursThisMonth: Math.round(r.candidate.hoursThisMonth * 100) / 100,
      })),
      unfit: candidates.flatMap((c) => {
        const reason = unfitFor(c, role, shift);
        return reason ? [{ staff: byId.get(c.id)!, reason }] : [];
      }),
    };
  }

  /** Assigns a person to a meeting's role, if they can take the shift. */
  async assign(meetingId: string, role: string, staffId: string): Promise<SupportAssignmentModel> {
    this.assertEditor();
    const meeting = await this.meeting(meetingId);
    if (meeting.status === 'cancelled' || meeting.status === 'ended') throw badInput('Mötet är inställt eller avslutat.', { meetingId: 'inte kommande' });
    const em = await this.db.manager();
    // Serialises bookings of this person across every municipality until this transaction ends.
    await em.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`support-staff:${staffId}`]);
    const settings = await this.settings.get();
    const shift = shiftOf({ start: meeting.startsAt.getTime(), end: meeting.endsAt.getTime() }, settings.minutesBefore, settings.minutesAfter);
    const p = await this.people(shift);
    const person = p.staff.find((s) => s.id === staffId);
    if (!person) throw badInput(`Personen ${staffId} finns inte i kommunens register eller i en pool kommunen använder.`, { staffId: 'finns inte' });
    const reason = unfitFor(this.candidate(p, person, monthOf(shift.start).window), role, shift);
    if (reason) throw new AppError('CONFLICT', `${person.name} kan inte ta passet: ${CONFLICT_TEXT[reason]}`, { reason });
    const row = em.getRepository(SupportAssignment).create({
      tenantId: this.db.tenantId(),
      id: randomUUID(),
      meetingId,
      role,
      staffId: person.pooled ? null : person.id,
      poolRegionId: person.pooled ? currentActor()!.regionId : null,
      poolStaffId: person.pooled ? person.id : null,
      status: 'assigned',
      reason: null,
      assignedBy: currentActor()?.username ?? 'system',
      respondedAt: null,
    });
    try {
      await em.getRepository(SupportAssignment).insert(row);
    } catch (err) {
      if ((err as { driverError?: { code?: string } }).driverError?.code === '23505') throw conflict(`${person.name} är redan tilldelad mötet.`);
      throw err;
    }
    await this.notifier.assignmentChanged(row.id, 'assigned');
    return (await this.describe([row]))[0]!;
  }

  /** The assigned person (or an administrator) accepts the shift. */
  async accept(id: string): Promise<SupportAssignmentModel> {
    return this.respond(id, 'accepted', null);
  }

  /** The assigned person (or an administrator) declines: the need is open again at once. */
  async decline(id: string, reason: string | null): Promise<SupportAssignmentModel> {
    return this.respond(id, 'declined', reason);
  }

  /** An administrator takes the assignment back. */
  async withdraw(id: string, reason: string | null): Promise<SupportAssignmentModel> {
    this.assertEditor();
    return this.respond(id, 'withdrawn', reason);
  }

  private async respond(id: string, status: 'accepted' | 'declined' | 'withdrawn', reason: string | null): Promise<SupportAssignmentModel> {
    const em = await this.db.manager();
    const row = await em.getRepository(SupportAssignment).findOne({ where: { id } });
    if (!row) throw notFound('Passet', id);
    const actor = currentActor();
    const editor = actor?.roles.some((r) => EDITORS.includes(r)) ?? false;
    if (!editor) {
      const me = await this.staff.ownRow();
      if (!me || me.id !== (row.staffId ?? row.poolStaffId)) throw forbidden('Du kan bara svara på dina egna pass.');
    }
    if (!ACTIVE_STATUSES.includes(row.status)) throw conflict('Passet är redan avböjt eller återkallat.');
    if (row.status === status) return (await this.describe([row]))[0]!;
    row.status = status;
    row.reason = reason?.trim() || null;
    row.respondedAt = this.clock.now();
    await em.getRepository(SupportAssignment).save(row);
    await this.notifier.assignmentChanged(row.id, status);
    return (await this.describe([row]))[0]!;
  }

  private assertEditor(): void {
    if (!currentActor()?.roles.some((r) => EDITORS.includes(r))) throw forbidden('Bara kansliet och sekreterare schemalägger stöd.');
  }

  /** Assignments with their meeting and person, shift times from the current settings. */
  async describe(rows: SupportAssignment[]): Promise<SupportAssignmentModel[]> {
    if (!rows.length) return [];
    const em = await this.db.manager();
    const meetings: { id: string; title: string; place: string; starts_at: Date; ends_at: Date }[] = await em.query(
      'select id, title, place, starts_at, ends_at from meeting where id = any($1::uuid[])',
      [[...new Set(rows.map((r) => r.meetingId))]],
    );
    const byMeeting = new Map(meetings.map((m) => [m.id, m]));
    const names = new Map((await this.staff.all()).map((s) => [s.id, s.name]));
    const { minutesBefore, minutesAfter } = await this.settings.get();
    return rows.map((r) => {
      const m = byMeeting.get(r.meetingId)!;
      const shift = shiftOf({ start: m.starts_at.getTime(), end: m.ends_at.getTime() }, minutesBefore, minutesAfter);
      const staffId = (r.staffId ?? r.poolStaffId)!;
      return {
        id: r.id,
        meetingId: r.meetingId,
        meetingTitle: m.title,
        role: r.role,
        staffId,
        // A pooled person's name stays readable even after the municipality leaves the pool.
        staffName: names.get(staffId) ?? '(regional pool)',
        pooled: r.poolStaffId !== null,
        status: r.status,
        reason: r.reason,
        shiftStartsAt: new Date(shift.start),
        shiftEndsAt: new Date(shift.end),
        meetingStartsAt: m.starts_at,
        meetingEndsAt: m.ends_at,
        place: m.place,
        respondedAt: r.respondedAt,
      };
    });
  }

  /** Assignments of meetings in a window (all statuses), optionally one meeting's or one person's. */
  async assignments(filter: { meetingId?: string; staffId?: string; from?: Date; to?: Date; activeOnly?: boolean }): Promise<SupportAssignmentModel[]> {
    const em = await this.db.manager();
    const rows: { id: string }[] = await em.query(
      `select a.id from support_assignment a join meeting m on m.tenant_id = a.tenant_id and m.id = a.meeting_id
        where ($1::uuid is null or a.meeting_id = $1) and ($2::uuid is null or coalesce(a.staff_id, a.pool_staff_id) = $2)
          and ($3::timestamptz is null or m.ends_at > $3) and ($4::timestamptz is null or m.starts_at < $4)
          and (not $5 or a.status in ('assigned', 'accepted'))
        order by m.starts_at, a.role, a.created_at`,
      [filter.meetingId ?? null, filter.staffId ?? null, filter.from ?? null, filter.to ?? null, filter.activeOnly ?? false],
    );
    if (!rows.length) return [];
    const found = await em.getRepository(SupportAssignment).findBy(rows.map((r) => ({ id: r.id })));
    const byId = new Map(found.map((f) => [f.id, f]));
    return this.describe(rows.map((r) => byId.get(r.id)!));
  }

  /** The signed-in person's shifts from today on. */
  async myShifts(): Promise<SupportAssignmentModel[]> {
    const me = await this.staff.ownRow();
    if (!me) return [];
    return this.assignments({ staffId: me.id, from: new Date(this.clock.now().getTime() - 86_400_000) });
  }

  /**
   * Active assignments that no longer fit: a meeting moved onto another shift, the person is now
   * absent or outside their availability, lost the skill or left. Computed from the current data,
   * so it is right whenever meetings, availability or assignments change.
   */
  async conflicts(from?: Date, to?: Date): Promise<SupportConflict[]> {
    const start = from ?? this.clock.now();
    const end = to ?? new Date(start.getTime() + HORIZON_WEEKS * WEEK);
    const active = await this.assignments({ from: start, to: end, activeOnly: true });
    if (!active.length) return [];
    const p = await this.people({ start: start.getTime(), end: end.getTime() });
    const byId = new Map(p.staff.map((s) => [s.id, s]));
    return active.flatMap((a) => {
      const person = byId.get(a.staffId);
      if (!person) return [];
      const shift = { start: a.shiftStartsAt.getTime(), end: a.shiftEndsAt.getTime() };
      const reason = unfitFor(this.candidate(p, person, monthOf(shift.start).window, a.id), a.role, shift);
      return reason ? [{ assignment: a, kind: reason, message: CONFLICT_TEXT[reason]! }] : [];
    });
  }

  /**
   * For each of the next weeks: shift hours the municipality's meetings are expected to need
   * (every meeting whose body's rules allow remote participation), against the hours its own staff
   * and — when it uses it — the region's pool are available, per skill.
   */
  async forecast(weeks = HORIZON_WEEKS): Promise<SupportForecastRow[]> {
    const first = mondayOf(this.clock.now());
    const end = first + weeks * WEEK + 2 * HOUR;
    const meetings = await this.needs.startingBetween(new Date(first), new Date(end));
    const needs = await this.needs.requirementsOf(meetings);
    const p = await this.people({ start: first, end });
    const rows: SupportForecastRow[] = [];
    const roles = ['meeting_support', 'it_support'];
    for (let w = 0, weekStart = first; w < weeks; w++, weekStart = mondayAfter(weekStart)) {
      const week = { start: weekStart, end: mondayAfter(weekStart) };
      const label = localDate(new Date(weekStart));
      for (const role of roles) {
        let needed = 0;
        for (const n of needs) {
          if (!(n.remoteAllowed || n.remoteParticipants > 0)) continue;
          const count = n.requirements.filter((r) => r.role === role).reduce((s, r) => s + r.count, 0);
          if (!count) continue;
          const shift = shiftOf({ start: n.meeting.startsAt.getTime(), end: n.meeting.endsAt.getTime() }, p.settings.minutesBefore, p.settings.minutesAfter);
          if (shift.start < week.start || shift.start >= week.end) continue;
          needed += (count * (shift.end - shift.start)) / HOUR;
        }
        const hours = (pooled: boolean) =>
          p.staff
            .filter((s) => s.pooled === pooled && s.active && s.skills.includes(role))
            .reduce((sum, s) => sum + hoursWithin(availableIntervals(s.weekly, p.absences.get(s.id) ?? [], week), week), 0);
        const own = hours(false);
        const pool = p.settings.usesRegionalPool ? hours(true) : 0;
        rows.push({
          weekStart: label,
          scope: 'municipality',
          skill: role,
          neededHours: round(needed),
          availableHours: round(own),
          shortfallHours: round(Math.max(0, needed - own - pool)),
        });
        if (p.settings.usesRegionalPool)
          rows.push({ weekStart: label, scope: 'pool', skill: role, neededHours: 0, availableHours: round(pool), shortfallHours: 0 });
      }
    }
    return rows;
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

function isoPlus(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function midnight(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return localTime(y, m, d, 0).getTime();
}

/** Midnight in Stockholm on the Monday of the week containing `at`. */
function mondayOf(at: Date): number {
  const today = localDate(at);
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay() || 7;
  return midnight(isoPlus(today, 1 - weekday));
}

/** A week is not always 168 hours in Stockholm: the next Monday's midnight, found by date. */
function mondayAfter(monday: number): number {
  return midnight(isoPlus(localDate(new Date(monday)), 7));
}
