import { REGIONAL_TEMPLATE, type BodyType, type BreakoutRoomPolicy } from '@motesplats/rules';
import type { Body } from '../bodies/body.entity.js';
import type { Meeting } from '../meetings/meeting.entity.js';

/**
 * Where the municipality's break-out room policy for a meeting comes from. Called inside the
 * meeting's tenant transaction. Until stored rule sets exist, every municipality follows the
 * regional template for the body's type.
 */
export interface BreakoutPolicySource {
  forMeeting(meeting: Meeting, body: Body): Promise<BreakoutRoomPolicy>;
}

export const BREAKOUT_POLICY = Symbol('BREAKOUT_POLICY');

export const regionalTemplatePolicy: BreakoutPolicySource = {
  forMeeting: async (_meeting, body) => REGIONAL_TEMPLATE.bodyTypes[body.kind as BodyType].breakoutRooms,
};
