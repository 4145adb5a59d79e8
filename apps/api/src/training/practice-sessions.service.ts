import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In, IsNull, Not, type SelectQueryBuilder } from 'typeorm';
import { assertEndsAfterStart } from '../common/crud/scheduled.js';
import { badInput, conflict } from '../common/app-error.js';
import { CrudService } from '../common/crud/crud.service.js';
import { localDate } from '@motesplats/rules';
import { TenantDb } from '../database/tenant-db.service.js';
import { PracticeSession, PracticeSessionInvitee } from './practice-session.entity.js';
import { CompletionSource } from './training-completion.entity.js';
import { TrainingCompletionsService } from './training-completions.service.js';
import { TrainingModulesService } from './training-modules.service.js';
import type { PracticeSessionFilter } from './training.inputs.js';
import { Clock } from '../common/clock.js';
import { MembersService } from '../members/members.service.js';
import { rowsByKey } from '../common/rows-by-key.js';

/** Practice sessions (övningssammanträden): scheduled like meetings; attending completes the module. */
@Injectable()
export class PracticeSessionsService extends CrudService<PracticeSession, PracticeSessionFilter> {
  private readonly listeners: ((before: PracticeSession, after: PracticeSession) => Promise<void>)[] = [];

  constructor(
    db: TenantDb,
    private readonly modules: TrainingModulesService,
    private readonly completions: TrainingCompletionsService,
    private readonly clock: Clock,
    private readonly members: MembersService,
  ) {
    super(db, {
      entity: PracticeSession,
      label: 'Övningssammanträdet',
      sortable: { startsAt: 'startsAt', title: 'title', moduleKey: 'moduleKey' },
      defaultSort: 'startsAt',
      searchColumns: ['title', 'place'],
    });
  }

  protected override applyFilter(qb: SelectQueryBuilder<PracticeSession>, f: PracticeSessionFilter): void {
    if (f.moduleKey) qb.andWhere('r.moduleKey = :moduleKey', { moduleKey: f.moduleKey });
    if (f.startsAfter) qb.andWhere('r.startsAt >= :startsAfter', { startsAfter: f.startsAfter });
  }

  override async create(values: Partial<PracticeSession>): Promise<PracticeSession> {
    if (!(await this.modules.byKey(values.moduleKey!))) throw badInput(`Utbildningen "${values.moduleKey}" finns inte.`, { moduleKey: 'finns inte' });
    assertEndsAfterStart(values.startsAt!, values.endsAt!, 'Övningen');
    return super.create({ place: null, ...values });
  }

  override async update(id: string, values: Partial<PracticeSession>): Promise<PracticeSession> {
    const existing = await this.getOrFail(id);
    assertEndsAfterStart(values.startsAt ?? existing.startsAt, values.endsAt ?? existing.endsAt, 'Övningen');
    const updated = await super.update(id, values);
    for (const listener of this.listeners) await listener(existing, updated);
    return updated;
  }

  /** Told in the same transaction when a session changes (invitations follow a move). */
  listen(listener: (before: PracticeSession, after: PracticeSession) => Promise<void>): void {
    this.listeners.push(listener);
  }

  /** A session someone attended is part of their training record and stays. */
  override async remove(id: string): Promise<string> {
    const em = await this.db.manager();
    if (await em.getRepository(PracticeSessionInvitee).exists({ where: { sessionId: id, attendedAt: Not(IsNull()) } })) {
      throw conflict('Övningssammanträdet har registrerad närvaro och kan inte tas bort.');
    }
    return super.remove(id);
  }

  async invitees(sessionId: string): Promise<PracticeSessionInvitee[]> {
    const em = await this.db.manager();
    return em.getRepository(PracticeSessionInvitee).find({ where: { sessionId }, order: { createdAt: 'ASC' } });
  }

  /** A session's invitees, batched with every other session a query shows (one statement per request). */
  inviteesOfSession(sessionId: string): Promise<PracticeSessionInvitee[]> {
    return rowsByKey(this.db, 'practiceSessions:invitees', PracticeSessionInvitee, 'sessionId', { createdAt: 'ASC', id: 'ASC' }).load(sessionId);
  }

  /** Every invitation of the municipality: which member is invited to which session. */
  async allInvitations(): Promise<{ sessionId: string; memberId: string }[]> {
    const em = await this.db.manager();
    return em.getRepository(PracticeSessionInvitee).find({ select: { sessionId: true, memberId: true } });
  }

