import type { DataProvider, Identifier, RaRecord } from 'react-admin';
import { getLimits } from './limits';
import { ApiError, graphqlRequest } from './graphql';
import { graphql } from './gql';
import type {
    CreateAgendaItemInput,
    CreateAttendanceInput,
    CreateBodyInput,
    CreateBodyMembershipInput,
    CreateMeetingInput,
    CreateMemberInput,
    CreatePartyGroupInput,
    CreatePartyInput,
    MeetingStatus,
    TypedDocumentString,
    UpdateAgendaItemInput,
    UpdateAttendanceInput,
    UpdateBodyInput,
    UpdateBodyMembershipInput,
    UpdateMeetingInput,
    UpdateMemberInput,
    UpdatePartyGroupInput,
    UpdatePartyInput,
} from './gql/graphql';

/*
 * One typed document per operation and resource, checked against schema.graphql by codegen
 * (`npm run codegen`). The generic provider below only sees their common shape.
 */
// municipalities
graphql(`
    fragment MunicipalityFields on Municipality {
        id
        name
        code
        slug
    }
`);
const MunicipalityList = graphql(`
    query MunicipalityList($page: Int!, $perPage: Int!, $sortField: String, $sortOrder: SortOrder) {
        result: municipalities(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {
            items {
                ...MunicipalityFields
            }
            total
        }
    }
`);

// bodies
graphql(`
    fragment BodyFields on Body {
        id
        name
        kind
        parentBodyId
        parentBody {
            id
            name
        }
    }
`);
const BodyList = graphql(`
    query BodyList($page: Int!, $perPage: Int!, $sortField: String, $sortOrder: SortOrder, $filter: BodyFilter) {
        result: bodies(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
            items {
                ...BodyFields
            }
            total
        }
    }
`);
const BodyOne = graphql(`
    query BodyOne($id: ID!) {
        result: body(id: $id) {
            ...BodyFields
        }
    }
`);
const BodyCreate = graphql(`
    mutation BodyCreate($input: CreateBodyInput!) {
        result: createBody(input: $input) {
            ...BodyFields
        }
    }
`);
const BodyUpdate = graphql(`
    mutation BodyUpdate($id: ID!, $input: UpdateBodyInput!) {
        result: updateBody(id: $id, input: $input) {
            ...BodyFields
        }
    }
`);
const BodyDelete = graphql(`
    mutation BodyDelete($id: ID!) {
        result: deleteBody(id: $id)
    }
`);

// parties
graphql(`
    fragment PartyFields on Party {
        id
        name
        abbreviation
    }
`);
const PartyList = graphql(`
    query PartyList($page: Int!, $perPage: Int!, $sortField: String, $sortOrder: SortOrder, $filter: PartyFilter) {
        result: parties(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
            items {
                ...PartyFields
            }
            total
        }
    }
`);
const PartyOne = graphql(`
    query PartyOne($id: ID!) {
        result: party(id: $id) {
            ...PartyFields
        }
    }
`);
const PartyCreate = graphql(`
    mutation PartyCreate($input: CreatePartyInput!) {
        result: createParty(input: $input) {
            ...PartyFields
        }
    }
`);
const PartyUpdate = graphql(`
    mutation PartyUpdate($id: ID!, $input: UpdatePartyInput!) {
        result: updateParty(id: $id, input: $input) {
            ...PartyFields
        }
    }
`);
const PartyDelete = graphql(`
    mutation PartyDelete($id: ID!) {
        result: deleteParty(id: $id)
    }
`);

