import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { conflict, notFound } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, localSecret, type AppConfig } from '../config/app-config.js';
import { TenantDb } from '../database/tenant-db.service.js';
import type { Meeting } from '../meetings/meeting.entity.js';
import type { MeetingListener } from '../meetings/meeting-listener.js';
import { MeetingStatus } from '../meetings/meeting-status.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { MAILER, type Mailer } from '../notifications/mailer.js';
import { OutboxService, type OutboxRow } from '../outbox/outbox.service.js';
import { DirectoryService } from '../tenancy/directory.service.js';
import { PracticeSessionsService } from '../training/practice-sessions.service.js';
import { invitationCalendar, invitationText, mailSubject, type InvitationKind, type InvitationMeeting } from './invitation-calendar.js';
import { DeliveryChannel, JoinLink } from './join-link.entity.js';
import { JoinLinksService } from './join-links.service.js';
import { hashToken } from './join-token.js';
import { PracticeLinksService } from './practice-links.service.js';
import { RemoteEligibilityService } from './remote-eligibility.service.js';
import { MembersService } from '../members/members.service.js';
import { BreakoutRoomsService } from '../breakout-rooms/breakout-rooms.service.js';

export interface DeliveryResult {
  sent: number;
  forSecretary: number;
  failed: number;
  /**
   * Members the rules keep from taking part remotely: their link to the meeting is held back
   * (still undelivered, so a later delivery sends it once they may) and the secretary sees
   * them under membersBlockedFromRemote. Their party-group room links still go out.
   */
  blocked: number;
}

/** What a member's links lead to: a meeting (and its rooms) or a practice session. */
export type LinkTarget = { meetingId: string } | { practiceSessionId: string };

const targetOf = (link: JoinLink): LinkTarget => (link.practiceSessionId ? { practiceSessionId: link.practiceSessionId } : { meetingId: link.meetingId! });
const targetId = (target: LinkTarget) => ('meetingId' in target ? target.meetingId : target.practiceSessionId);

/** Meetings whose invitations may go out: convened and not over or cancelled. */
export const LIVE_STATUSES: string[] = [MeetingStatus.CONVENED, MeetingStatus.IN_PROGRESS, MeetingStatus.RECESS];

/** The outbox effect: one member's invitation, update or cancellation e-mail. */
export const INVITATION_EFFECT = 'invitation-mail';

/**
 * Everything the e-mail is made from, fixed when the effect is written: a retry renders the same
 * message with the same tokens. Tokens are not stored: each is derived from the link id and a
 * random nonce with LINK_TOKEN_SECRET, so the outbox (like join_link) opens no room by itself.
 */
export interface InvitationMail {
  kind: InvitationKind;
  target: LinkTarget;
  member: { id: string; name: string; email: string };
  meeting: Omit<InvitationMeeting, 'startsAt' | 'endsAt'> & { startsAt: string; endsAt: string };
  links: { linkId: string; nonce: string; roomName: string | null }[];
  stamp: string;
}

const ZERO: DeliveryResult = { sent: 0, forSecretary: 0, failed: 0, blocked: 0 };

/**
 * Sends members their links: one e-mail per member and meeting (or practice session), with an
 * iCalendar invitation that carries the links, written to the outbox in the caller's unit of
 * work and mailed after it commits. Members without an e-mail address are marked for the
 * secretary, who hands their links over some other way (many members have no municipal e-mail).
 * Invitations follow the meeting: a move sends an update, a cancellation a METHOD:CANCEL.
 */
@Injectable()
export class LinkDeliveryService implements OnModuleInit, MeetingListener {
  private readonly secret: string;

  constructor(
    private readonly db: TenantDb,
    private readonly links: JoinLinksService,
    private readonly practiceLinks: PracticeLinksService,
    private readonly meetings: MeetingsService,
    private readonly sessions: PracticeSessionsService,
    private readonly outbox: OutboxService,
    private readonly directory: DirectoryService,
    private readonly eligibility: RemoteEligibilityService,
    private readonly clock: Clock,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly members: MembersService,
    private readonly rooms: BreakoutRoomsService,
  ) {
    this.secret = config.linkTokenSecret ?? localSecret(config.dataDir, 'link-token-secret');
  }

