import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { badInput, conflict } from '../common/app-error.js';
import { CrudService } from '../common/crud/crud.service.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { MembershipRole } from '../bodies/bodies.public.js';
import { Attendance, AttendanceMode } from './attendance.entity.js';
import type { AttendanceFilter } from './meeting.inputs.js';
import { MeetingsService } from './meetings.service.js';
import { BodyMembershipsService } from '../bodies/body-memberships.service.js';

@Injectable()
export class AttendancesService extends CrudService<Attendance, AttendanceFilter> {
  constructor(
    db: TenantDb,
    private readonly meetings: MeetingsService,
    private readonly seats: BodyMembershipsService,
  ) {
    super(db, {
      entity: Attendance,
      label: 'Närvaron',
      sortable: { mode: 'mode', joinedAt: 'joinedAt', createdAt: 'createdAt' },
      defaultSort: 'createdAt',
      searchColumns: [],
    });
  }

  protected override applyFilter(qb: SelectQueryBuilder<Attendance>, f: AttendanceFilter): void {
    if (f.meetingId) qb.andWhere('r.meetingId = :meetingId', { meetingId: f.meetingId });
    if (f.memberId) qb.andWhere('r.memberId = :memberId', { memberId: f.memberId });
    if (f.mode) qb.andWhere('r.mode = :mode', { mode: f.mode });
  }

  override async create(values: Partial<Attendance>): Promise<Attendance> {
    const meeting = await this.meetings.get(values.meetingId!);
    if (!meeting) throw badInput(`Mötet ${values.meetingId} finns inte.`, { meetingId: 'finns inte' });
    // Only the body's members and deputies attend; anyone else is a guest, not attendance.
    const seat = await this.seats.hasSeat(meeting.bodyId, values.memberId!);
    const em = await this.db.manager();
    if (!seat) throw badInput('Personen är varken ledamot eller ersättare i mötets organ.', { memberId: 'ingår inte i organet' });
    const already = await em.getRepository(Attendance).exists({ where: { meetingId: meeting.id, memberId: values.memberId! } });
    if (already) throw conflict('Närvaro är redan registrerad för personen på mötet; ändra den i stället.');
    assertOrder(values.joinedAt ?? null, values.leftAt ?? null);
    await this.assertReplaces(meeting.bodyId, values.memberId!, values.replacesMemberId);
    return super.create({ joinedAt: null, leftAt: null, replacesMemberId: null, ...values, ...boardFacts(values, false) });
  }

  override async update(id: string, values: Partial<Attendance>): Promise<Attendance> {
    const existing = await this.getOrFail(id);
    assertOrder(values.joinedAt !== undefined ? values.joinedAt : existing.joinedAt, values.leftAt !== undefined ? values.leftAt : existing.leftAt);
    if (values.replacesMemberId) {
      const meeting = await this.meetings.getOrFail(existing.meetingId);
      await this.assertReplaces(meeting.bodyId, existing.memberId, values.replacesMemberId);
    }
    return super.update(id, { ...values, ...boardFacts(values, undefined) });
  }

  /** Only a deputy steps in, and only for an ordinary member (or presidium member) of the same body. */
  private async assertReplaces(bodyId: string, memberId: string, replacesMemberId: string | null | undefined): Promise<void> {
    if (!replacesMemberId) return;
    const seats = await this.seats.seatsOf(bodyId, [memberId, replacesMemberId]);
    const own = seats.find((s) => s.memberId === memberId);
    const replaced = seats.find((s) => s.memberId === replacesMemberId);
    if (own?.role !== MembershipRole.DEPUTY)
      throw badInput('Bara en ersättare kan tjänstgöra i någons ställe.', { replacesMemberId: 'personen är inte ersättare' });
    if (!replaced || replaced.role === MembershipRole.DEPUTY || replacesMemberId === memberId) {
      throw badInput('Ersättaren kan bara tjänstgöra för en ledamot i samma organ.', { replacesMemberId: 'är ingen ledamot i organet' });
    }
  }

  /** Who is planned to take part remotely in a meeting. */
  async remote(meetingId: string): Promise<Attendance[]> {
    const em = await this.db.manager();
    return em.getRepository(Attendance).find({ where: { meetingId, mode: AttendanceMode.REMOTE } });
  }
}

function assertOrder(joinedAt: Date | null, leftAt: Date | null): void {
  if (joinedAt && leftAt && leftAt.getTime() < joinedAt.getTime()) {
    throw badInput('Lämnade kan inte vara före anslöt.', { leftAt: 'måste vara efter anslöt' });
  }
}

/** A board member's consent and documents are yes or no; an explicit null means "not given" (false on create, unchanged on update). */
function boardFacts(values: Partial<Attendance>, missing: false | undefined): Pick<Partial<Attendance>, 'consentsToRemoteMeeting' | 'documentsDelivered'> {
  return { consentsToRemoteMeeting: values.consentsToRemoteMeeting ?? missing, documentsDelivered: values.documentsDelivered ?? missing };
}
