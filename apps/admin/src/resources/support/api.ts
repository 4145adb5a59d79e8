import { staffAbsenceKinds, supportRoleKinds, supportSkills } from '../../choices';
import { graphql } from '../../gql';
import type {
    AssignmentFieldsFragment,
    NeedFieldsFragment,
    StaffAbsenceInput,
    StaffAbsenceKind,
    StaffMemberFieldsFragment,
    SupportForecastQuery,
    SupportRoleKind,
    SupportSettingsQuery,
    SupportSuggestionsQuery,
    StaffTrainingCoverageQuery,
    UpdateSupportSettingsInput,
    WeeklySlotInput,
} from '../../gql/graphql';
import { graphqlRequest } from '../../graphql';

/** The support capability's GraphQL operations, in one place. */

// The schema's enum values (see choices.ts), in the order the support pages show them.
export const SKILLS = supportSkills;
export const ROLES = supportRoleKinds;
export const ABSENCE_KINDS = staffAbsenceKinds;

export type WeeklySlot = WeeklySlotInput;
export type StaffMember = StaffMemberFieldsFragment;
export type StaffInput = Omit<StaffMember, 'id' | 'pooled' | '__typename'>;
export type Assignment = AssignmentFieldsFragment;
export type Need = NeedFieldsFragment;
export type Suggestions = SupportSuggestionsQuery['supportSuggestions'];
export type ForecastRow = SupportForecastQuery['supportForecast'][number];
export type Settings = SupportSettingsQuery['supportSettings'];
export type { StaffAbsenceKind };
export type StaffTraining = StaffTrainingCoverageQuery['staffTrainingCoverage'][number];

graphql(`
    fragment StaffMemberFields on StaffMember {
        id
        name
        title
        email
        phone
        account
        skills
        weekly {
            weekday
            from
            to
        }
        active
        pooled
    }
`);
graphql(`
    fragment AssignmentFields on SupportAssignment {
        id
        meetingId
        meetingTitle
        role
        staffId
        staffName
        pooled
        status
        reason
        shiftStartsAt
        shiftEndsAt
        meetingStartsAt
        meetingEndsAt
        place
    }
`);
graphql(`
    fragment NeedFields on SupportNeed {
        meetingId
        meetingTitle
        meetingStartsAt
        shiftStartsAt
        shiftEndsAt
        role
        required
        covered
        missing
    }
`);

const StaffDocument = graphql(`
    query StaffMembers {
        staffMembers(perPage: 100) {
            items {
                ...StaffMemberFields
            }
        }
    }
`);
const MyStaffRecordDocument = graphql(`
    query MyStaffRecord {
        myStaffRecord {
            ...StaffMemberFields
        }
    }
`);
const CreateStaffDocument = graphql(`
    mutation CreateStaffMember($i: CreateStaffInput!) {
        createStaffMember(input: $i) {
            id
        }
    }
`);
const UpdateStaffDocument = graphql(`
    mutation UpdateStaffMember($id: ID!, $i: UpdateStaffInput!) {
        updateStaffMember(id: $id, input: $i) {
            id
        }
    }
`);
const DeleteStaffDocument = graphql(`
    mutation DeleteStaffMember($id: ID!) {
        deleteStaffMember(id: $id)
    }
`);
const SetWeeklyDocument = graphql(`
    mutation SetStaffWeeklyAvailability($s: ID!, $w: [WeeklySlotInput!]!) {
        setStaffWeeklyAvailability(staffId: $s, weekly: $w) {
            id
        }
    }
`);
const AbsencesDocument = graphql(`
    query StaffAbsences($s: ID) {
        staffAbsences(staffId: $s) {
            id
            staffId
            startsAt
            endsAt
            kind
            note
        }
    }
`);
const AddAbsenceDocument = graphql(`
    mutation AddStaffAbsence($i: StaffAbsenceInput!) {
        addStaffAbsence(input: $i) {
            id
        }
    }
`);
const RemoveAbsenceDocument = graphql(`
    mutation RemoveStaffAbsence($id: ID!) {
        removeStaffAbsence(id: $id)
    }
`);
const WeekDocument = graphql(`
    query SupportWeek($from: DateTime!, $to: DateTime!) {
        meetings(perPage: 100, sortField: "startsAt", filter: { startsAfter: $from, startsBefore: $to }) {
            items {
                id
                title
                startsAt
                endsAt
                place
                status
            }
        }
        supportAssignments(window: { from: $from, to: $to }) {
            ...AssignmentFields
        }
    }
`);
const GapsDocument = graphql(`
    query SupportGaps {
        supportGaps {
            ...NeedFields
        }
        supportConflicts {
            kind
            message
            assignment {
                ...AssignmentFields
            }
        }
    }
`);
const SuggestionsDocument = graphql(`
    query SupportSuggestions($m: ID!, $r: SupportRoleKind!) {
        supportSuggestions(meetingId: $m, role: $r) {
            suggestions {
                rank
                hoursThisMonth
                staff {
                    ...StaffMemberFields
                }
            }
            unfit {
                reason
                staff {
                    ...StaffMemberFields
                }
            }
        }
    }
`);
const AssignDocument = graphql(`
    mutation AssignSupport($i: AssignSupportInput!) {
        assignSupport(input: $i) {
            id
        }
    }
`);
const MyShiftsDocument = graphql(`
    query MySupportShifts {
        mySupportShifts {
            ...AssignmentFields
        }
    }
`);
const AcceptDocument = graphql(`
    mutation AcceptSupportAssignment($id: ID!) {
        acceptSupportAssignment(id: $id) {
            id
        }
    }
`);
const DeclineDocument = graphql(`
    mutation DeclineSupportAssignment($id: ID!, $r: String) {
        declineSupportAssignment(id: $id, reason: $r) {
            id
        }
    }
`);
const WithdrawDocument = graphql(`
    mutation WithdrawSupportAssignment($id: ID!) {
        withdrawSupportAssignment(id: $id) {
            id
        }
    }
`);
const ForecastDocument = graphql(`
    query SupportForecast {
        supportForecast(weeks: 8) {
            weekStart
            scope
            skill
            neededHours
            availableHours
            shortfallHours
        }
    }
`);
const SettingsDocument = graphql(`
    query SupportSettings {
        supportSettings {
            usesRegionalPool
            minutesBefore
            minutesAfter
        }
    }
`);
const UpdateSettingsDocument = graphql(`
    mutation UpdateSupportSettings($i: UpdateSupportSettingsInput!) {
        updateSupportSettings(input: $i) {
            usesRegionalPool
        }
    }
`);
const IssueFeedDocument = graphql(`
    mutation IssueStaffCalendarFeed($s: ID!) {
        issueStaffCalendarFeed(staffId: $s)
    }
`);
const RevokeFeedDocument = graphql(`
    mutation RevokeStaffCalendarFeed($s: ID!) {
        revokeStaffCalendarFeed(staffId: $s)
    }
`);
const StaffTrainingDocument = graphql(`
    query StaffTrainingCoverage {
        staffTrainingCoverage {
            staffId
            staffName
            moduleKey
            moduleTitle
            status
            validUntil
        }
    }
`);
const RecordStaffTrainingDocument = graphql(`
    mutation RecordStaffTrainingCompletion($s: ID!, $k: String!, $d: String!) {
        recordStaffTrainingCompletion(staffId: $s, moduleKey: $k, completedOn: $d) {
            status
        }
    }
`);

