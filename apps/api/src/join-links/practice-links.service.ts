import { Injectable } from '@nestjs/common';
import { TenantDb } from '../database/tenant-db.service.js';
import { In } from 'typeorm';
import { JoinLink } from './join-link.entity.js';
import { PracticeSessionsService } from '../training/practice-sessions.service.js';

/** The invitations of a practice session: one join link per invited member. */
@Injectable()
export class PracticeLinksService {
  constructor(
    private readonly db: TenantDb,
    private readonly sessions: PracticeSessionsService,
  ) {}

  /** Links of members still invited (a withdrawn invitation's link opens nothing). */
  async linksOf(sessionId: string): Promise<JoinLink[]> {
    const invited = (await this.sessions.invitees(sessionId)).map((i) => i.memberId);
    if (!invited.length) return [];
    const em = await this.db.manager();
    return em.getRepository(JoinLink).find({ where: { practiceSessionId: sessionId, memberId: In(invited) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Makes sure every invitee has a link row; tokens come later, when sent. */
  async syncInvitations(sessionId: string): Promise<JoinLink[]> {
    const em = await this.db.manager();
    await em.query(
      `insert into join_link (id, practice_session_id, member_id)
       select gen_random_uuid(), session_id, member_id from practice_session_invitee where session_id = $1
       on conflict (tenant_id, practice_session_id, member_id) where practice_session_id is not null do nothing`,
      [sessionId],
    );
    return this.linksOf(sessionId);
  }

  /** Whether the link's member is (still) invited to its session. */
  async invited(link: JoinLink): Promise<boolean> {
    return this.sessions.isInvited(link.practiceSessionId!, link.memberId);
  }
}
