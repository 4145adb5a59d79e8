import { graphqlRequest } from '../../graphql';

/** The support capability's GraphQL operations, in one place. */

export const SKILLS = ['IT_SUPPORT', 'MEETING_SUPPORT', 'AV_BROADCAST', 'SECRETARY', 'COORDINATOR'] as const;
export const ROLES = ['MEETING_SUPPORT', 'IT_SUPPORT'] as const;
export const ABSENCE_KINDS = ['HOLIDAY', 'SICK_LEAVE', 'OTHER', 'EXTRA_AVAILABILITY'] as const;

export interface WeeklySlot {
    weekday: number;
    from: string;
    to: string;
}
export interface StaffMember {
    id: string;
    name: string;
    title: string;
    email: string | null;
    phone: string | null;
    account: string | null;
    skills: string[];
    weekly: WeeklySlot[];
    active: boolean;
    pooled: boolean;
}
export type StaffInput = Omit<StaffMember, 'id' | 'pooled'>;

export interface Absence {
    id: string;
    staffId: string;
    startsAt: string;
    endsAt: string;
    kind: string;
    note: string;
}
export interface Assignment {
    id: string;
    meetingId: string;
    meetingTitle: string;
    role: string;
    staffId: string;
    staffName: string;
    pooled: boolean;
    status: string;
    reason: string | null;
    shiftStartsAt: string;
    shiftEndsAt: string;
    meetingStartsAt: string;
    meetingEndsAt: string;
    place: string;
}
export interface Need {
    meetingId: string;
    meetingTitle: string;
    meetingStartsAt: string;
    shiftStartsAt: string;
    shiftEndsAt: string;
    role: string;
    required: number;
    covered: number;
    missing: number;
}
export interface Suggestions {
    suggestions: { rank: number; hoursThisMonth: number; staff: StaffMember }[];
    unfit: { reason: string; staff: StaffMember }[];
}
export interface ForecastRow {
    weekStart: string;
    scope: 'MUNICIPALITY' | 'POOL';
    skill: string;
    neededHours: number;
    availableHours: number;
    shortfallHours: number;
}
export interface Settings {
    usesRegionalPool: boolean;
    minutesBefore: number;
    minutesAfter: number;
}

const STAFF_FIELDS = 'id name title email phone account skills weekly { weekday from to } active pooled';
const ASSIGNMENT_FIELDS = 'id meetingId meetingTitle role staffId staffName pooled status reason shiftStartsAt shiftEndsAt meetingStartsAt meetingEndsAt place';
const NEED_FIELDS = 'meetingId meetingTitle meetingStartsAt shiftStartsAt shiftEndsAt role required covered missing';

export const fetchStaff = () =>
    graphqlRequest<{ staffMembers: { items: StaffMember[] } }>(`query { staffMembers(perPage: 100) { items { ${STAFF_FIELDS} } } }`).then(d => d.staffMembers.items);

export const fetchMe = () =>
    graphqlRequest<{ myStaffRecord: StaffMember | null }>(`query { myStaffRecord { ${STAFF_FIELDS} } }`).then(d => d.myStaffRecord);

export const createStaff = (input: StaffInput) =>
    graphqlRequest(`mutation($i: CreateStaffInput!) { createStaffMember(input: $i) { id } }`, { i: input });

export const updateStaff = (id: string, input: StaffInput) =>
    graphqlRequest(`mutation($id: ID!, $i: UpdateStaffInput!) { updateStaffMember(id: $id, input: $i) { id } }`, { id, i: input });

export const deleteStaff = (id: string) => graphqlRequest(`mutation($id: ID!) { deleteStaffMember(id: $id) }`, { id });

export const setWeekly = (staffId: string, weekly: WeeklySlot[]) =>
    graphqlRequest(`mutation($s: ID!, $w: [WeeklySlotInput!]!) { setStaffWeeklyAvailability(staffId: $s, weekly: $w) { id } }`, {
        s: staffId,
        w: weekly.map(({ weekday, from, to }) => ({ weekday, from, to })),
    });

export const fetchAbsences = (staffId: string | null) =>
    graphqlRequest<{ staffAbsences: Absence[] }>(`query($s: ID) { staffAbsences(staffId: $s) { id staffId startsAt endsAt kind note } }`, { s: staffId }).then(d => d.staffAbsences);

export const addAbsence = (input: { staffId: string; startsAt: string; endsAt: string; kind: string; note?: string }) =>
    graphqlRequest(`mutation($i: StaffAbsenceInput!) { addStaffAbsence(input: $i) { id } }`, { i: input });

