import ical, { ICalEventStatus } from 'ical-generator';

export interface FeedShift {
  assignmentId: string;
  status: string;
  role: string;
  title: string;
  place: string;
  shiftStartsAt: Date;
  shiftEndsAt: Date;
  meetingStartsAt: Date;
}

const ROLE_TEXT: Record<string, string> = { it_support: 'IT-support', meeting_support: 'Mötesstöd' };

/**
 * A staff member's shifts as iCalendar. Times are written in UTC (…Z), which every calendar
 * reads as the same instant whatever its own zone — no VTIMEZONE needed. Declined and withdrawn
 * shifts stay in the feed as cancelled, so subscribed calendars drop them.
 */
export function staffFeed(shifts: FeedShift[], now: Date): string {
  const calendar = ical({ prodId: { company: 'Fyrbodals kommunalförbund', product: 'Mötesplats', language: 'SV' }, name: 'Mötesplats – mina pass' });
  for (const s of shifts) {
    const active = s.status === 'assigned' || s.status === 'accepted';
    calendar.createEvent({
      id: `${s.assignmentId}@motesplats-support`,
      stamp: now,
      start: s.shiftStartsAt,
      end: s.shiftEndsAt,
      summary: `${ROLE_TEXT[s.role] ?? s.role}: ${s.title}`,
      location: s.place,
      description: `Mötet börjar ${new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', timeStyle: 'short' }).format(s.meetingStartsAt)}. Passet omfattar förberedelse före och tid efter mötet.`,
      status: !active ? ICalEventStatus.CANCELLED : s.status === 'accepted' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
    });
  }
  return calendar.toString();
}
