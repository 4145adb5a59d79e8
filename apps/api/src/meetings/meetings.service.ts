import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { And, Between, In, IsNull, LessThan, MoreThan, MoreThanOrEqual, Not, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { badInput, conflict } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { CrudService } from '../common/crud/crud.service.js';
import { assertEndsAfterStart } from '../common/crud/scheduled.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { ComplianceService } from '../rules/compliance.service.js';
import { RegionalRulesService } from '../rules/regional-rules.service.js';
import { Meeting } from './meeting.entity.js';
import type { MeetingListener } from './meeting-listener.js';
import { MeetingRecess } from './meeting-recess.entity.js';
import type { MeetingFilter } from './meeting.inputs.js';
import { canTransition, isClosed, MeetingStatus } from './meeting-status.js';
import { statusLabel } from './meeting-labels.js';
import { byMeeting } from './by-meeting.loader.js';
import { AgendaItem } from './agenda-item.entity.js';
import { Attendance } from './attendance.entity.js';
import type { MeetingRecords } from '../rules/compliance-facts.js';
import { BodiesService } from '../bodies/bodies.service.js';
import type { ListArgs, PageResult } from '../common/crud/list-args.js';
import type { Selection } from '../common/crud/selection.js';
import { readMeetingPage, type ListedMeeting } from './meeting-list.query.js';

const CLOSED = [MeetingStatus.CANCELLED, MeetingStatus.ENDED];

@Injectable()
export class MeetingsService extends CrudService<Meeting, MeetingFilter> implements MeetingRecords {
  private readonly listeners: MeetingListener[] = [];

  constructor(
    db: TenantDb,
    private readonly clock: Clock,
    private readonly compliance: ComplianceService,
    private readonly regional: RegionalRulesService,
    private readonly bodies: BodiesService,
  ) {
    super(db, {
      entity: Meeting,
      label: 'Mötet',
      sortable: { startsAt: 'startsAt', endsAt: 'endsAt', title: 'title', status: 'status', place: 'place' },
      defaultSort: 'startsAt',
      searchColumns: ['title', 'place'],
    });
  }

  protected override applyFilter(qb: SelectQueryBuilder<Meeting>, f: MeetingFilter): void {
    if (f.bodyId) qb.andWhere('r.bodyId = :bodyId', { bodyId: f.bodyId });
    if (f.status) qb.andWhere('r.status = :status', { status: f.status });
    if (f.startsAfter) qb.andWhere('r.startsAt >= :after', { after: f.startsAfter });
    if (f.startsBefore) qb.andWhere('r.startsAt < :before', { before: f.startsBefore });
  }

  /** The page in one statement, with the agendas and attendance the query asks for (see meeting-list.query.ts). */
  override async list(args: ListArgs, filter: MeetingFilter | undefined, items?: Selection): Promise<PageResult<ListedMeeting>> {
    const filtered = await this.listQuery(args, filter);
    return readMeetingPage(await this.db.manager(), filtered, args, this.options.sortable[args.sortField ?? this.options.defaultSort]!, items);
  }

  override async create(values: Partial<Meeting>): Promise<Meeting> {
    await this.bodies.assertExists(values.bodyId, 'bodyId');
    assertEndsAfterStart(values.startsAt!, values.endsAt!, 'Mötet');
    await this.assertPlatform(values.platformKey);
    return super.create({ platformKey: null, ...values, status: MeetingStatus.PLANNED });
  }

  override async update(id: string, values: Partial<Meeting>): Promise<Meeting> {
    const existing = await this.getOrFail(id);
    assertOpen(existing);
    assertEndsAfterStart(values.startsAt ?? existing.startsAt, values.endsAt ?? existing.endsAt, 'Mötet');
    await this.assertPlatform(values.platformKey);
    const updated = await super.update(id, values);
    await this.notify(existing, updated);
    return updated;
  }

  listen(listener: MeetingListener): void {
    this.listeners.push(listener);
  }

  override async remove(id: string): Promise<string> {
    const existing = await this.getOrFail(id);
    if (existing.status !== MeetingStatus.PLANNED) {
      throw conflict('Bara planerade möten kan tas bort. Ett kallat möte ställs in i stället, så att det syns i historiken.');
    }
    return super.remove(id);
  }

  /** Convening asks the rules first; an administrator may override blockers with a written reason. */
  async changeStatus(id: string, to: MeetingStatus, overrideReason?: string): Promise<Meeting> {
    const meeting = await this.getOrFail(id);
    if (!canTransition(meeting.status, to)) {
      throw conflict(`Mötet kan inte gå från "${statusLabel(meeting.status)}" till "${statusLabel(to)}".`);
    }
    if (to === MeetingStatus.CONVENED) await this.compliance.assertMayConvene(meeting, overrideReason);
    const updated = await this.write(async (em) => {
      await this.recordRecess(em, meeting, to);
      return em.getRepository(Meeting).save({ ...meeting, status: to });
    });
    await this.notify(meeting, updated);
    return updated;
  }

  /** The recesses the secretary started, oldest first: party groups' rooms open during them. */
  async recesses(meetingId: string): Promise<MeetingRecess[]> {
    const em = await this.db.manager();
    return em.getRepository(MeetingRecess).find({ where: { meetingId }, order: { startedAt: 'ASC' } });
  }

  /** Entering RECESS starts a recess now; leaving it (resuming or ending) ends the open one. */
  private async recordRecess(em: EntityManager, meeting: Meeting, to: MeetingStatus): Promise<void> {
    const now = this.clock.now();
    if (to === MeetingStatus.RECESS) {
      await em.getRepository(MeetingRecess).insert({ id: randomUUID(), tenantId: meeting.tenantId, meetingId: meeting.id, startedAt: now, endedAt: null });
    } else if (meeting.status === MeetingStatus.RECESS) {
      await em.getRepository(MeetingRecess).update({ meetingId: meeting.id, endedAt: IsNull() }, { endedAt: now });
    }
  }

  private async notify(before: Meeting, after: Meeting): Promise<void> {
    for (const listener of this.listeners) await listener.meetingChanged(before, after);
  }

  /** The platform must be one the region's catalog knows; whether it is approved is the rules' question. */
  private async assertPlatform(key: string | null | undefined): Promise<void> {
    if (!key) return;
    const catalog = await this.regional.catalog();
    if (!catalog.some((p) => p.key === key)) {
      throw badInput(`Plattformen "${key}" finns inte i regionens katalog.`, { platformKey: 'okänd plattform' });
    }
  }

  /** For agenda items and attendance: the meeting must exist and still be open for changes. */
  async openMeeting(id: string, field = 'meetingId'): Promise<Meeting> {
    const meeting = await this.get(id);
    if (!meeting) throw badInput(`Mötet ${id} finns inte.`, { [field]: 'finns inte' });
    assertOpen(meeting);
    return meeting;
  }

  // What other capabilities may ask about meetings; they never query the meeting table themselves.
  // "Active" is neither cancelled nor ended.

  /** The ids of every active meeting. */
  async activeIds(): Promise<string[]> {
    const em = await this.db.manager();
    return (await em.getRepository(Meeting).find({ select: { id: true }, where: { status: Not(In(CLOSED)) } })).map((m) => m.id);
  }

  /** Active meetings overlapping [from, to), in start order. */
  async activeOverlapping(from: Date, to: Date): Promise<Meeting[]> {
    const em = await this.db.manager();
    return em.getRepository(Meeting).find({
      where: { startsAt: LessThan(to), endsAt: MoreThan(from), status: Not(In(CLOSED)) },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
  }

  /** Active meetings starting between from and to (both included), in start order. */
  async activeStartingBetween(from: Date, to: Date): Promise<Meeting[]> {
    const em = await this.db.manager();
    return em.getRepository(Meeting).find({ where: { startsAt: Between(from, to), status: Not(In(CLOSED)) }, order: { startsAt: 'ASC' } });
  }

  /** Active meetings starting at or after from and before until, in start order. */
  async activeStartingFrom(from: Date, until: Date): Promise<Meeting[]> {
    const em = await this.db.manager();
    return em.getRepository(Meeting).find({
      where: { startsAt: And(MoreThanOrEqual(from), LessThan(until)), status: Not(In(CLOSED)) },
      order: { startsAt: 'ASC' },
    });
  }

  /** Agendas of many meetings at once (one query per request batch, shared with the meeting list). */
  agendaItemsOf(meetingIds: string[]): Promise<(AgendaItem[] | Error)[]> {
    return byMeeting(this.db, AgendaItem, 'number').loadMany(meetingIds);
  }

  /** Planned attendance of many meetings at once (shared with the meeting list, as above). */
  attendancesOf(meetingIds: string[]): Promise<(Attendance[] | Error)[]> {
    return byMeeting(this.db, Attendance, 'createdAt').loadMany(meetingIds);
  }

  // One meeting's agenda, attendance and recesses, batched per request with every other meeting
  // a list shows (the loaders the rules' evaluation shares).

  agendaItemsOfMeeting(meetingId: string): Promise<AgendaItem[]> {
    return byMeeting(this.db, AgendaItem, 'number').load(meetingId);
  }

  attendancesOfMeeting(meetingId: string): Promise<Attendance[]> {
    return byMeeting(this.db, Attendance, 'createdAt').load(meetingId);
  }

  recessesOfMeeting(meetingId: string): Promise<MeetingRecess[]> {
    return byMeeting(this.db, MeetingRecess, 'startedAt').load(meetingId);
  }
}

function assertOpen(meeting: Meeting): void {
  if (isClosed(meeting.status)) throw conflict(`Mötet är ${statusLabel(meeting.status).toLowerCase()} och kan inte ändras.`);
}