export const removeAbsence = (id: string) => graphqlRequest(`mutation($id: ID!) { removeStaffAbsence(id: $id) }`, { id });

export const fetchWeek = (from: string, to: string) =>
    graphqlRequest<{ meetings: { items: { id: string; title: string; startsAt: string; endsAt: string; place: string; status: string }[] }; supportAssignments: Assignment[] }>(
        `query($from: DateTime!, $to: DateTime!) {
            meetings(perPage: 100, sortField: "startsAt", filter: { startsAfter: $from, startsBefore: $to }) { items { id title startsAt endsAt place status } }
            supportAssignments(window: { from: $from, to: $to }) { ${ASSIGNMENT_FIELDS} }
        }`,
        { from, to },
    );

export const fetchGaps = () =>
    graphqlRequest<{ supportGaps: Need[]; supportConflicts: { kind: string; message: string; assignment: Assignment }[] }>(
        `query { supportGaps { ${NEED_FIELDS} } supportConflicts { kind message assignment { ${ASSIGNMENT_FIELDS} } } }`,
    );

export const fetchSuggestions = (meetingId: string, role: string) =>
    graphqlRequest<{ supportSuggestions: Suggestions }>(
        `query($m: ID!, $r: SupportRoleKind!) { supportSuggestions(meetingId: $m, role: $r) {
            suggestions { rank hoursThisMonth staff { ${STAFF_FIELDS} } } unfit { reason staff { ${STAFF_FIELDS} } } } }`,
        { m: meetingId, r: role },
    ).then(d => d.supportSuggestions);

export const assign = (meetingId: string, role: string, staffId: string) =>
    graphqlRequest(`mutation($i: AssignSupportInput!) { assignSupport(input: $i) { id } }`, { i: { meetingId, role, staffId } });

export const fetchMyShifts = () =>
    graphqlRequest<{ mySupportShifts: Assignment[] }>(`query { mySupportShifts { ${ASSIGNMENT_FIELDS} } }`).then(d => d.mySupportShifts);

export const accept = (id: string) => graphqlRequest(`mutation($id: ID!) { acceptSupportAssignment(id: $id) { id } }`, { id });

export const decline = (id: string, reason: string) =>
    graphqlRequest(`mutation($id: ID!, $r: String) { declineSupportAssignment(id: $id, reason: $r) { id } }`, { id, r: reason || null });

export const withdraw = (id: string) => graphqlRequest(`mutation($id: ID!) { withdrawSupportAssignment(id: $id) { id } }`, { id });

export const fetchForecast = () =>
    graphqlRequest<{ supportForecast: ForecastRow[] }>(`query { supportForecast(weeks: 8) { weekStart scope skill neededHours availableHours shortfallHours } }`).then(
        d => d.supportForecast,
    );

export const fetchSettings = () =>
    graphqlRequest<{ supportSettings: Settings }>(`query { supportSettings { usesRegionalPool minutesBefore minutesAfter } }`).then(d => d.supportSettings);

export const updateSettings = (input: Partial<Settings>) =>
    graphqlRequest(`mutation($i: UpdateSupportSettingsInput!) { updateSupportSettings(input: $i) { usesRegionalPool } }`, { i: input });

export const issueFeed = (staffId: string) =>
    graphqlRequest<{ issueStaffCalendarFeed: string }>(`mutation($s: ID!) { issueStaffCalendarFeed(staffId: $s) }`, { s: staffId }).then(d => d.issueStaffCalendarFeed);

export const revokeFeed = (staffId: string) => graphqlRequest(`mutation($s: ID!) { revokeStaffCalendarFeed(staffId: $s) }`, { s: staffId });

export interface StaffTraining {
    staffId: string;
    staffName: string;
    moduleKey: string;
    moduleTitle: string;
    status: string;
    validUntil: string | null;
}

export const fetchStaffTraining = () =>
    graphqlRequest<{ staffTrainingCoverage: StaffTraining[] }>(`query { staffTrainingCoverage { staffId staffName moduleKey moduleTitle status validUntil } }`).then(d => d.staffTrainingCoverage);

export const recordStaffTraining = (staffId: string, moduleKey: string, completedOn: string) =>
    graphqlRequest(`mutation($s: ID!, $k: String!, $d: String!) { recordStaffTrainingCompletion(staffId: $s, moduleKey: $k, completedOn: $d) { status } }`, { s: staffId, k: moduleKey, d: completedOn });
