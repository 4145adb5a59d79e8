import {
    AttendanceMode,
    BodyKind,
    CoverageStatus,
    IdentityLevel,
    IncidentCategory,
    MeetingStatus,
    MembershipRole,
    StaffAbsenceKind,
    SupportRoleKind,
    SupportSkill,
    SurveyChoice,
    SurveyQuestionKind,
    TrainingAudience,
    TrainingKind,
} from './gql/graphql';

/**
 * The values of an enum as the schema defines them (the generated `const` object), in the
 * order the admin shows them. `rank` must name every value and nothing else, so an enum
 * value added, renamed or removed in schema.graphql fails the admin's type-check here.
 */
export const enumValues = <E extends string>(schemaEnum: Record<string, E>, rank: Record<NoInfer<E>, number>): E[] =>
    Object.values(schemaEnum).sort((a, b) => rank[a] - rank[b]);

// Labels are i18n keys, so SelectInput/SelectField translate them in the current locale.
const choices = (prefix: string, values: readonly string[]) => values.map(id => ({ id, name: `${prefix}.${id}` }));

export const bodyKinds = enumValues(BodyKind, {
    COUNCIL: 0,
    EXECUTIVE_BOARD: 1,
    COMMITTEE: 2,
    SUB_COMMITTEE: 3,
    COMPANY_BOARD: 4,
});
export const bodyKindChoices = choices('resources.bodies.kind', bodyKinds);

export const membershipRoles = enumValues(MembershipRole, { CHAIR: 0, VICE_CHAIR: 1, MEMBER: 2, DEPUTY: 3 });
export const membershipRoleChoices = choices('resources.body-memberships.role', membershipRoles);

export type { MeetingStatus };
export const meetingStatuses = enumValues(MeetingStatus, {
    PLANNED: 0,
    CONVENED: 1,
    IN_PROGRESS: 2,
    RECESS: 3,
    ENDED: 4,
    CANCELLED: 5,
});
export const meetingStatusChoices = choices('resources.meetings.status', meetingStatuses);

export const attendanceModes = enumValues(AttendanceMode, { ON_SITE: 0, REMOTE: 1, ABSENT: 2 });
export const attendanceModeChoices = choices('resources.attendances.mode', attendanceModes);

export const identityLevels = enumValues(IdentityLevel, { NONE: 0, MUNICIPAL_ACCOUNT: 1, E_ID: 2 });
export const identityLevelChoices = choices('resources.members.identity', identityLevels);

export const trainingAudiences = enumValues(TrainingAudience, {
    MEMBER: 0,
    CHAIR: 1,
    SECRETARY: 2,
    SUPPORT_STAFF: 3,
    COORDINATOR: 4,
});
export const trainingKinds = enumValues(TrainingKind, { E_LEARNING: 0, INSTRUCTION: 1, PRACTICE_SESSION: 2 });
export const coverageStatuses = enumValues(CoverageStatus, { TRAINED: 0, EXPIRING: 1, EXPIRED: 2, MISSING: 3 });

export const supportSkills = enumValues(SupportSkill, {
    IT_SUPPORT: 0,
    MEETING_SUPPORT: 1,
    AV_BROADCAST: 2,
    SECRETARY: 3,
    COORDINATOR: 4,
});
export const supportRoleKinds = enumValues(SupportRoleKind, { MEETING_SUPPORT: 0, IT_SUPPORT: 1 });
export const staffAbsenceKinds = enumValues(StaffAbsenceKind, {
    HOLIDAY: 0,
    SICK_LEAVE: 1,
    OTHER: 2,
    EXTRA_AVAILABILITY: 3,
});
export const incidentCategories = enumValues(IncidentCategory, {
    AUDIO: 0,
    VIDEO: 1,
    CONNECTION: 2,
    SIGN_IN: 3,
    DOCUMENTS: 4,
    VOTING: 5,
    OTHER: 6,
});
export const surveyQuestionKinds = enumValues(SurveyQuestionKind, { CHOICE: 0, NUMBER: 1, TEXT: 2 });
export const surveyChoices = enumValues(SurveyChoice, { YES: 0, NO: 1, PARTLY: 2 });
