import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { PRACTICE_LINK_LEAD_MINUTES } from '../breakout-rooms/windows.js';
import { MUNICIPAL_TIME_ZONE } from '../common/stockholm-time.js';

export interface InvitationLink {
  /** The party group's room, or null for the meeting itself. */
  roomName: string | null;
  url: string;
}

export interface InvitationMeeting {
  id: string;
  title: string;
  place: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  /** A practice session (övningssammanträde) rather than a meeting. */
  practice?: boolean;
}

const PRODID = { company: 'Fyrbodals kommunalförbund', product: 'Mötesplats', language: 'SV' };

/** One VEVENT per meeting and member: the same UID every time, so a resend updates the invitation. */
function eventUid(meetingId: string, memberId: string): string {
  return `${meetingId}.${memberId}@motesplats`;
}

export function invitationText(meeting: InvitationMeeting, links: InvitationLink[]): string {
  const lines = links.map((l) =>
    meeting.practice
      ? `Delta i övningssammanträdet (rummet öppnar ${PRACTICE_LINK_LEAD_MINUTES} minuter före start; när du går in registreras din närvaro):\n${l.url}`
      : l.roomName
        ? `Partigruppens rum (${l.roomName}), öppet före mötet, under ajourneringar och efter mötet:\n${l.url}`
        : `Delta på distans i mötet:\n${l.url}`,
  );
  return [
    `${meeting.practice ? 'Övningssammanträde: ' : ''}${meeting.title}, ${meeting.place}.`,
    ...lines,
    'Länken är personlig och fungerar bara när rummet är öppet. Dela den inte.',
    '',
    'English: your personal link(s) above open the video room only while it is open. Do not share them.',
  ].join('\n\n');
}

/** The e-mailed invitation (METHOD:REQUEST), carrying the member's links. */
export function invitationCalendar(meeting: InvitationMeeting, member: { id: string; name: string; email: string }, links: InvitationLink[], organizer: { name: string; email: string }, sequence: number): string {
  const calendar = ical({ prodId: PRODID, method: ICalCalendarMethod.REQUEST, timezone: MUNICIPAL_TIME_ZONE });
  calendar.createEvent({
    id: eventUid(meeting.id, member.id),
    sequence,
    start: meeting.startsAt,
    end: meeting.endsAt,
    summary: meeting.title,
    location: meeting.place,
    description: invitationText(meeting, links),
    url: (links.find((l) => !l.roomName) ?? links[0])?.url,
    organizer,
    attendees: [{ name: member.name, email: member.email, rsvp: false }],
    status: meeting.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}

/** A member's personal feed: their meetings, no links (tokens are never stored to be shown again). */
export function memberFeed(memberId: string, meetings: InvitationMeeting[]): string {
  const calendar = ical({ prodId: PRODID, name: 'Mötesplats', timezone: MUNICIPAL_TIME_ZONE });
  for (const m of meetings) {
    calendar.createEvent({
      id: eventUid(m.id, memberId),
      start: m.startsAt,
      end: m.endsAt,
      summary: m.title,
      location: m.place,
      description: 'Din personliga länk kommer med e-post eller från nämndsekreteraren. / Your personal link comes by e-mail or from the secretary.',
      status: m.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