  /** Invites members; inviting someone already invited changes nothing. */
  async invite(sessionId: string, memberIds: string[]): Promise<PracticeSession> {
    const session = await this.getOrFail(sessionId);
    await this.assertMembers(memberIds);
    const tenantId = this.tenantId();
    if (memberIds.length) {
      await this.write((tx) =>
        tx
          .createQueryBuilder()
          .insert()
          .into(PracticeSessionInvitee)
          .values([...new Set(memberIds)].map((memberId) => ({ tenantId, id: randomUUID(), sessionId, memberId, attendedAt: null })))
          .orIgnore()
          .execute(),
      );
    }
    return session;
  }

  /** Withdraws invitations that have not been attended; attendance is part of the record. */
  async uninvite(sessionId: string, memberIds: string[]): Promise<PracticeSession> {
    const session = await this.getOrFail(sessionId);
    // Another municipality's member id is refused as invite refuses it, not silently ignored.
    await this.assertMembers(memberIds);
    const em = await this.db.manager();
    await em.getRepository(PracticeSessionInvitee).delete({ sessionId, memberId: In(memberIds), attendedAt: IsNull() });
    return session;
  }

  /**
   * Records that invitees attended, and completes the session's module for them on the
   * session's date. Recording it again changes nothing: the completion already exists.
   */
  async recordAttendance(sessionId: string, memberIds: string[]): Promise<PracticeSession> {
    const session = await this.getOrFail(sessionId);
    if (session.startsAt.getTime() > this.clock.now().getTime()) throw badInput('Närvaro kan registreras först när övningssammanträdet har börjat.');
    const em = await this.db.manager();
    const invited = await em.getRepository(PracticeSessionInvitee).find({ where: { sessionId, memberId: In(memberIds) } });
    const notInvited = memberIds.filter((id) => !invited.some((i) => i.memberId === id));
    if (notInvited.length) throw badInput('Bara inbjudna kan registreras som närvarande.', { memberIds: `ej inbjudna: ${notInvited.length}` });
    await this.markAttended(session, memberIds, this.clock.now());
    return session;
  }

  /**
   * An invitee came in through their personal join link (which opens shortly before the
   * start): the same record as the secretary's, so using the link again changes nothing.
   */
  async attendByLink(session: PracticeSession, memberId: string, at: Date): Promise<void> {
    await this.markAttended(session, [memberId], at);
  }

  private async markAttended(session: PracticeSession, memberIds: string[], at: Date): Promise<void> {
    const sessionId = session.id;
    const em = await this.db.manager();
    const module = await this.modules.byKey(session.moduleKey);
    if (!module) throw badInput(`Utbildningen "${session.moduleKey}" finns inte längre.`);
    await em.getRepository(PracticeSessionInvitee).update({ sessionId, memberId: In(memberIds), attendedAt: IsNull() }, { attendedAt: at });
    const completedOn = localDate(session.startsAt);
    await this.completions.insert(
      memberIds.map((memberId) => ({ memberId, moduleKey: module.key, completedOn, source: CompletionSource.PRACTICE_SESSION, practiceSessionId: sessionId })),
      new Map([[module.key, module]]),
    );
  }

  private async assertMembers(memberIds: string[]): Promise<void> {
    const found = await this.members.countExisting(memberIds);
    if (found !== new Set(memberIds).size) throw badInput('Någon av ledamöterna finns inte.', { memberIds: 'finns inte' });
  }

  /** Whether the member is (still) invited to the session. */
  async isInvited(sessionId: string, memberId: string): Promise<boolean> {
    const em = await this.db.manager();
    return em.getRepository(PracticeSessionInvitee).exists({ where: { sessionId, memberId } });
  }

  /** Remembers the video room made for the session, so every invitee enters the same one. */
  async setVideoRoom(id: string, videoPlatform: PracticeSession['videoPlatform'], videoExternalId: string): Promise<void> {
    const em = await this.db.manager();
    await em.getRepository(PracticeSession).update({ id }, { videoPlatform, videoExternalId });
  }

  /**
   * The session's video room, if one was made, with the session's row locked until the
   * transaction ends: members arriving together then provision it once.
   */
  async lockVideoRoom(id: string): Promise<{ platform: PracticeSession['videoPlatform']; externalId: string } | null> {
    const em = await this.db.manager();
    const [row] = await em.query(`select video_platform, video_external_id from practice_session where id = $1 for update`, [id]);
    return row?.video_external_id ? { platform: row.video_platform, externalId: row.video_external_id } : null;
  }
}
