import { AppError } from '../common/app-error.js';

/**
 * Why a room cannot be had, as stable codes (extensions.reason) next to a message a secretary
 * understands. There is deliberately no reason for "a party meeting of its own": the API has no
 * way to ask for one (Timrå, KS/2020:543 — the municipality does not convene party deliberations
 * apart from its own meetings).
 */
export type RoomRefusal = 'NO_MEETING' | 'MEETING_NOT_CONVENED' | 'ROOMS_DISABLED' | 'PARTY_GROUP_NOT_ELIGIBLE' | 'ROOM_EXISTS';

const MESSAGES: Record<RoomRefusal, string> = {
  NO_MEETING:
    'Grupprum finns bara i anslutning till ett sammanträde som kommunen kallar till. Det mötet finns inte; partiernas egna möten ordnar partierna själva.',
  MEETING_NOT_CONVENED: 'Grupprum öppnas bara för sammanträden som kommunen har kallat till. Kalla till mötet först.',
  ROOMS_DISABLED: 'Kommunens regler ger inga grupprum för möten i det här organet.',
  PARTY_GROUP_NOT_ELIGIBLE: 'Partigruppen får inget grupprum: enligt kommunens regler får bara partigrupper med mandat grupprum.',
  ROOM_EXISTS: 'Partigruppen har redan ett grupprum till mötet.',
};

export function refuseRoom(reason: RoomRefusal): AppError {
  return new AppError(reason === 'ROOM_EXISTS' ? 'CONFLICT' : 'RULE_VIOLATION', MESSAGES[reason], { reason });
}