// party-groups
graphql(`
    fragment PartyGroupFields on PartyGroup {
        id
        name
        partyId
        party {
            id
            name
            abbreviation
        }
        councilSeats
    }
`);
const PartyGroupList = graphql(`
    query PartyGroupList(
        $page: Int!
        $perPage: Int!
        $sortField: String
        $sortOrder: SortOrder
        $filter: PartyGroupFilter
    ) {
        result: partyGroups(
            page: $page
            perPage: $perPage
            sortField: $sortField
            sortOrder: $sortOrder
            filter: $filter
        ) {
            items {
                ...PartyGroupFields
            }
            total
        }
    }
`);
const PartyGroupOne = graphql(`
    query PartyGroupOne($id: ID!) {
        result: partyGroup(id: $id) {
            ...PartyGroupFields
        }
    }
`);
const PartyGroupCreate = graphql(`
    mutation PartyGroupCreate($input: CreatePartyGroupInput!) {
        result: createPartyGroup(input: $input) {
            ...PartyGroupFields
        }
    }
`);
const PartyGroupUpdate = graphql(`
    mutation PartyGroupUpdate($id: ID!, $input: UpdatePartyGroupInput!) {
        result: updatePartyGroup(id: $id, input: $input) {
            ...PartyGroupFields
        }
    }
`);
const PartyGroupDelete = graphql(`
    mutation PartyGroupDelete($id: ID!) {
        result: deletePartyGroup(id: $id)
    }
`);

// members
graphql(`
    fragment MemberFields on Member {
        id
        name
        email
        phone
        partyId
        party {
            id
            abbreviation
            name
        }
        identityLevel
    }
`);
const MemberList = graphql(`
    query MemberList($page: Int!, $perPage: Int!, $sortField: String, $sortOrder: SortOrder, $filter: MemberFilter) {
        result: members(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
            items {
                ...MemberFields
            }
            total
        }
    }
`);
const MemberOne = graphql(`
    query MemberOne($id: ID!) {
        result: member(id: $id) {
            ...MemberFields
        }
    }
`);
const MemberCreate = graphql(`
    mutation MemberCreate($input: CreateMemberInput!) {
        result: createMember(input: $input) {
            ...MemberFields
        }
    }
`);
const MemberUpdate = graphql(`
    mutation MemberUpdate($id: ID!, $input: UpdateMemberInput!) {
        result: updateMember(id: $id, input: $input) {
            ...MemberFields
        }
    }
`);
const MemberDelete = graphql(`
    mutation MemberDelete($id: ID!) {
        result: deleteMember(id: $id)
    }
`);

// body-memberships
graphql(`
    fragment BodyMembershipFields on BodyMembership {
        id
        bodyId
        memberId
        role
        body {
            id
            name
        }
        member {
            id
            name
        }
    }
`);
const BodyMembershipList = graphql(`
    query BodyMembershipList(
        $page: Int!
        $perPage: Int!
        $sortField: String
        $sortOrder: SortOrder
        $filter: BodyMembershipFilter
    ) {
        result: bodyMemberships(
            page: $page
            perPage: $perPage
            sortField: $sortField
            sortOrder: $sortOrder
            filter: $filter
        ) {
            items {
                ...BodyMembershipFields
            }
            total
        }
    }
`);
const BodyMembershipOne = graphql(`
    query BodyMembershipOne($id: ID!) {
        result: bodyMembership(id: $id) {
            ...BodyMembershipFields
        }
    }
`);
const BodyMembershipCreate = graphql(`
    mutation BodyMembershipCreate($input: CreateBodyMembershipInput!) {
        result: createBodyMembership(input: $input) {
            ...BodyMembershipFields
        }
    }
`);
const BodyMembershipUpdate = graphql(`
    mutation BodyMembershipUpdate($id: ID!, $input: UpdateBodyMembershipInput!) {
        result: updateBodyMembership(id: $id, input: $input) {
            ...BodyMembershipFields
        }
    }
`);
const BodyMembershipDelete = graphql(`
    mutation BodyMembershipDelete($id: ID!) {
        result: deleteBodyMembership(id: $id)
    }
`);

