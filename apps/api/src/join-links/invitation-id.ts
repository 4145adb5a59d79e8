import { createHash } from 'node:crypto';
import { JoinLink } from './join-link.entity.js';

/** The namespace of invitation ids (a fixed random UUID: ids are never compared across products). */
const NAMESPACE = Buffer.from('4f0c6a5e8d3b4b7c9a1e2f6d5c4b3a29', 'hex');

/**
 * The id an invitation has before and after its row is written: a name-based UUID (version 5)
 * of what it invites to (a meeting or a practice session), the room (none: the meeting or
 * session itself) and the member. Reading a meeting's links lists invitations that have no row
 * yet under this id, and the row written when they are sent (or resent, or revoked) gets the
 * same id, so the id the secretary saw stays the link's id.
 */
export function invitationId(targetId: string, roomId: string | null, memberId: string): string {
  const hash = createHash('sha1')
    .update(NAMESPACE)
    .update(`${targetId}:${roomId ?? ''}:${memberId}`)
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An invitation listed before its row is written: what the row will hold when it is. */
export function unwritten(
  tenantId: string,
  of: { meetingId?: string; practiceSessionId?: string; roomId: string | null; memberId: string },
  now: Date,
): JoinLink {
  const target = (of.meetingId ?? of.practiceSessionId)!;
  return Object.assign(new JoinLink(), {
    tenantId,
    id: invitationId(target, of.roomId, of.memberId),
    createdAt: now,
    updatedAt: now,
    meetingId: of.meetingId ?? null,
    practiceSessionId: of.practiceSessionId ?? null,
    roomId: of.roomId,
    memberId: of.memberId,
    tokenHash: null,
    issuedAt: null,
    revokedAt: null,
    deliveredAt: null,
    deliveryChannel: null,
    deliveryError: null,
    firstUsedAt: null,
    lastUsedAt: null,
    useCount: 0,
  });
}
