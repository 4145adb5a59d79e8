import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { DateTime } from 'luxon';
import { PRACTICE_LINK_LEAD_MINUTES } from '../breakout-rooms/windows.js';
import { MUNICIPAL_TIME_ZONE } from '@motesplats/rules';

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
  /** The municipality holding it, named in the mail. */
  municipality?: string;
  /** The calendar revision (iCalendar SEQUENCE): an update or cancellation outranks what it replaces. */
  sequence?: number;
}

export type InvitationKind = 'invitation' | 'update' | 'cancellation';

const PRODID = { company: 'Fyrbodals kommunalförbund', product: 'Mötesplats', language: 'SV' };

/** One VEVENT per meeting and member: the same UID every time, so a resend updates the invitation. */
export function eventUid(meetingId: string, memberId: string): string {
  return `${meetingId}.${memberId}@motesplats`;
}

/**
 * Every time in our calendars is Stockholm wall time with its TZID and a VTIMEZONE (from the
 * kept zone library), converted by luxon: ical-generator formats a plain Date with the
 * process's own zone, which put invitations an hour off on a server running in UTC.
 */
const stockholm = (d: Date) => DateTime.fromJSDate(d, { zone: MUNICIPAL_TIME_ZONE });

function calendar(method?: ICalCalendarMethod) {
  return ical({ prodId: PRODID, ...(method ? { method } : {}), timezone: { name: MUNICIPAL_TIME_ZONE, generator: getVtimezoneComponent } });
}

/** DTSTAMP must be UTC; with a calendar zone set, ical-generator writes it as floating local time. */
function withUtcStamp(text: string, stamp: Date): string {
  const utc = stamp
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return text.replace(/^DTSTAMP:[0-9T]+Z?\r?$/gm, (line) => `DTSTAMP:${utc}${line.endsWith('\r') ? '\r' : ''}`);
}

/** "torsdag 22 oktober 2026 kl. 18.00–20.00" and the English equivalent, in Stockholm time. */
export function whenInWords(startsAt: Date, endsAt: Date): { sv: string; en: string } {
  const s = stockholm(startsAt);
  const e = stockholm(endsAt);
  const sameDay = s.hasSame(e, 'day');
  const sv = `${s.setLocale('sv').toFormat('cccc d LLLL yyyy')} kl. ${s.toFormat('HH.mm')}–${sameDay ? '' : `${e.setLocale('sv').toFormat('cccc d LLLL')} kl. `}${e.toFormat('HH.mm')}`;
  const en = `${s.setLocale('en-GB').toFormat('cccc d LLLL yyyy')}, ${s.toFormat('HH:mm')}–${sameDay ? '' : `${e.setLocale('en-GB').toFormat('cccc d LLLL')}, `}${e.toFormat('HH:mm')} (Swedish time)`;
  return { sv, en };
}

function heading(meeting: InvitationMeeting): { sv: string; en: string } {
  const when = whenInWords(meeting.startsAt, meeting.endsAt);
  const who = meeting.municipality ? ` i ${meeting.municipality}` : '';
  const whoEn = meeting.municipality ? ` in ${meeting.municipality}` : '';
  const what = meeting.practice ? `Övningssammanträde: ${meeting.title}` : meeting.title;
  return {
    sv: `${what}${who}\nNär: ${when.sv}\nVar: ${meeting.place}`,
    en: `${meeting.practice ? 'Practice session: ' : ''}${meeting.title}${whoEn}\nWhen: ${when.en}\nWhere: ${meeting.place}`,
  };
}

export function invitationText(meeting: InvitationMeeting, links: InvitationLink[], kind: InvitationKind = 'invitation'): string {
  const head = heading(meeting);
  if (kind === 'cancellation') {
    return [
      `Mötet är inställt: ${head.sv}`,
      'Mötet blir inte av. Dina personliga länkar till mötet fungerar inte längre.',
      '',
      `English: this meeting is cancelled: ${head.en}`,
      'The meeting will not take place. Your personal links to it no longer work.',
    ].join('\n\n');
  }
  const lines = links.map((l) =>
    meeting.practice
      ? `Delta i övningssammanträdet (rummet öppnar ${PRACTICE_LINK_LEAD_MINUTES} minuter före start; när du går in registreras din närvaro):\n${l.url}`
      : l.roomName
        ? `Partigruppens rum (${l.roomName}), öppet före mötet, under ajourneringar och efter mötet:\n${l.url}`
        : `Delta på distans i mötet:\n${l.url}`,
  );
  return [
    kind === 'update' ? `Ändrad tid eller plats. ${head.sv}` : head.sv,
    ...lines,
    'Länken är personlig och fungerar bara när rummet är öppet. Dela den inte.',
    '',
    `English: ${kind === 'update' ? 'new time or place. ' : ''}${head.en}`,
    'Your personal link(s) above open the video room only while it is open. Do not share them.',
  ].join('\n\n');
}

export function mailSubject(meeting: InvitationMeeting, kind: InvitationKind): string {
  const what = `${meeting.practice ? 'Övningssammanträde, ' : ''}${meeting.title}`;
  if (kind === 'cancellation') return `Inställt: ${what} / Cancelled`;
  if (kind === 'update') return `Ändrat: ${what} / Updated`;
  return `Din länk: ${what}`;
}

/**
 * The e-mailed invitation (METHOD:REQUEST, also for an update with new times) or its
 * cancellation (METHOD:CANCEL, same UID, higher SEQUENCE), carrying the member's links.
 */
export function invitationCalendar(
  meeting: InvitationMeeting,
  member: { id: string; name: string; email: string },
  links: InvitationLink[],
  organizer: { name: string; email: string },
  stamp: Date,
  kind: InvitationKind = 'invitation',
): string {
  const cancel = kind === 'cancellation';
  const cal = calendar(cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  cal.createEvent({
    id: eventUid(meeting.id, member.id),
    sequence: meeting.sequence ?? 0,
    stamp: stamp,
    start: stockholm(meeting.startsAt),
    end: stockholm(meeting.endsAt),
    timezone: MUNICIPAL_TIME_ZONE,
    summary: meeting.title,
    location: meeting.place,
    description: invitationText(meeting, links, kind),
    url: cancel ? undefined : (links.find((l) => !l.roomName) ?? links[0])?.url,
    organizer,
    attendees: [{ name: member.name, email: member.email, rsvp: false }],
    status: cancel || meeting.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return withUtcStamp(cal.toString(), stamp);
}

/** A member's personal feed: their meetings, no links (tokens are never stored to be shown again). */
export function memberFeed(memberId: string, meetings: InvitationMeeting[], stamp: Date): string {
  const cal = calendar();
  cal.name('Mötesplats');
  for (const m of meetings) {
    cal.createEvent({
      id: eventUid(m.id, memberId),
      sequence: m.sequence ?? 0,
      stamp,
      start: stockholm(m.startsAt),
      end: stockholm(m.endsAt),
      timezone: MUNICIPAL_TIME_ZONE,
      summary: m.title,
      location: m.place,
      description: 'Din personliga länk kommer med e-post eller från nämndsekreteraren. / Your personal link comes by e-mail or from the secretary.',
      status: m.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return withUtcStamp(cal.toString(), stamp);
}