// meetings
graphql(`
    fragment MeetingFields on Meeting {
        id
        title
        bodyId
        body {
            id
            name
            kind
        }
        startsAt
        endsAt
        place
        status
        platformKey
        nextStatuses
    }
`);
const MeetingList = graphql(`
    query MeetingList($page: Int!, $perPage: Int!, $sortField: String, $sortOrder: SortOrder, $filter: MeetingFilter) {
        result: meetings(
            page: $page
            perPage: $perPage
            sortField: $sortField
            sortOrder: $sortOrder
            filter: $filter
        ) {
            items {
                ...MeetingFields
            }
            total
        }
    }
`);
const MeetingOne = graphql(`
    query MeetingOne($id: ID!) {
        result: meeting(id: $id) {
            ...MeetingFields
        }
    }
`);
const MeetingCreate = graphql(`
    mutation MeetingCreate($input: CreateMeetingInput!) {
        result: createMeeting(input: $input) {
            ...MeetingFields
        }
    }
`);
const MeetingUpdate = graphql(`
    mutation MeetingUpdate($id: ID!, $input: UpdateMeetingInput!) {
        result: updateMeeting(id: $id, input: $input) {
            ...MeetingFields
        }
    }
`);
const MeetingDelete = graphql(`
    mutation MeetingDelete($id: ID!) {
        result: deleteMeeting(id: $id)
    }
`);

// agenda-items
graphql(`
    fragment AgendaItemFields on AgendaItem {
        id
        meetingId
        number
        title
        confidential
        closedVote
        kinds
    }
`);
const AgendaItemList = graphql(`
    query AgendaItemList(
        $page: Int!
        $perPage: Int!
        $sortField: String
        $sortOrder: SortOrder
        $filter: AgendaItemFilter
    ) {
        result: agendaItems(
            page: $page
            perPage: $perPage
            sortField: $sortField
            sortOrder: $sortOrder
            filter: $filter
        ) {
            items {
                ...AgendaItemFields
            }
            total
        }
    }
`);
const AgendaItemOne = graphql(`
    query AgendaItemOne($id: ID!) {
        result: agendaItem(id: $id) {
            ...AgendaItemFields
        }
    }
`);
const AgendaItemCreate = graphql(`
    mutation AgendaItemCreate($input: CreateAgendaItemInput!) {
        result: createAgendaItem(input: $input) {
            ...AgendaItemFields
        }
    }
`);
const AgendaItemUpdate = graphql(`
    mutation AgendaItemUpdate($id: ID!, $input: UpdateAgendaItemInput!) {
        result: updateAgendaItem(id: $id, input: $input) {
            ...AgendaItemFields
        }
    }
`);
const AgendaItemDelete = graphql(`
    mutation AgendaItemDelete($id: ID!) {
        result: deleteAgendaItem(id: $id)
    }
`);

// attendances
graphql(`
    fragment AttendanceFields on Attendance {
        id
        meetingId
        memberId
        member {
            id
            name
        }
        mode
        joinedAt
        leftAt
        consentsToRemoteMeeting
        documentsDelivered
        replacesMemberId
    }
`);
const AttendanceList = graphql(`
    query AttendanceList(
        $page: Int!
        $perPage: Int!
        $sortField: String
        $sortOrder: SortOrder
        $filter: AttendanceFilter
    ) {
        result: attendances(
            page: $page
            perPage: $perPage
            sortField: $sortField
            sortOrder: $sortOrder
            filter: $filter
        ) {
            items {
                ...AttendanceFields
            }
            total
        }
    }
`);
const AttendanceOne = graphql(`
    query AttendanceOne($id: ID!) {
        result: attendance(id: $id) {
            ...AttendanceFields
        }
    }
`);
const AttendanceCreate = graphql(`
    mutation AttendanceCreate($input: CreateAttendanceInput!) {
        result: createAttendance(input: $input) {
            ...AttendanceFields
        }
    }
`);
const AttendanceUpdate = graphql(`
    mutation AttendanceUpdate($id: ID!, $input: UpdateAttendanceInput!) {
        result: updateAttendance(id: $id, input: $input) {
            ...AttendanceFields
        }
    }
`);
const AttendanceDelete = graphql(`
    mutation AttendanceDelete($id: ID!) {
        result: deleteAttendance(id: $id)
    }
`);

// The generic provider sends react-admin's own filter and input objects; what each resource's
// documents accept is checked by codegen, and the input field lists below by the type-check.
type Doc<R> = TypedDocumentString<R, any>;
type Result<R> = { result: R };

