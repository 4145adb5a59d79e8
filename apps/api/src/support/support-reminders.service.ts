import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { addDays, type IsoDate, localTime } from '@motesplats/rules';
import { TenantDb } from '../database/tenant-db.service.js';
import type { OutgoingMail } from '../notifications/mailer.js';
import { MailOutbox } from '../outbox/mail-outbox.service.js';

interface Shift {
  assignmentId: string;
  status: string;
  email: string | null;
  name: string;
  title: string;
  place: string;
  role: string;
  startsAt: Date;
  endsAt: Date;
  minutesBefore: number;
}

const ROLE_TEXT: Record<string, string> = { it_support: 'IT-support', meeting_support: 'mötesstöd för ordförande och sekreterare' };
const STATUS_TEXT: Record<string, string> = {
  assigned: 'Du har fått ett nytt pass. Acceptera eller avböj det under "Mina pass" i Mötesplats.',
  accepted: 'Passet är accepterat.',
  declined: 'Passet är avböjt.',
  withdrawn: 'Passet är återkallat; du behöver inte komma.',
};
/** Changes to the meeting rather than to the assignment. */
const EVENT_TEXT: Record<string, string> = {
  moved: 'Mötet har flyttats. Passet följer med mötet; kontrollera den nya tiden nedan.',
  cancelled: 'Mötet är inställt; du behöver inte komma.',
};

/**
 * Reminders to support staff: the day before each shift, and when an assignment changes. Each is
 * recorded once (assignment, kind, key) and written to the outbox in the same transaction, so a
 * re-run or a retried job sends nothing twice, a rolled-back change sends nothing, and a failed
 * send is retried by the outbox.
 */
@Injectable()
export class SupportRemindersService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly mail: MailOutbox,
  ) {}

  /** Reminds everyone with a shift on the day after `today` (Stockholm); answers how many were new. */
  async remindDayBefore(tenantId: string, today: IsoDate): Promise<number> {
    const tomorrow = addDays(today, 1);
    const [y, m, d] = tomorrow.split('-').map(Number) as [number, number, number];
    const [y2, m2, d2] = addDays(tomorrow, 1).split('-').map(Number) as [number, number, number];
    const shifts = await this.tenantDb.run(
      tenantId,
      (em) =>
        em.query(SHIFTS_SQL + ` and m.status <> 'cancelled' and m.starts_at >= $1 and m.starts_at < $2 and a.status in ('assigned', 'accepted')`, [
          localTime(y, m, d, 0),
          localTime(y2, m2, d2, 0),
        ]) as Promise<Shift[]>,
    );
    let sent = 0;
    for (const s of shifts) {
      if (await this.once(tenantId, s, 'day_before', tomorrow, (text) => ({ subject: `Påminnelse: ${s.title} i morgon`, text }))) sent++;
    }
    return sent;
  }

  /** Tells the person about a change to their assignment, in a transaction of its own (jobs queued before the outbox). */
  sendChanged(tenantId: string, assignmentId: string, key: string): Promise<boolean> {
    return this.tenantDb.run(tenantId, () => this.changed(assignmentId, key));
  }

  /** In the current unit of work (the one that changes the assignment or the meeting): the message to the outbox. */
  async changed(assignmentId: string, key: string): Promise<boolean> {
    const em = await this.tenantDb.manager();
    const [shift]: Shift[] = await em.query(SHIFTS_SQL + ' and a.id = $1', [assignmentId]);
    if (!shift) return false;
    const event = EVENT_TEXT[key.split('-')[0]!] ?? STATUS_TEXT[shift.status] ?? '';
    return this.record(shift, 'changed', key, (text) => ({ subject: `Ditt pass: ${shift.title}`, text: `${event}\n\n${text}` }));
  }

  private once(
    tenantId: string,
    s: Shift,
    kind: 'day_before' | 'changed',
    key: string,
    compose: (details: string) => Pick<OutgoingMail, 'subject' | 'text'>,
  ): Promise<boolean> {
    return this.tenantDb.run(tenantId, () => this.record(s, kind, key, compose));
  }

  private async record(
    s: Shift,
    kind: 'day_before' | 'changed',
    key: string,
    compose: (details: string) => Pick<OutgoingMail, 'subject' | 'text'>,
  ): Promise<boolean> {
    if (!s.email) return false;
    const em = await this.tenantDb.manager();
    const id = randomUUID();
    const inserted: { id: string }[] = await em.query(
      `insert into support_reminder (id, assignment_id, kind, key, sent_at) values ($1, $2, $3, $4, now())
       on conflict (tenant_id, assignment_id, kind, key) do nothing returning id`,
      [id, s.assignmentId, kind, key],
    );
    if (!inserted.length) return false;
    // sent_at now means "handed to the outbox": the mail itself goes out after commit.
    return this.mail.send(`support:${kind}:${s.assignmentId}:${key}`, { to: s.email, ...compose(details(s)) });
  }
}

function details(s: Shift): string {
  const time = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'full', timeStyle: 'short' }).format(d);
  return [
    `Hej ${s.name}!`,
    '',
    `Möte: ${s.title}`,
    `Plats: ${s.place}`,
    `Roll: ${ROLE_TEXT[s.role] ?? s.role}`,
    `Mötet börjar: ${time(s.startsAt)} (passet börjar ${s.minutesBefore} minuter före)`,
    '',
    'Mötesplats',
  ].join('\n');
}

/** Shifts with the person's e-mail (own staff, or a pooled person the municipality can see). */
const SHIFTS_SQL = `
  select a.id as "assignmentId", a.status, coalesce(s.email, p.email) as email, coalesce(s.name, p.name) as name,
         m.title, m.place, a.role, m.starts_at as "startsAt", m.ends_at as "endsAt",
         coalesce((select minutes_before from support_settings), 30) as "minutesBefore"
    from support_assignment a
    join meeting m on m.tenant_id = a.tenant_id and m.id = a.meeting_id
    left join support_staff s on s.tenant_id = a.tenant_id and s.id = a.staff_id
    left join regional_support_staff p on p.region_id = a.pool_region_id and p.id = a.pool_staff_id
   where true`;
