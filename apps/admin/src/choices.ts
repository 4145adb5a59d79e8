// Enum values as the API spells them; labels are i18n keys, so SelectInput/SelectField
// translate them in the current locale.
const choices = (prefix: string, values: readonly string[]) =>
    values.map(id => ({ id, name: `${prefix}.${id}` }));

export const bodyKinds = ['COUNCIL', 'EXECUTIVE_BOARD', 'COMMITTEE', 'SUB_COMMITTEE', 'COMPANY_BOARD'] as const;
export const bodyKindChoices = choices('resources.bodies.kind', bodyKinds);

export const membershipRoles = ['CHAIR', 'VICE_CHAIR', 'MEMBER', 'DEPUTY'] as const;
export const membershipRoleChoices = choices('resources.body-memberships.role', membershipRoles);

export const meetingStatuses = ['PLANNED', 'CONVENED', 'IN_PROGRESS', 'RECESS', 'ENDED', 'CANCELLED'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const meetingStatusChoices = choices('resources.meetings.status', meetingStatuses);

export const attendanceModes = ['ON_SITE', 'REMOTE', 'ABSENT'] as const;
export const attendanceModeChoices = choices('resources.attendances.mode', attendanceModes);

export const identityLevels = ['NONE', 'MUNICIPAL_ACCOUNT', 'E_ID'] as const;
export const identityLevelChoices = choices('resources.members.identity', identityLevels);

/** planned → convened → in progress ⇄ recess → ended, or → cancelled before it ends. */
export const nextMeetingStatuses: Record<MeetingStatus, MeetingStatus[]> = {
    PLANNED: ['CONVENED', 'CANCELLED'],
    CONVENED: ['IN_PROGRESS', 'CANCELLED'],
    IN_PROGRESS: ['RECESS', 'ENDED', 'CANCELLED'],
    RECESS: ['IN_PROGRESS', 'ENDED', 'CANCELLED'],
    ENDED: [],
    CANCELLED: [],
};