  onModuleInit(): void {
    this.meetings.listen(this);
    this.sessions.listen(async (before, after) => {
      const moved = +before.startsAt !== +after.startsAt || +before.endsAt !== +after.endsAt || before.place !== after.place;
      if (moved) await this.followMove({ practiceSessionId: after.id });
    });
    this.outbox.register<InvitationMail>(INVITATION_EFFECT, {
      timeoutMs: 60_000,
      prepare: (row, em) => this.stillWanted(row, em),
      perform: async (row, em) => {
        await this.mail(row);
        await this.noteDeliveryError(em, row.payload, null);
      },
      failed: (row, message, em) => this.noteDeliveryError(em, row.payload, message),
    });
  }

  joinUrl(token: string): string {
    return `${this.config.publicUrl}/join/${token}`;
  }

  /** The delivery job: every invitation of the meeting not yet delivered, in the job's own transaction. */
  async deliverMeeting(tenantId: string, meetingId: string): Promise<DeliveryResult> {
    return this.db.run(tenantId, () => this.sendMeeting(meetingId, false));
  }

  /** The delivery job for a practice session. */
  async deliverPracticeSession(tenantId: string, sessionId: string): Promise<DeliveryResult> {
    return this.db.run(tenantId, () => this.sendPracticeSession(sessionId));
  }

  /**
   * In the current unit of work: the meeting's undelivered invitations to the outbox. The
   * meeting row is locked first, so a cancellation either waits for this or is seen by it.
   */
  async sendMeeting(meetingId: string, mustExist: boolean): Promise<DeliveryResult> {
    const em = await this.db.manager();
    const [meeting]: { status: string }[] = await em.query(`select status from meeting where id = $1 for no key update`, [meetingId]);
    if (!meeting) {
      if (mustExist) throw notFound('Mötet', meetingId);
      return { ...ZERO };
    }
    if (!LIVE_STATUSES.includes(meeting.status)) return { ...ZERO };
    const pending = (await this.links.syncInvitations(meetingId)).filter((l) => !l.deliveredAt && !l.revokedAt);
    return this.sendLinks({ meetingId }, pending);
  }

  async sendPracticeSession(sessionId: string): Promise<DeliveryResult> {
    const em = await this.db.manager();
    const [session] = await em.query(`select id from practice_session where id = $1 for no key update`, [sessionId]);
    if (!session) throw notFound('Övningssammanträdet', sessionId);
    const pending = (await this.practiceLinks.syncInvitations(sessionId)).filter((l) => !l.deliveredAt && !l.revokedAt);
    return this.sendLinks({ practiceSessionId: sessionId }, pending);
  }

  private async sendLinks(target: LinkTarget, pending: JoinLink[]): Promise<DeliveryResult> {
    const result = { ...ZERO };
    const held = 'meetingId' in target ? await this.blockedFromRemote(target.meetingId, pending) : new Set<string>();
    const byMember = new Map<string, JoinLink[]>();
    for (const l of pending) byMember.set(l.memberId, [...(byMember.get(l.memberId) ?? []), l]);
    for (const [memberId, all] of byMember) {
      // Only the link to the meeting itself is remote participation; a party-group room is not.
      const links = held.has(memberId) ? all.filter((l) => l.roomId) : all;
      if (held.has(memberId)) result.blocked++;
      if (!links.length) continue;
      if ((await this.deliverToMember(target, memberId, links)) === 'sent') result.sent++;
      else result.forSecretary++;
    }
    return result;
  }

  /** Members with a pending link to the meeting itself whom the rules keep from taking part remotely. */
  private async blockedFromRemote(meetingId: string, pending: JoinLink[]): Promise<Set<string>> {
    const invited = [...new Set(pending.filter((l) => !l.roomId).map((l) => l.memberId))];
    if (!invited.length) return new Set();
    const verdicts = await this.eligibility.eligibilityForRemote(meetingId, invited);
    return new Set([...verdicts.values()].filter((v) => v.blocked).map((v) => v.memberId));
  }

