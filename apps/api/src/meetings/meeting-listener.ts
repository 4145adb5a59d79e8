import type { Meeting } from './meeting.entity.js';

/**
 * Told, inside the same transaction, when a meeting moves, changes status, or starts or ends
 * a recess — so capabilities built on meetings (break-out rooms) follow without the meeting
 * model knowing them.
 */
export interface MeetingListener {
  meetingChanged(before: Meeting, after: Meeting): Promise<void>;
}
