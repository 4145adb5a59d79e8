import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { addDays, type IsoDate } from '@motesplats/rules';
import { TenantDb } from '../database/tenant-db.service.js';
import { MailOutbox } from '../outbox/mail-outbox.service.js';
import { ReminderChannel } from './training-reminder.entity.js';
import { EXPIRING_WITHIN_DAYS } from './validity.js';

interface Due {
  memberId: string;
  email: string | null;
  moduleKey: string;
  title: string;
  validUntil: IsoDate;
}

/**
 * Reminders before a completion expires: an e-mail to the member where there is an address,
 * otherwise a line on the secretary's list. A reminder is recorded once per member, module
 * and expiry date, in one transaction with its message in the outbox, so a re-run (or a retried
 * job) finds it and sends nothing twice; a failed send is retried by the outbox.
 */
@Injectable()
export class TrainingRemindersService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly mail: MailOutbox,
  ) {}

  /** Sends what is due in one municipality on `today`; answers how many reminders were new. */
  async remindMunicipality(tenantId: string, today: IsoDate): Promise<{ emailed: number; listed: number }> {
    const due = await this.tenantDb.run(tenantId, (em) => em.query(DUE_SQL, [today, addDays(today, EXPIRING_WITHIN_DAYS)]) as Promise<Due[]>);
    let emailed = 0;
    let listed = 0;
    for (const d of due) {
      const channel = d.email ? ReminderChannel.EMAIL : ReminderChannel.SECRETARY_LIST;
      const fresh = await this.tenantDb.run(tenantId, async (em) => {
        const inserted: { id: string }[] = await em.query(
          `insert into training_reminder (tenant_id, id, member_id, module_key, valid_until, channel)
           values ($1, $2, $3, $4, $5, $6) on conflict (tenant_id, member_id, module_key, valid_until) do nothing returning id`,
          [tenantId, randomUUID(), d.memberId, d.moduleKey, d.validUntil, channel],
        );
        if (!inserted.length) return false;
        if (d.email) {
          await this.mail.send(`training:${d.memberId}:${d.moduleKey}:${d.validUntil}`, {
            to: d.email,
            subject: `Din utbildning "${d.title}" går ut ${d.validUntil}`,
            text: [
              'Hej!',
              '',
              `Din genomförda utbildning "${d.title}" gäller till och med ${d.validUntil}.`,
              'För att få delta på distans i sammanträden behöver du genomföra den igen innan dess.',
              'Kontakta nämndsekreteraren om du vill ha hjälp eller en plats på ett övningssammanträde.',
              '',
              'Mötesplats',
            ].join('\n'),
          });
          // sent_at now means "handed to the outbox": the mail goes out once this commits.
          await em.query('update training_reminder set sent_at = now() where tenant_id = $1 and id = $2', [tenantId, inserted[0]!.id]);
        }
        return true;
      });
      if (fresh && channel === ReminderChannel.EMAIL) emailed++;
      else if (fresh) listed++;
    }
    return { emailed, listed };
  }
}

/**
 * Each member's best completion per module that runs out within the window and is not
 * superseded by a completion that lasts longer; with the module's title for the message.
 */
const DUE_SQL = `
  with best as (
    select member_id, module_key, max(coalesce(valid_until, 'infinity'::date)) as until
      from training_completion where completed_on <= $1::date
     group by member_id, module_key
  ), titles as (
    select key, title from regional_training_module where published_at is not null
    union all select key, title from training_module
  )
  select b.member_id as "memberId", m.email, b.module_key as "moduleKey", coalesce(t.title, b.module_key) as title,
         b.until::text as "validUntil"
    from best b join member m on m.id = b.member_id
    left join titles t on t.key = b.module_key
   where b.until >= $1::date and b.until < $2::date
   order by b.until, b.member_id`;