  /** New tokens for the member's links, and the e-mail that carries them, in the outbox. */
  private async deliverToMember(target: LinkTarget, memberId: string, links: JoinLink[]): Promise<'sent' | 'secretary'> {
    const em = await this.db.manager();
    const member = await this.members.existing(memberId);
    if (!member.email) {
      await em.getRepository(JoinLink).update({ id: In(links.map((l) => l.id)) }, { deliveryChannel: DeliveryChannel.SECRETARY });
      return 'secretary';
    }
    const now = this.clock.now();
    const { meeting, roomName } = await this.snapshotOf(em, target);
    const refs: InvitationMail['links'] = [];
    for (const link of links) {
      const nonce = randomBytes(16).toString('base64url');
      await em.getRepository(JoinLink).update(
        { id: link.id },
        {
          tokenHash: hashToken(this.deriveToken(link.id, nonce)),
          issuedAt: now,
          revokedAt: null,
          deliveredAt: now,
          deliveryChannel: DeliveryChannel.EMAIL,
          deliveryError: null,
        },
      );
      refs.push({ linkId: link.id, nonce, roomName: roomName(link) });
    }
    const mail: InvitationMail = {
      kind: 'invitation',
      target,
      member: { id: member.id, name: member.name, email: member.email },
      meeting,
      links: refs,
      stamp: now.toISOString(),
    };
    await this.outbox.add({
      key: `invitation:${targetId(target)}:${member.id}:${refs[0]!.nonce}`,
      kind: INVITATION_EFFECT,
      subjectId: targetId(target),
      payload: mail,
    });
    return 'sent';
  }

  /**
   * A new token for one link (the old one stops working): e-mailed when the member has an
   * address, otherwise returned once for the secretary to hand over.
   */
  async resend(linkId: string): Promise<{ link: JoinLink; url: string | null }> {
    const link = await this.links.written(linkId);
    const em = await this.db.manager();
    await this.assertLive(em, targetOf(link));
    if (link.meetingId && !link.roomId && (await this.blockedFromRemote(link.meetingId, [link])).size) {
      throw conflict(
        'Reglerna hindrar ledamoten från att delta på distans i mötet: länken skickas inte (se listan över ledamöter som inte kan delta på distans).',
      );
    }
    const member = await this.members.existing(link.memberId);
    if (member.email) {
      await this.deliverToMember(targetOf(link), link.memberId, [link]);
      return { link: await this.links.get(linkId), url: null };
    }
    const url = this.joinUrl(await this.links.issue(link));
    await em.getRepository(JoinLink).update({ id: linkId }, { deliveryChannel: DeliveryChannel.SECRETARY, deliveredAt: this.clock.now() });
    return { link: await this.links.get(linkId), url };
  }

  /** A link to a cancelled or finished meeting is not handed out again (locks the meeting, as cancelling does). */
  private async assertLive(em: EntityManager, target: LinkTarget): Promise<void> {
    if (!('meetingId' in target)) return;
    const [meeting]: { status: string }[] = await em.query(`select status from meeting where id = $1 for no key update`, [target.meetingId]);
    if (!meeting || !LIVE_STATUSES.includes(meeting.status)) throw conflict('Mötet är inte kallat (eller är inställt eller avslutat): länken skickas inte.');
  }

  /**
   * A move (time or place) sends every invited member an update with the new times; a
   * cancellation sends a METHOD:CANCEL to everyone who received an invitation and withdraws
   * what has not gone out — all in the transaction that changes the meeting.
   */
  async meetingChanged(before: Meeting, after: Meeting): Promise<void> {
    const cancelled = after.status === MeetingStatus.CANCELLED && before.status !== MeetingStatus.CANCELLED;
    const moved = +before.startsAt !== +after.startsAt || +before.endsAt !== +after.endsAt || before.place !== after.place;
    if (cancelled) await this.followCancellation(after.id);
    else if (moved && LIVE_STATUSES.includes(after.status)) await this.followMove({ meetingId: after.id });
  }

