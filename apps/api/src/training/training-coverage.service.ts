import { Injectable } from '@nestjs/common';
import { type BodyRules, localDate, type MemberRole, stockholmDate, type TrainingRequirement } from '@motesplats/rules';
import { TenantDb } from '../database/tenant-db.service.js';
import { ComplianceService } from '../rules/compliance.service.js';
import { DirectoryService } from '../tenancy/directory.service.js';
import { type CoverageStatus, type CoverageMember, type CoverageRow, type MeetingTrainingGaps, type RegionalCoverageRow } from './training-coverage.model.js';
import { TrainingCompletionsService } from './training-completions.service.js';
import type { CoverageFilter } from './training.inputs.js';
import { Clock } from '../common/clock.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { BodyMembershipsService } from '../bodies/body-memberships.service.js';

/**
 * Coverage: where the seats of each body stand on the modules meant for their role, on a
 * date. The municipality sees it per body and per member; the region only as counts per
 * municipality, through the database function made for that (regional_training_coverage).
 */
@Injectable()
export class TrainingCoverageService {
  constructor(
    private readonly db: TenantDb,
    private readonly completions: TrainingCompletionsService,
    private readonly directory: DirectoryService,
    private readonly compliance: ComplianceService,
    private readonly clock: Clock,
    private readonly meetings: MeetingsService,
    private readonly seats: BodyMembershipsService,
  ) {}

  async coverage(filter: CoverageFilter = {}): Promise<CoverageRow[]> {
    const { where, params } = seatConditions(filter, localDate(this.clock.now()));
    const em = await this.db.manager();
    return em.query(
      `select body_id as "bodyId", seat_role as "seatRole", module_key as "moduleKey",
              count(*) filter (where status = 'trained')::int as trained,
              count(*) filter (where status = 'expiring')::int as expiring,
              count(*) filter (where status = 'expired')::int as expired,
              count(*) filter (where status = 'missing')::int as missing
         from training_seat_status($1::date) s join body b on b.tenant_id = s.tenant_id and b.id = s.body_id
        where ${where}
        group by b.name, body_id, seat_role, module_key
        order by b.name, array_position(array['chair','vice_chair','member','deputy'], seat_role), module_key`,
      params,
    );
  }

  async members(filter: CoverageFilter = {}, status?: CoverageStatus): Promise<CoverageMember[]> {
    const { where, params } = seatConditions(filter, localDate(this.clock.now()));
    const em = await this.db.manager();
    return em.query(
      `select s.member_id as "memberId", s.body_id as "bodyId", s.seat_role as "seatRole", s.module_key as "moduleKey", s.status,
              case when s.valid_until = 'infinity' then null else s.valid_until::text end as "validUntil"
         from training_seat_status($1::date) s join member m on m.tenant_id = s.tenant_id and m.id = s.member_id
        where ${where} ${status ? `and s.status = $${params.push(status)}` : ''}
        order by m.name, s.body_id, s.module_key
        limit 2000`,
      params,
    );
  }

  /**
   * For each meeting ahead, the members of its body whom training would keep from taking part
   * remotely: the modules the rule set in force on the meeting's date requires (as the rules'
   * evaluation applies it), checked against the same facts it reads (ComplianceFacts.training). A module
   * list passed in replaces the rule set's, for "what if we required …".
   */
  async blockedInUpcomingMeetings(requiredModuleKeys: string[] | undefined, withinDays: number, now = this.clock.now()): Promise<MeetingTrainingGaps[]> {
    const meetings = await this.meetings.activeStartingFrom(now, new Date(now.getTime() + withinDays * 86_400_000));
    if (!meetings.length) return [];
    const evaluations = await Promise.all(meetings.map((m) => this.compliance.evaluate(m)));
    const seats = await this.seats.seatsOnBodies([...new Set(meetings.map((m) => m.bodyId))]);
    const out: MeetingTrainingGaps[] = [];
    for (const [i, meeting] of meetings.entries()) {
      const requirements: TrainingRequirement[] = requiredModuleKeys
        ? requiredModuleKeys.map((moduleKey) => ({ moduleKey, roles: null }))
        : (evaluations[i]!.rules as BodyRules).requiredTraining;
      const onDate = evaluations[i]!.meetingDate ?? stockholmDate(meeting.startsAt)!;
      const bodySeats = seats.filter((s) => s.bodyId === meeting.bodyId);
      const valid = await this.validModules(
        bodySeats.map((s) => s.memberId),
        onDate,
      );
      const blocked = bodySeats
        .map((seat) => ({
          memberId: seat.memberId,
          seatRole: seat.role,
          missingModuleKeys: requirements
            .filter((r) => !r.roles || r.roles.includes(seat.role as MemberRole))
            .map((r) => r.moduleKey)
            .filter((key) => !valid.get(seat.memberId)?.has(key)),
        }))
        .filter((b) => b.missingModuleKeys.length);
      out.push({ meeting, onDate, requiredModuleKeys: requirements.map((r) => r.moduleKey), blocked });
    }
    return out;
  }

  /** Counts per municipality of the caller's region: the only training figures a coordinator gets. */
  async regional(onDate?: string): Promise<RegionalCoverageRow[]> {
    const em = await this.db.manager();
    const rows: Omit<RegionalCoverageRow, 'municipalityName'>[] = await em.query(
      `select municipality_id as "municipalityId", module_key as "moduleKey", seat_role as "seatRole", trained, expiring, expired, missing
         from regional_training_coverage($1::date)`,
      [onDate ?? localDate(this.clock.now())],
    );
    return rows
      .map((r) => ({ ...r, municipalityName: this.directory.municipality(r.municipalityId)?.name ?? '' }))
      .sort(
        (a, b) => a.municipalityName.localeCompare(b.municipalityName, 'sv') || a.moduleKey.localeCompare(b.moduleKey) || a.seatRole.localeCompare(b.seatRole),
      );
  }

  private async validModules(memberIds: string[], onDate: string): Promise<Map<string, Set<string>>> {
    const valid = new Map<string, Set<string>>();
    for (const c of await this.completions.completionsFor(memberIds, onDate)) {
      if (!valid.has(c.memberId)) valid.set(c.memberId, new Set());
      valid.get(c.memberId)!.add(c.moduleKey);
    }
    return valid;
  }
}

function seatConditions(filter: CoverageFilter, today: string): { where: string; params: unknown[] } {
  const params: unknown[] = [filter.onDate ?? today];
  const where = ['true'];
  if (filter.bodyId) where.push(`s.body_id = $${params.push(filter.bodyId)}`);
  if (filter.seatRole) where.push(`s.seat_role = $${params.push(filter.seatRole)}`);
  if (filter.moduleKeys?.length) where.push(`s.module_key = any($${params.push(filter.moduleKeys)}::text[])`);
  return { where: where.join(' and '), params };
}