/**
 * How one react-admin resource maps onto the GraphQL contract: its documents, and which
 * record fields the API accepts in its create and update inputs (react-admin records also
 * carry ids and nested relations that the inputs must not receive, and the update inputs
 * deliberately omit the owning keys, e.g. an attendance cannot move to another meeting or member).
 */
interface ResourceDef {
    list: Doc<Result<{ items: RaRecord[]; total: number }>>;
    /** Absent where the API has no single-record query: the (short) list is searched instead. */
    one?: Doc<Result<RaRecord | null>>;
    create?: Doc<Result<RaRecord>>;
    update?: Doc<Result<RaRecord>>;
    remove?: Doc<Result<string>>;
    createFields: readonly string[];
    updateFields: readonly string[];
    /** False where the list query takes no `filter` argument. */
    filterable?: boolean;
}

const fields = <C, U>(create: readonly (keyof C)[], update: readonly (keyof U)[]) => ({
    createFields: create as readonly string[],
    updateFields: update as readonly string[],
});

const resources: Record<string, ResourceDef> = {
    municipalities: { list: MunicipalityList, createFields: [], updateFields: [], filterable: false },
    bodies: {
        list: BodyList,
        one: BodyOne,
        create: BodyCreate,
        update: BodyUpdate,
        remove: BodyDelete,
        ...fields<CreateBodyInput, UpdateBodyInput>(['name', 'kind', 'parentBodyId'], ['name', 'kind', 'parentBodyId']),
    },
    parties: {
        list: PartyList,
        one: PartyOne,
        create: PartyCreate,
        update: PartyUpdate,
        remove: PartyDelete,
        ...fields<CreatePartyInput, UpdatePartyInput>(['name', 'abbreviation'], ['name', 'abbreviation']),
    },
    'party-groups': {
        list: PartyGroupList,
        one: PartyGroupOne,
        create: PartyGroupCreate,
        update: PartyGroupUpdate,
        remove: PartyGroupDelete,
        ...fields<CreatePartyGroupInput, UpdatePartyGroupInput>(
            ['name', 'partyId', 'councilSeats'],
            ['name', 'partyId', 'councilSeats'],
        ),
    },
    members: {
        list: MemberList,
        one: MemberOne,
        create: MemberCreate,
        update: MemberUpdate,
        remove: MemberDelete,
        ...fields<CreateMemberInput, UpdateMemberInput>(
            ['name', 'email', 'phone', 'partyId', 'identityLevel'],
            ['name', 'email', 'phone', 'partyId', 'identityLevel'],
        ),
    },
    'body-memberships': {
        list: BodyMembershipList,
        one: BodyMembershipOne,
        create: BodyMembershipCreate,
        update: BodyMembershipUpdate,
        remove: BodyMembershipDelete,
        ...fields<CreateBodyMembershipInput, UpdateBodyMembershipInput>(['bodyId', 'memberId', 'role'], ['role']),
    },
    meetings: {
        list: MeetingList,
        one: MeetingOne,
        create: MeetingCreate,
        update: MeetingUpdate,
        remove: MeetingDelete,
        ...fields<CreateMeetingInput, UpdateMeetingInput>(
            ['bodyId', 'title', 'startsAt', 'endsAt', 'place', 'platformKey'],
            ['title', 'startsAt', 'endsAt', 'place', 'platformKey'],
        ),
    },
    'agenda-items': {
        list: AgendaItemList,
        one: AgendaItemOne,
        create: AgendaItemCreate,
        update: AgendaItemUpdate,
        remove: AgendaItemDelete,
        ...fields<CreateAgendaItemInput, UpdateAgendaItemInput>(
            ['meetingId', 'number', 'title', 'confidential', 'closedVote', 'kinds'],
            ['number', 'title', 'confidential', 'closedVote', 'kinds'],
        ),
    },
    attendances: {
        list: AttendanceList,
        one: AttendanceOne,
        create: AttendanceCreate,
        update: AttendanceUpdate,
        remove: AttendanceDelete,
        ...fields<CreateAttendanceInput, UpdateAttendanceInput>(
            [
                'meetingId',
                'memberId',
                'mode',
                'joinedAt',
                'leftAt',
                'consentsToRemoteMeeting',
                'documentsDelivered',
                'replacesMemberId',
            ],
            ['mode', 'joinedAt', 'leftAt', 'consentsToRemoteMeeting', 'documentsDelivered', 'replacesMemberId'],
        ),
    },
};

