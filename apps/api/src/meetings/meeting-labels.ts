import { MeetingStatus } from './meeting-status.js';

const SV: Record<MeetingStatus, string> = {
  [MeetingStatus.PLANNED]: 'Planerat',
  [MeetingStatus.CONVENED]: 'Kallat',
  [MeetingStatus.IN_PROGRESS]: 'Pågår',
  [MeetingStatus.RECESS]: 'Ajournerat',
  [MeetingStatus.ENDED]: 'Avslutat',
  [MeetingStatus.CANCELLED]: 'Inställt',
};

export const statusLabel = (s: MeetingStatus): string => SV[s];