const PoolMunicipalitiesDocument = graphql(`
    query SupportPoolMunicipalities {
        supportPoolMunicipalities {
            municipalityId
            name
            usesRegionalPool
        }
    }
`);

/** Coordinators: the region's municipalities and which of them use the pool. */
export const fetchPoolMunicipalities = () =>
    graphqlRequest(PoolMunicipalitiesDocument).then(d => d.supportPoolMunicipalities);

export const fetchStaff = () => graphqlRequest(StaffDocument).then(d => d.staffMembers.items);

export const fetchMe = () => graphqlRequest(MyStaffRecordDocument).then(d => d.myStaffRecord);

export const createStaff = (input: StaffInput) => graphqlRequest(CreateStaffDocument, { i: input });

export const updateStaff = (id: string, input: StaffInput) => graphqlRequest(UpdateStaffDocument, { id, i: input });

export const deleteStaff = (id: string) => graphqlRequest(DeleteStaffDocument, { id });

export const setWeekly = (staffId: string, weekly: WeeklySlot[]) =>
    graphqlRequest(SetWeeklyDocument, {
        s: staffId,
        w: weekly.map(({ weekday, from, to }) => ({ weekday, from, to })),
    });

export const fetchAbsences = (staffId: string | null) =>
    graphqlRequest(AbsencesDocument, { s: staffId }).then(d => d.staffAbsences);
export type Absence = Awaited<ReturnType<typeof fetchAbsences>>[number];

export const addAbsence = (input: StaffAbsenceInput) => graphqlRequest(AddAbsenceDocument, { i: input });

export const removeAbsence = (id: string) => graphqlRequest(RemoveAbsenceDocument, { id });

export const fetchWeek = (from: string, to: string) => graphqlRequest(WeekDocument, { from, to });

export const fetchGaps = () => graphqlRequest(GapsDocument);

export const fetchSuggestions = (meetingId: string, role: SupportRoleKind) =>
    graphqlRequest(SuggestionsDocument, { m: meetingId, r: role }).then(d => d.supportSuggestions);

export const assign = (meetingId: string, role: SupportRoleKind, staffId: string) =>
    graphqlRequest(AssignDocument, { i: { meetingId, role, staffId } });

export const fetchMyShifts = () => graphqlRequest(MyShiftsDocument).then(d => d.mySupportShifts);

export const accept = (id: string) => graphqlRequest(AcceptDocument, { id });

export const decline = (id: string, reason: string) => graphqlRequest(DeclineDocument, { id, r: reason || null });

export const withdraw = (id: string) => graphqlRequest(WithdrawDocument, { id });

export const fetchForecast = () => graphqlRequest(ForecastDocument).then(d => d.supportForecast);

export const fetchSettings = () => graphqlRequest(SettingsDocument).then(d => d.supportSettings);

export const updateSettings = (input: UpdateSupportSettingsInput) =>
    graphqlRequest(UpdateSettingsDocument, { i: input });

export const issueFeed = (staffId: string) =>
    graphqlRequest(IssueFeedDocument, { s: staffId }).then(d => d.issueStaffCalendarFeed);

export const revokeFeed = (staffId: string) => graphqlRequest(RevokeFeedDocument, { s: staffId });

export const fetchStaffTraining = () => graphqlRequest(StaffTrainingDocument).then(d => d.staffTrainingCoverage);

export const recordStaffTraining = (staffId: string, moduleKey: string, completedOn: string) =>
    graphqlRequest(RecordStaffTrainingDocument, { s: staffId, k: moduleKey, d: completedOn });
