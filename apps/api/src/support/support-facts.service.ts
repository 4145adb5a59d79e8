import { Injectable } from '@nestjs/common';
import type { SupportAssignment as RuleSupportAssignment, SupportRole } from '@motesplats/rules';
import { TenantDb } from '../database/tenant-db.service.js';
import { overlaps, shiftOf } from './scheduling.js';
import type { SupportFacts } from '../rules/compliance-facts.js';
import { SupportSettingsService } from './support-settings.service.js';

export interface CoveringRow {
  id: string;
  meetingId: string;
  role: string;
  staffId: string;
  pooled: boolean;
  status: string;
  meetingStartsAt: Date;
  meetingEndsAt: Date;
}

/**
 * The rules' support facts (ComplianceFacts): the assignments that really cover a meeting — assigned
 * or accepted, and the person not away during the shift. A decline, a withdrawal or a new absence
 * therefore re-opens the need at once, without anything having to be rewritten.
 */
@Injectable()
export class SupportFactsService implements SupportFacts {
  constructor(
    private readonly db: TenantDb,
    private readonly settings: SupportSettingsService,
  ) {}

  async assignedFor(meetingIds: string[]): Promise<Map<string, RuleSupportAssignment[]>> {
    const out = new Map<string, RuleSupportAssignment[]>(meetingIds.map((id) => [id, []]));
    for (const row of await this.covering(meetingIds)) out.get(row.meetingId)?.push({ role: row.role as SupportRole, staffId: row.staffId });
    return out;
  }

  async covering(meetingIds: string[]): Promise<CoveringRow[]> {
    if (!meetingIds.length) return [];
    const em = await this.db.manager();
    const rows: CoveringRow[] = await em.query(
      `select a.id, a.meeting_id as "meetingId", a.role, coalesce(a.staff_id, a.pool_staff_id) as "staffId",
              a.pool_staff_id is not null as pooled, a.status, m.starts_at as "meetingStartsAt", m.ends_at as "meetingEndsAt"
         from support_assignment a join meeting m on m.tenant_id = a.tenant_id and m.id = a.meeting_id
        where a.meeting_id = any($1::uuid[]) and a.status in ('assigned', 'accepted')`,
      [meetingIds],
    );
    if (!rows.length) return [];
    const { minutesBefore, minutesAfter } = await this.settings.get();
    const shifts = new Map(
      rows.map((r) => [r.id, shiftOf({ start: r.meetingStartsAt.getTime(), end: r.meetingEndsAt.getTime() }, minutesBefore, minutesAfter)]),
    );
    const from = new Date(Math.min(...[...shifts.values()].map((s) => s.start)));
    const to = new Date(Math.max(...[...shifts.values()].map((s) => s.end)));
    const staffIds = [...new Set(rows.map((r) => r.staffId))];
    // Pooled people's absences are visible only to municipalities that use the pool.
    const away: { staffId: string; startsAt: Date; endsAt: Date }[] = await em.query(
      `select staff_id as "staffId", starts_at as "startsAt", ends_at as "endsAt" from support_absence
        where staff_id = any($1::uuid[]) and kind <> 'extra_availability' and starts_at < $3 and ends_at > $2
       union all
       select staff_id, starts_at, ends_at from regional_support_absence
        where staff_id = any($1::uuid[]) and kind <> 'extra_availability' and starts_at < $3 and ends_at > $2`,
      [staffIds, from, to],
    );
    return rows.filter((r) => {
      const shift = shifts.get(r.id)!;
      return !away.some((a) => a.staffId === r.staffId && overlaps({ start: a.startsAt.getTime(), end: a.endsAt.getTime() }, shift));
    });
  }
}
