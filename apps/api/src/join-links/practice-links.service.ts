import { Injectable } from '@nestjs/common';
import { TenantDb } from '../database/tenant-db.service.js';
import { PracticeSessionInvitee } from '../training/practice-session.entity.js';
import { JoinLink } from './join-link.entity.js';

/** The invitations of a practice session: one join link per invited member. */
@Injectable()
export class PracticeLinksService {
  constructor(private readonly db: TenantDb) {}

  /** Links of members still invited (a withdrawn invitation's link opens nothing). */
  async linksOf(sessionId: string): Promise<JoinLink[]> {
    const em = await this.db.manager();
    return em
      .getRepository(JoinLink)
      .createQueryBuilder('l')
      .innerJoin(PracticeSessionInvitee, 'i', 'i.tenantId = l.tenantId and i.sessionId = l.practiceSessionId and i.memberId = l.memberId')
      .where('l.practiceSessionId = :sessionId', { sessionId })
      .orderBy('l.createdAt', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .getMany();
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
    const em = await this.db.manager();
    return em.getRepository(PracticeSessionInvitee).exists({ where: { sessionId: link.practiceSessionId!, memberId: link.memberId } });
  }
}
