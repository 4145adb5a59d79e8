/**
 * Where practice sessions get their video room and members' personal join links. The
 * break-out-room work provides this (rooms on the municipality's video platform, links
 * bound to the session's window); until it is registered, invitees simply have no link
 * and the session is announced without one. Nothing here invents a link.
 */
export interface PracticeSessionRooms {
  /** The member's personal join link for the session, or null when none can be issued now. */
  joinUrlFor(session: { id: string; startsAt: Date; endsAt: Date }, memberId: string): Promise<string | null>;
}

export const PRACTICE_SESSION_ROOMS = Symbol('PRACTICE_SESSION_ROOMS');
