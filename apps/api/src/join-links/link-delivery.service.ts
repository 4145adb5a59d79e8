import { Inject, Injectable, Logger } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { BreakoutRoom } from '../breakout-rooms/breakout-room.entity.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { MeetingStatus } from '../meetings/meeting-status.js';
import { Member } from '../members/member.entity.js';
import { MAILER, type Mailer } from '../notifications/mailer.js';
import { PracticeSession } from '../training/practice-session.entity.js';
import { invitationCalendar, invitationText, type InvitationLink, type InvitationMeeting } from './invitation-calendar.js';
import { DeliveryChannel, JoinLink } from './join-link.entity.js';
import { JoinLinksService } from './join-links.service.js';
import { PracticeLinksService } from './practice-links.service.js';

const log = new Logger('LinkDelivery');

export interface DeliveryResult {
  sent: number;
  forSecretary: number;
  failed: number;
}

/** What a member's links lead to: a meeting (and its rooms) or a practice session. */
type LinkTarget = { meetingId: string } | { practiceSessionId: string };

const targetOf = (link: JoinLink): LinkTarget => (link.practiceSessionId ? { practiceSessionId: link.practiceSessionId } : { meetingId: link.meetingId! });

/**
 * Sends members their links: one e-mail per member and meeting (or practice session), with an iCalendar invitation
 * that carries the links. Members without an e-mail address are marked for the secretary, who
 * hands their links over some other way (many members have no municipal e-mail — Timrå).
 */
