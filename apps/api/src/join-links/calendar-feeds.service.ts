import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { notFound } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { APP_DATA_SOURCE } from '../database/database.tokens.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { CalendarFeed } from './calendar-feed.entity.js';
import { memberFeed } from './invitation-calendar.js';
import { hashToken, looksLikeToken, newToken } from './join-token.js';
import { tokenOwner } from './token-owner.js';
import { MembersService } from '../members/members.service.js';

/** A member's personal iCal feed: a token-protected URL, the token hashed like join links. */
@Injectable()
export class CalendarFeedsService {
  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly db: TenantDb,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly members: MembersService,
  ) {}

  /** A new feed URL for the member; any earlier one stops working. Shown once. */
  async issue(memberId: string): Promise<string> {
    const em = await this.db.manager();
    if (!(await this.members.exists(memberId))) throw notFound('Personen', memberId);
    const token = newToken();
    await em.query(
      `insert into calendar_feed (id, member_id, token_hash) values ($1, $2, $3)
       on conflict (tenant_id, member_id) do update set token_hash = excluded.token_hash, updated_at = now()`,
      [randomUUID(), memberId, hashToken(token)],
    );
    return `${this.config.publicUrl}/feed/${token}/calendar.ics`;
  }

  /** The feed's iCalendar text, or null for any token that opens nothing. */
  async render(token: string): Promise<string | null> {
    if (!looksLikeToken(token)) return null;
    const hash = hashToken(token);
    const tenant = await tokenOwner(this.dataSource, hash);
    if (!tenant) return null;
    return this.db.run(tenant, async (em) => {
      const feed = await em.getRepository(CalendarFeed).findOne({ where: { tokenHash: hash } });
      if (!feed) return null;
      const since = new Date(this.clock.now().getTime() - 30 * 86_400_000);
      const rows: { id: string; title: string; place: string; starts_at: Date; ends_at: Date; status: string; calendar_sequence: number }[] = await em.query(
        `select m.id, m.title, m.place, m.starts_at, m.ends_at, m.status, m.calendar_sequence
           from meeting m join body_membership bm on bm.tenant_id = m.tenant_id and bm.body_id = m.body_id
          where bm.member_id = $1 and m.status <> 'planned' and m.ends_at >= $2
          order by m.starts_at`,
        [feed.memberId, since],
      );
      return memberFeed(
        feed.memberId,
        rows.map((r) => ({
          id: r.id,
          title: r.title,
          place: r.place,
          startsAt: r.starts_at,
          endsAt: r.ends_at,
          cancelled: r.status === 'cancelled',
          sequence: r.calendar_sequence,
        })),
        this.clock.now(),
      );
    });
  }
}