const def = (resource: string): ResourceDef => {
    const found = resources[resource];
    if (!found) throw new Error(`Unknown resource "${resource}"`);
    return found;
};

const isBlank = (value: unknown) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** Drops empty filter values: react-admin leaves '' behind when a filter input is cleared. */
const cleanFilter = (filter: Record<string, unknown> | undefined) => {
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(filter ?? {})) {
        if (!isBlank(value) && value !== null) result[key] = value;
    }
    return Object.keys(result).length > 0 ? result : undefined;
};

// Dates from react-admin's date inputs may be Date objects; the API wants ISO strings.
const serialise = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value);

const pickInput = (fields: readonly string[], data: Record<string, unknown>) => {
    const input: Record<string, unknown> = {};
    for (const field of fields) {
        if (field in data && data[field] !== undefined) input[field] = serialise(data[field]);
    }
    return input;
};

/** Only what changed, so an update never re-validates (or overwrites) untouched fields. */
const changedInput = (d: ResourceDef, data: Record<string, unknown>, previous: Record<string, unknown> | undefined) => {
    const input = pickInput(d.updateFields, data);
    if (!previous) return input;
    for (const key of Object.keys(input)) {
        if (JSON.stringify(input[key]) === JSON.stringify(serialise(previous[key]))) delete input[key];
    }
    return input;
};

const fetchPage = (
    d: ResourceDef,
    page: number,
    perPage: number,
    sort: { field: string; order: string } | undefined,
    filter: Record<string, unknown> | undefined,
) => {
    const sortField = sort?.field && sort.field !== 'id' ? sort.field : undefined;
    return graphqlRequest(d.list, {
        page,
        perPage,
        sortField,
        sortOrder: sortField ? (sort?.order === 'DESC' ? 'DESC' : 'ASC') : undefined,
        filter: d.filterable === false ? undefined : cleanFilter(filter),
    }).then(({ result }) => result);
};

const fetchList = async (
    resource: string,
    params: {
        pagination?: { page: number; perPage: number };
        sort?: { field: string; order: string };
        filter?: Record<string, unknown>;
    },
) => {
    const d = def(resource);
    const page = params.pagination?.page ?? 1;
    const perPage = params.pagination?.perPage ?? 25;
    // The API refuses larger pages (BAD_USER_INPUT on perPage); it says how large.
    const { maxPerPage } = await getLimits();
    if (perPage <= maxPerPage) {
        const { items, total } = await fetchPage(d, page, perPage, params.sort, params.filter);
        return { data: items, total };
    }
    // react-admin asks for big pages when exporting (1000 rows) or resolving many
    // references; walk the API's largest pages that cover the requested window instead.
    const start = (page - 1) * perPage;
    const data: RaRecord[] = [];
    let apiPage = Math.floor(start / maxPerPage) + 1;
    let skip = start % maxPerPage;
    let total = 0;
    for (;;) {
        const result = await fetchPage(d, apiPage, maxPerPage, params.sort, params.filter);
        total = result.total;
        data.push(...result.items.slice(skip));
        skip = 0;
        if (data.length >= perPage || apiPage * maxPerPage >= total || result.items.length === 0) break;
        apiPage += 1;
    }
    return { data: data.slice(0, perPage), total };
};

/** Every record of an unfilterable list (only municipalities, a region's dozen or so). */
const fetchAll = async (resource: string) =>
    (await fetchList(resource, { pagination: { page: 1, perPage: 10_000 } })).data;

const notFound = () => new ApiError('ra.notification.item_doesnt_exist', 404, 'NOT_FOUND');

const writable = <K extends 'create' | 'update' | 'remove'>(resource: string, kind: K): NonNullable<ResourceDef[K]> => {
    const document = def(resource)[kind];
    if (!document) throw new Error(`Resource "${resource}" is read-only`);
    return document as NonNullable<ResourceDef[K]>;
};