@Injectable()
export class LinkDeliveryService {
  constructor(
    private readonly db: TenantDb,
    private readonly links: JoinLinksService,
    private readonly practiceLinks: PracticeLinksService,
    private readonly clock: Clock,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  joinUrl(token: string): string {
    return `${this.config.publicUrl}/join/${token}`;
  }

  /**
   * The delivery job: every invitation not yet delivered. One transaction per member, so a
   * token is stored before its mail leaves and one member's failure stops no one else's.
   */
  async deliverMeeting(tenantId: string, meetingId: string): Promise<DeliveryResult> {
    return this.deliverAll(tenantId, { meetingId }, async () => {
      const meeting = await (await this.db.manager()).getRepository(Meeting).findOne({ where: { id: meetingId } });
      if (!meeting || ![MeetingStatus.CONVENED, MeetingStatus.IN_PROGRESS, MeetingStatus.RECESS].includes(meeting.status)) return [];
      return this.links.syncInvitations(meetingId);
    });
  }

  /** Every practice-session invitee's link not yet delivered, as for a meeting. */
  async deliverPracticeSession(tenantId: string, sessionId: string): Promise<DeliveryResult> {
    return this.deliverAll(tenantId, { practiceSessionId: sessionId }, () => this.practiceLinks.syncInvitations(sessionId));
  }

  private async deliverAll(tenantId: string, target: LinkTarget, invitations: () => Promise<JoinLink[]>): Promise<DeliveryResult> {
    const pending = await this.db.run(tenantId, async () => {
      const links = (await invitations()).filter((l) => !l.deliveredAt && !l.revokedAt);
      return [...new Set(links.map((l) => l.memberId))];
    });
    const result = { sent: 0, forSecretary: 0, failed: 0 };
    for (const memberId of pending) {
      try {
        const outcome = await this.db.run(tenantId, () => this.deliverToMember(target, memberId));
        if (outcome === 'sent') result.sent++;
        else result.forSecretary++;
      } catch (err) {
        result.failed++;
        log.warn(`Delivery to a member failed: ${(err as Error).message}`);
        await this.db.run(tenantId, (em) =>
          em.getRepository(JoinLink).update({ ...target, memberId, deliveredAt: IsNull() }, { deliveryError: (err as Error).message.slice(0, 300) }),
        );
      }
    }
    if (result.failed) throw new Error(`${result.failed} of ${pending.length} deliveries failed`);
    return result;
  }

  /** New tokens for the member's undelivered links to the meeting or session, sent together. */
  private async deliverToMember(target: LinkTarget, memberId: string, only?: JoinLink): Promise<'sent' | 'secretary'> {
    const em = await this.db.manager();
    const member = await em.getRepository(Member).findOneOrFail({ where: { id: memberId } });
    const links = only ? [only] : await em.getRepository(JoinLink).find({ where: { ...target, memberId, deliveredAt: IsNull(), revokedAt: IsNull() } });
    if (!member.email) {
      await em.getRepository(JoinLink).update({ id: In(links.map((l) => l.id)) }, { deliveryChannel: DeliveryChannel.SECRETARY });
      return 'secretary';
    }
    const { invitation, roomName } = await this.invitationOf(target);
    const invitationLinks: InvitationLink[] = [];
    for (const link of links) invitationLinks.push({ roomName: roomName(link), url: this.joinUrl(await this.links.issue(link)) });
    const now = this.clock.now();
    await this.mailer.send({
      to: member.email,
      subject: `Din länk: ${invitation.practice ? 'Övningssammanträde, ' : ''}${invitation.title}`,
      text: `Hej ${member.name}!\n\n${invitationText(invitation, invitationLinks)}\n`,
      icalEvent: {
        method: 'REQUEST',
        filename: 'kallelse.ics',
        content: invitationCalendar(invitation, { id: member.id, name: member.name, email: member.email }, invitationLinks, this.organizer(), Math.floor(now.getTime() / 1000)),
      },
    });
    await em.getRepository(JoinLink).update({ id: In(links.map((l) => l.id)) }, { deliveredAt: now, deliveryChannel: DeliveryChannel.EMAIL, deliveryError: null });
    return 'sent';
  }

  private async invitationOf(target: LinkTarget): Promise<{ invitation: InvitationMeeting; roomName: (link: JoinLink) => string | null }> {
    const em = await this.db.manager();
    if ('practiceSessionId' in target) {
      const session = await em.getRepository(PracticeSession).findOneOrFail({ where: { id: target.practiceSessionId } });
      const { id, title, startsAt, endsAt } = session;
      return { invitation: { id, title, place: session.place ?? 'På distans', startsAt, endsAt, cancelled: false, practice: true }, roomName: () => null };
    }
    const meeting = await em.getRepository(Meeting).findOneOrFail({ where: { id: target.meetingId } });
    const rooms = await em.getRepository(BreakoutRoom).find({ where: { meetingId: meeting.id } });
    return {
      invitation: { id: meeting.id, title: meeting.title, place: meeting.place, startsAt: meeting.startsAt, endsAt: meeting.endsAt, cancelled: false },
      roomName: (link) => rooms.find((r) => r.id === link.roomId)?.name ?? null,
    };
  }

  /**
   * A new token for one link (the old one stops working): e-mailed when the member has an
   * address, otherwise returned once for the secretary to hand over.
   */
  async resend(linkId: string): Promise<{ link: JoinLink; url: string | null }> {
    const link = await this.links.get(linkId);
    const em = await this.db.manager();
    const member = await em.getRepository(Member).findOneOrFail({ where: { id: link.memberId } });
    if (member.email) {
      await this.deliverToMember(targetOf(link), link.memberId, link);
      return { link: await this.links.get(linkId), url: null };
    }
    const url = this.joinUrl(await this.links.issue(link));
    await em.getRepository(JoinLink).update({ id: linkId }, { deliveryChannel: DeliveryChannel.SECRETARY, deliveredAt: this.clock.now() });
    return { link: await this.links.get(linkId), url };
  }

  private organizer(): { name: string; email: string } {
    const match = /^(.*?)\s*<([^>]+)>$/.exec(this.config.mailFrom);
    return match ? { name: match[1] || 'Mötesplats', email: match[2]! } : { name: 'Mötesplats', email: this.config.mailFrom };
  }
}
