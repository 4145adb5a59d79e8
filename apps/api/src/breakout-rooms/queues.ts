/** Opens and closes rooms at window edges (provisioning them on the video platform). */
export const ROOMS_QUEUE = 'breakout-rooms';
/** Sends members their join links before rooms open. */
export const DELIVERY_QUEUE = 'join-link-delivery';

export interface MeetingJobData {
  tenantId: string;
  meetingId: string;
}