const deleteOne = async (resource: string, id: Identifier) => {
    await graphqlRequest(writable(resource, 'remove'), { id });
    return id;
};

export interface MotesplatsDataProvider extends DataProvider {
    changeMeetingStatus: (
        id: Identifier,
        status: MeetingStatus,
        overrideReason?: string,
    ) => Promise<{ data: RaRecord }>;
    me: () => Promise<Viewer>;
}

export interface Viewer {
    userId: string;
    name: string;
    username: string;
    roles: string[];
    municipality: { id: string; name: string } | null;
    region: { id: string; name: string } | null;
}

const MeQuery = graphql(`
    query Me {
        me {
            userId
            name
            username
            roles
            municipality {
                id
                name
            }
            region {
                id
                name
            }
        }
    }
`);

export const fetchViewer = (): Promise<Viewer> => graphqlRequest(MeQuery).then(({ me }) => me);

const ChangeMeetingStatus = graphql(`
    mutation ChangeMeetingStatus($id: ID!, $status: MeetingStatus!, $reason: String) {
        result: changeMeetingStatus(id: $id, status: $status, overrideReason: $reason) {
            ...MeetingFields
        }
    }
`);

export const dataProvider: MotesplatsDataProvider = {
    getList: (resource, params) => fetchList(resource, params) as never,

    getOne: async (resource, params) => {
        const one = def(resource).one;
        const result = one
            ? (await graphqlRequest(one, { id: params.id })).result
            : (await fetchAll(resource)).find(r => r.id === params.id);
        if (!result) throw notFound();
        return { data: result } as never;
    },

    getMany: async (resource, params) => {
        const ids = [...new Set(params.ids)];
        if (def(resource).filterable === false) {
            const all = await fetchAll(resource);
            return { data: all.filter(r => ids.includes(r.id)) } as never;
        }
        const { maxPerPage } = await getLimits();
        const data: RaRecord[] = [];
        for (let i = 0; i < ids.length; i += maxPerPage) {
            const chunk = ids.slice(i, i + maxPerPage);
            const result = await fetchList(resource, {
                pagination: { page: 1, perPage: chunk.length },
                filter: { ids: chunk },
            });
            data.push(...result.data);
        }
        return { data } as never;
    },

    getManyReference: (resource, params) =>
        fetchList(resource, {
            pagination: params.pagination,
            sort: params.sort,
            filter: { ...params.filter, [params.target]: params.id },
        }) as never,

    create: async (resource, params) => {
        const { result } = await graphqlRequest(writable(resource, 'create'), {
            input: pickInput(def(resource).createFields, params.data as Record<string, unknown>),
        });
        return { data: result } as never;
    },

    update: async (resource, params) => {
        const d = def(resource);
        const input = changedInput(
            d,
            params.data as Record<string, unknown>,
            params.previousData as Record<string, unknown> | undefined,
        );
        const { result } = await graphqlRequest(writable(resource, 'update'), { id: params.id, input });
        return { data: result } as never;
    },

    updateMany: async (resource, params) => {
        const d = def(resource);
        const input = pickInput(d.updateFields, params.data as Record<string, unknown>);
        // Sequential on purpose: the API runs each mutation in its own tenant transaction,
        // and a rule violation on one record should stop the rest.
        const done: Identifier[] = [];
        for (const id of params.ids) {
            await graphqlRequest(writable(resource, 'update'), { id, input });
            done.push(id);
        }
        return { data: done };
    },

    delete: async (resource, params) => {
        await deleteOne(resource, params.id);
        return { data: (params.previousData ?? { id: params.id }) as never };
    },

    deleteMany: async (resource, params) => {
        const done: Identifier[] = [];
        for (const id of params.ids) done.push(await deleteOne(resource, id));
        return { data: done };
    },

    changeMeetingStatus: async (id, status, overrideReason) => {
        const { result } = await graphqlRequest(ChangeMeetingStatus, {
            id: String(id),
            status,
            reason: overrideReason ?? null,
        });
        return { data: result };
    },

    me: fetchViewer,
};
