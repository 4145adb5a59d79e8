import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { forbidden, notFound } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { currentActor } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { APP_DATA_SOURCE } from '../database/database.tokens.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { hashToken, looksLikeToken, newToken } from '../join-links/join-token.js';
import { staffFeed } from './staff-calendar.js';
import { StaffService } from './staff.service.js';
import { SupportScheduleService } from './support-schedule.service.js';

const EDITORS = ['tenant-admin', 'secretary'];

/** A staff member's personal iCal feed behind an unguessable URL; only the token's hash is kept. */
@Injectable()
export class StaffFeedService {
  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly db: TenantDb,
    private readonly staff: StaffService,
    private readonly schedule: SupportScheduleService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new feed URL; any earlier one stops working. Shown once. */
  async issue(staffId: string): Promise<string> {
    await this.assertMayManage(staffId);
    const token = newToken();
    const em = await this.db.manager();
    await em.query(
      `insert into support_calendar_feed (id, staff_id, token_hash) values ($1, $2, $3)
       on conflict (tenant_id, staff_id) do update set token_hash = excluded.token_hash, updated_at = now()`,
      [randomUUID(), staffId, hashToken(token)],
    );
    return `${this.config.publicUrl}/support-feed/${token}/calendar.ics`;
  }

  async revoke(staffId: string): Promise<boolean> {
    await this.assertMayManage(staffId);
    const em = await this.db.manager();
    const result: [unknown[], number] = await em.query('delete from support_calendar_feed where staff_id = $1', [staffId]);
    return result[1] > 0;
  }

  async render(token: string): Promise<string | null> {
    if (!looksLikeToken(token)) return null;
    const hash = hashToken(token);
    const [{ tenant }] = await this.dataSource.query('select support_feed_tenant($1) as tenant', [hash]);
    if (!tenant) return null;
    return this.db.run(tenant, async (em) => {
      const [feed] = await em.query('select staff_id from support_calendar_feed where token_hash = $1', [hash]);
      if (!feed) return null;
      const shifts = await this.schedule.assignments({ staffId: feed.staff_id, from: new Date(this.clock.now().getTime() - 30 * 86_400_000) });
      return staffFeed(
        shifts.map((s) => ({
          assignmentId: s.id,
          status: s.status,
          role: s.role,
          title: s.meetingTitle,
          place: s.place,
          shiftStartsAt: s.shiftStartsAt,
          shiftEndsAt: s.shiftEndsAt,
          meetingStartsAt: s.meetingStartsAt,
        })),
        this.clock.now(),
      );
    });
  }

  /** Feeds are for the municipality's own staff: the person themselves or an administrator. */
  private async assertMayManage(staffId: string): Promise<void> {
    const person = await this.staff.get(staffId);
    if (!person || person.pooled) throw notFound('Personen', staffId);
    if (currentActor()?.roles.some((r) => EDITORS.includes(r))) return;
    const me = await this.staff.ownRow();
    if (me?.id !== staffId) throw forbidden('Du kan bara hantera din egen kalender.');
  }
}