  private async followCancellation(meetingId: string): Promise<void> {
    const em = await this.db.manager();
    await this.outbox.cancelPending(meetingId, [INVITATION_EFFECT], (p) => (p as InvitationMail).kind !== 'cancellation');
    const received = latestPerMember(await this.outbox.effectsOf<InvitationMail>(meetingId, [INVITATION_EFFECT], ['done']));
    if (!received.length) return;
    const sequence = await this.nextSequence(em, { meetingId });
    const { meeting } = await this.snapshotOf(em, { meetingId });
    const stamp = this.clock.now().toISOString();
    for (const sent of received) {
      const mail: InvitationMail = { ...sent.payload, kind: 'cancellation', meeting: { ...meeting, cancelled: true, sequence }, links: [], stamp };
      await this.outbox.add({ key: `cancellation:${meetingId}:${sent.payload.member.id}`, kind: INVITATION_EFFECT, subjectId: meetingId, payload: mail });
    }
  }

  /** Same links (same tokens: same derivation inputs), new times and a higher SEQUENCE. */
  async followMove(target: LinkTarget): Promise<void> {
    const em = await this.db.manager();
    const id = targetId(target);
    const withdrawn = await this.outbox.cancelPending(id, [INVITATION_EFFECT], (p) => (p as InvitationMail).kind !== 'cancellation');
    const done = await this.outbox.effectsOf<InvitationMail>(id, [INVITATION_EFFECT], ['done']);
    const all = latestPerMember([...(withdrawn as OutboxRow<InvitationMail>[]), ...done].filter((r) => r.payload.kind !== 'cancellation'));
    if (!all.length) return;
    const receivedBefore = new Set(done.map((r) => r.payload.member.id));
    const sequence = await this.nextSequence(em, target);
    const { meeting } = await this.snapshotOf(em, target);
    const stamp = this.clock.now().toISOString();
    for (const last of all) {
      const kind: InvitationKind = receivedBefore.has(last.payload.member.id) ? 'update' : 'invitation';
      const mail: InvitationMail = { ...last.payload, kind, meeting: { ...meeting, sequence }, stamp };
      await this.outbox.add({ key: `${kind}:${id}:${last.payload.member.id}:seq${sequence}`, kind: INVITATION_EFFECT, subjectId: id, payload: mail });
    }
  }

  /** Before mailing: the meeting row shared-locked (cancelling waits), and nothing goes out for one no longer on. */
  private async stillWanted(row: OutboxRow<InvitationMail>, em: EntityManager): Promise<'go' | 'drop'> {
    const target = row.payload.target;
    if ('meetingId' in target) {
      const [meeting]: { status: string }[] = await em.query(`select status from meeting where id = $1 for share`, [target.meetingId]);
      if (row.payload.kind === 'cancellation') return meeting ? 'go' : 'drop';
      return meeting && LIVE_STATUSES.includes(meeting.status) ? 'go' : 'drop';
    }
    const [session] = await em.query(`select id from practice_session where id = $1 for share`, [target.practiceSessionId]);
    return session ? 'go' : 'drop';
  }

  private async mail(row: OutboxRow<InvitationMail>): Promise<void> {
    const p = row.payload;
    const meeting: InvitationMeeting = { ...p.meeting, startsAt: new Date(p.meeting.startsAt), endsAt: new Date(p.meeting.endsAt) };
    const links = p.links.map((l) => ({ roomName: l.roomName, url: this.joinUrl(this.deriveToken(l.linkId, l.nonce)) }));
    await this.mailer.send({
      // The outbox row's id: a retry after a lost "done" is recognisably the same message.
      messageId: `<${row.id}@motesplats>`,
      to: p.member.email,
      subject: mailSubject(meeting, p.kind),
      text: `Hej ${p.member.name}!\n\n${invitationText(meeting, links, p.kind)}\n`,
      icalEvent: {
        method: p.kind === 'cancellation' ? 'CANCEL' : 'REQUEST',
        filename: p.kind === 'cancellation' ? 'installt.ics' : 'kallelse.ics',
        content: invitationCalendar(meeting, p.member, links, this.organizer(), new Date(p.stamp), p.kind),
      },
    });
  }

