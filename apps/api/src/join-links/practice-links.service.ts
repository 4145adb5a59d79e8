import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { Clock } from '../common/clock.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { PracticeSessionsService } from '../training/practice-sessions.service.js';
import { invitationId, unwritten } from './invitation-id.js';
import { JoinLink } from './join-link.entity.js';
import { rowsByKey } from '../common/rows-by-key.js';

/** The invitations of a practice session: one join link per invited member. */
@Injectable()
export class PracticeLinksService {
  constructor(
    private readonly db: TenantDb,
    private readonly sessions: PracticeSessionsService,
    private readonly clock: Clock,
  ) {}

  /** Links of members still invited (a withdrawn invitation's link opens nothing). */
  async linksOf(sessionId: string): Promise<JoinLink[]> {
    const invited = (await this.sessions.invitees(sessionId)).map((i) => i.memberId);
    if (!invited.length) return [];
    const em = await this.db.manager();
    return em.getRepository(JoinLink).find({ where: { practiceSessionId: sessionId, memberId: In(invited) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * The session's invitations as a query shows them, writing nothing: the rows of members still
   * invited and, for an invitee without one, the row it will be under the id it will have (as
   * JoinLinksService.invitationsOf does for meetings). Batched with every session the request reads.
   */
  async invitationsOf(sessionId: string): Promise<JoinLink[]> {
    const [invitees, stored] = await Promise.all([this.sessions.inviteesOfSession(sessionId), this.stored().load(sessionId)]);
    const invited = new Set(invitees.map((i) => i.memberId));
    const links = stored.filter((l) => invited.has(l.memberId));
    const has = new Set(links.map((l) => l.memberId));
    const now = this.clock.now();
    for (const i of invitees) {
      if (!has.has(i.memberId)) links.push(unwritten(this.db.tenantId(), { practiceSessionId: sessionId, roomId: null, memberId: i.memberId }, now));
    }
    return links;
  }

  /** The rows of many sessions, one statement per request. */
  private stored(): DataLoader<string, JoinLink[]> {
    return rowsByKey(this.db, 'joinLinks:bySession', JoinLink, 'practiceSessionId', { createdAt: 'ASC', id: 'ASC' });
  }

  /** Writes a row for every invitee who has none (delivery calls it); tokens come later, when sent. */
  async syncInvitations(sessionId: string): Promise<JoinLink[]> {
    const invitees = await this.sessions.invitees(sessionId);
    await this.insert(invitees.map((i) => ({ sessionId, memberId: i.memberId })));
    return this.linksOf(sessionId);
  }

  /** Writes the row of a listed invitation with this id, if one is listed (see JoinLinksService.written). */
  async writePending(id: string): Promise<void> {
    const match = (await this.sessions.allInvitations()).find((i) => invitationId(i.sessionId, null, i.memberId) === id);
    if (match) await this.insert([match]);
  }

  private async insert(invitations: { sessionId: string; memberId: string }[]): Promise<void> {
    if (!invitations.length) return;
    const em = await this.db.manager();
    await em.query(
      `insert into join_link (id, practice_session_id, member_id)
       select * from unnest($1::uuid[], $2::uuid[], $3::uuid[])
       on conflict do nothing`,
      [invitations.map((i) => invitationId(i.sessionId, null, i.memberId)), invitations.map((i) => i.sessionId), invitations.map((i) => i.memberId)],
    );
    // What this request lists from now on includes them.
    this.stored().clearAll();
  }

  /** Whether the link's member is (still) invited to its session. */
  async invited(link: JoinLink): Promise<boolean> {
    return this.sessions.isInvited(link.practiceSessionId!, link.memberId);
  }
}
