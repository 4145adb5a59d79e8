import { registerEnumType } from '@nestjs/graphql';

export enum MeetingStatus {
  PLANNED = 'planned',
  CONVENED = 'convened',
  IN_PROGRESS = 'in_progress',
  RECESS = 'recess',
  ENDED = 'ended',
  CANCELLED = 'cancelled',
}
registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  valuesMap: {
    PLANNED: { description: 'Planerat' },
    CONVENED: { description: 'Kallat: the notice (kallelse) has gone out' },
    IN_PROGRESS: { description: 'Pågår' },
    RECESS: { description: 'Ajournerat: a recess, when party groups may meet' },
    ENDED: { description: 'Avslutat' },
    CANCELLED: { description: 'Inställt' },
  },
});

/** planned → convened → in progress ⇄ recess → ended; planned or convened → cancelled. */
const NEXT: Record<MeetingStatus, MeetingStatus[]> = {
  [MeetingStatus.PLANNED]: [MeetingStatus.CONVENED, MeetingStatus.CANCELLED],
  [MeetingStatus.CONVENED]: [MeetingStatus.IN_PROGRESS, MeetingStatus.CANCELLED],
  [MeetingStatus.IN_PROGRESS]: [MeetingStatus.RECESS, MeetingStatus.ENDED],
  [MeetingStatus.RECESS]: [MeetingStatus.IN_PROGRESS, MeetingStatus.ENDED],
  [MeetingStatus.ENDED]: [],
  [MeetingStatus.CANCELLED]: [],
};

export function nextStatuses(from: MeetingStatus): MeetingStatus[] {
  return NEXT[from];
}

export function canTransition(from: MeetingStatus, to: MeetingStatus): boolean {
  return NEXT[from].includes(to);
}

/** Ended and cancelled meetings are the record: their plan no longer changes. */
export function isClosed(status: MeetingStatus): boolean {
  return status === MeetingStatus.ENDED || status === MeetingStatus.CANCELLED;
}