  private async noteDeliveryError(em: EntityManager, mail: InvitationMail, message: string | null): Promise<void> {
    const ids = mail.links.map((l) => l.linkId);
    if (ids.length) await em.getRepository(JoinLink).update({ id: In(ids) }, { deliveryError: message });
  }

  private deriveToken(linkId: string, nonce: string): string {
    return createHmac('sha256', this.secret).update(`join-link:${linkId}:${nonce}`).digest('base64url');
  }

  private async nextSequence(em: EntityManager, target: LinkTarget): Promise<number> {
    const table = 'meetingId' in target ? 'meeting' : 'practice_session';
    // Through a CTE: TypeORM answers a bare UPDATE … RETURNING as [rows, count].
    const [row]: { calendar_sequence: number }[] = await em.query(
      `with bumped as (update ${table} set calendar_sequence = calendar_sequence + 1 where id = $1 returning calendar_sequence) select calendar_sequence from bumped`,
      [targetId(target)],
    );
    return row?.calendar_sequence ?? 0;
  }

  private async snapshotOf(
    em: EntityManager,
    target: LinkTarget,
  ): Promise<{ meeting: InvitationMail['meeting']; roomName: (link: JoinLink) => string | null }> {
    if ('practiceSessionId' in target) {
      const [s]: { id: string; title: string; place: string | null; starts_at: Date; ends_at: Date; tenant_id: string; calendar_sequence: number }[] =
        await em.query(`select id, title, place, starts_at, ends_at, tenant_id, calendar_sequence from practice_session where id = $1`, [
          target.practiceSessionId,
        ]);
      if (!s) throw notFound('Övningssammanträdet', target.practiceSessionId);
      return {
        meeting: {
          id: s.id,
          title: s.title,
          place: s.place ?? 'På distans',
          startsAt: s.starts_at.toISOString(),
          endsAt: s.ends_at.toISOString(),
          cancelled: false,
          practice: true,
          municipality: this.directory.municipality(s.tenant_id)?.name,
          sequence: s.calendar_sequence,
        },
        roomName: () => null,
      };
    }
    const [m]: { id: string; title: string; place: string; starts_at: Date; ends_at: Date; tenant_id: string; status: string; calendar_sequence: number }[] =
      await em.query(`select id, title, place, starts_at, ends_at, tenant_id, status, calendar_sequence from meeting where id = $1`, [target.meetingId]);
    if (!m) throw notFound('Mötet', target.meetingId);
    const rooms = await this.rooms.allRoomsOf(m.id);
    return {
      meeting: {
        id: m.id,
        title: m.title,
        place: m.place,
        startsAt: m.starts_at.toISOString(),
        endsAt: m.ends_at.toISOString(),
        cancelled: m.status === MeetingStatus.CANCELLED,
        municipality: this.directory.municipality(m.tenant_id)?.name,
        sequence: m.calendar_sequence,
      },
      roomName: (link) => rooms.find((r) => r.id === link.roomId)?.name ?? null,
    };
  }

  private organizer(): { name: string; email: string } {
    const match = /^(.*?)\s*<([^>]+)>$/.exec(this.config.mailFrom);
    return match ? { name: match[1] || 'Mötesplats', email: match[2]! } : { name: 'Mötesplats', email: this.config.mailFrom };
  }
}

/** The newest effect per member (rows come newest first). */
function latestPerMember<T extends OutboxRow<InvitationMail>>(rows: T[]): T[] {
  const seen = new Map<string, T>();
  for (const r of rows) if (!seen.has(r.payload.member.id)) seen.set(r.payload.member.id, r);
  return [...seen.values()];
}
