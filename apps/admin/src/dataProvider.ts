import type { DataProvider, Identifier, RaRecord } from 'react-admin';
import { ApiError, graphqlRequest } from './graphql';

/**
 * How one react-admin resource maps onto the GraphQL contract: the query and mutation
 * names, the selection set, and which record fields the API accepts in its create and
 * update inputs (react-admin records also carry ids and nested relations that the inputs
 * must not receive, and the update inputs deliberately omit the owning keys, e.g. an
 * attendance cannot move to another meeting or member).
 */
interface ResourceDef {
    type: string;
    list: string;
    one: string;
    fields: string;
    createFields: string[];
    updateFields: string[];
    /** False where the list query takes no `filter` argument. */
    filterable?: boolean;
}

const resources: Record<string, ResourceDef> = {
    municipalities: {
        type: 'Municipality',
        list: 'municipalities',
        one: 'municipality',
        fields: 'id name code slug',
        createFields: [],
        updateFields: [],
        filterable: false,
    },
    bodies: {
        type: 'Body',
        list: 'bodies',
        one: 'body',
        fields: 'id name kind parentBodyId parentBody { id name }',
        createFields: ['name', 'kind', 'parentBodyId'],
        updateFields: ['name', 'kind', 'parentBodyId'],
    },
    parties: {
        type: 'Party',
        list: 'parties',
        one: 'party',
        fields: 'id name abbreviation',
        createFields: ['name', 'abbreviation'],
        updateFields: ['name', 'abbreviation'],
    },
    'party-groups': {
        type: 'PartyGroup',
        list: 'partyGroups',
        one: 'partyGroup',
        fields: 'id name partyId party { id name abbreviation } councilSeats',
        createFields: ['name', 'partyId', 'councilSeats'],
        updateFields: ['name', 'partyId', 'councilSeats'],
    },
    members: {
        type: 'Member',
        list: 'members',
        one: 'member',
        fields: 'id name email phone partyId party { id abbreviation name } identityLevel',
        createFields: ['name', 'email', 'phone', 'partyId', 'identityLevel'],
        updateFields: ['name', 'email', 'phone', 'partyId', 'identityLevel'],
    },
    'body-memberships': {
        type: 'BodyMembership',
        list: 'bodyMemberships',
        one: 'bodyMembership',
        fields: 'id bodyId memberId role body { id name } member { id name }',
        createFields: ['bodyId', 'memberId', 'role'],
        updateFields: ['role'],
    },
    meetings: {
        type: 'Meeting',
        list: 'meetings',
        one: 'meeting',
        fields: 'id title bodyId body { id name kind } startsAt endsAt place status platformKey',
        createFields: ['bodyId', 'title', 'startsAt', 'endsAt', 'place', 'platformKey'],
        updateFields: ['title', 'startsAt', 'endsAt', 'place', 'platformKey'],
    },
    'agenda-items': {
        type: 'AgendaItem',
        list: 'agendaItems',
        one: 'agendaItem',
        fields: 'id meetingId number title confidential closedVote kinds',
        createFields: ['meetingId', 'number', 'title', 'confidential', 'closedVote', 'kinds'],
        updateFields: ['number', 'title', 'confidential', 'closedVote', 'kinds'],
    },
    attendances: {
        type: 'Attendance',
        list: 'attendances',
        one: 'attendance',
        fields: 'id meetingId memberId member { id name } mode joinedAt leftAt consentsToRemoteMeeting documentsDelivered replacesMemberId',
        createFields: ['meetingId', 'memberId', 'mode', 'joinedAt', 'leftAt', 'consentsToRemoteMeeting', 'documentsDelivered', 'replacesMemberId'],
        updateFields: ['mode', 'joinedAt', 'leftAt', 'consentsToRemoteMeeting', 'documentsDelivered', 'replacesMemberId'],
    },
};

const def = (resource: string): ResourceDef => {
    const found = resources[resource];
    if (!found) throw new Error(`Unknown resource "${resource}"`);
    return found;
};

const isBlank = (value: unknown) =>
    value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

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

const pickInput = (fields: string[], data: Record<string, unknown>) => {
    const input: Record<string, unknown> = {};
    for (const field of fields) {
        if (field in data && data[field] !== undefined) input[field] = serialise(data[field]);
    }
    return input;
};

/** Only what changed, so an update never re-validates (or overwrites) untouched fields. */
const changedInput = (
    d: ResourceDef,
    data: Record<string, unknown>,
    previous: Record<string, unknown> | undefined,
) => {
    const input = pickInput(d.updateFields, data);
    if (!previous) return input;
    for (const key of Object.keys(input)) {
        if (JSON.stringify(input[key]) === JSON.stringify(serialise(previous[key]))) delete input[key];
    }
    return input;
};

const listQuery = (d: ResourceDef) => {
    const withFilter = d.filterable !== false;
    return `
    query List($page: Int!, $perPage: Int!, $sortField: String, $sortOrder: SortOrder${withFilter ? `, $filter: ${d.type}Filter` : ''}) {
        result: ${d.list}(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder${withFilter ? ', filter: $filter' : ''}) {
            items { ${d.fields} }
            total
        }
    }`;
};

type ListResult = { result: { items: RaRecord[]; total: number } };

/** The API refuses larger pages (BAD_USER_INPUT on perPage). */
const API_MAX_PER_PAGE = 100;

const fetchPage = (
    d: ResourceDef,
    page: number,
    perPage: number,
    sort: { field: string; order: string } | undefined,
    filter: Record<string, unknown> | undefined,
) => {
    const sortField = sort?.field && sort.field !== 'id' ? sort.field : undefined;
    return graphqlRequest<ListResult>(listQuery(d), {
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
    if (perPage <= API_MAX_PER_PAGE) {
        const { items, total } = await fetchPage(d, page, perPage, params.sort, params.filter);
        return { data: items, total };
    }
    // react-admin asks for big pages when exporting (1000 rows) or resolving many
    // references; walk the API's pages of 100 that cover the requested window instead.
    const start = (page - 1) * perPage;
    const data: RaRecord[] = [];
    let apiPage = Math.floor(start / API_MAX_PER_PAGE) + 1;
    let skip = start % API_MAX_PER_PAGE;
    let total = 0;
    for (;;) {
        const result = await fetchPage(d, apiPage, API_MAX_PER_PAGE, params.sort, params.filter);
        total = result.total;
        data.push(...result.items.slice(skip));
        skip = 0;
        if (data.length >= perPage || apiPage * API_MAX_PER_PAGE >= total || result.items.length === 0) break;
        apiPage += 1;
    }
    return { data: data.slice(0, perPage), total };
};

const notFound = () => new ApiError('ra.notification.item_doesnt_exist', 404, 'NOT_FOUND');

const deleteOne = async (resource: string, id: Identifier) => {
    const d = def(resource);
    await graphqlRequest(`mutation Delete($id: ID!) { result: delete${d.type}(id: $id) }`, { id });
    return id;
};

export interface MotesplatsDataProvider extends DataProvider {
    changeMeetingStatus: (id: Identifier, status: string, overrideReason?: string) => Promise<{ data: RaRecord }>;
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

export const fetchViewer = () =>
    graphqlRequest<{ me: Viewer }>(
        `query Me { me { userId name username roles municipality { id name } region { id name } } }`,
    ).then(({ me }) => me);

export const dataProvider: MotesplatsDataProvider = {
    getList: (resource, params) => fetchList(resource, params) as never,

    getOne: async (resource, params) => {
        const d = def(resource);
        const { result } = await graphqlRequest<{ result: RaRecord | null }>(
            `query One($id: ID!) { result: ${d.one}(id: $id) { ${d.fields} } }`,
            { id: params.id },
        );
        if (!result) throw notFound();
        return { data: result } as never;
    },

    getMany: async (resource, params) => {
        const ids = [...new Set(params.ids)];
        const data: RaRecord[] = [];
        for (let i = 0; i < ids.length; i += API_MAX_PER_PAGE) {
            const chunk = ids.slice(i, i + API_MAX_PER_PAGE);
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
        const d = def(resource);
        const { result } = await graphqlRequest<{ result: RaRecord }>(
            `mutation Create($input: Create${d.type}Input!) { result: create${d.type}(input: $input) { ${d.fields} } }`,
            { input: pickInput(d.createFields, params.data as Record<string, unknown>) },
        );
        return { data: result } as never;
    },

    update: async (resource, params) => {
        const d = def(resource);
        const input = changedInput(
            d,
            params.data as Record<string, unknown>,
            params.previousData as Record<string, unknown> | undefined,
        );
        const { result } = await graphqlRequest<{ result: RaRecord }>(
            `mutation Update($id: ID!, $input: Update${d.type}Input!) { result: update${d.type}(id: $id, input: $input) { ${d.fields} } }`,
            { id: params.id, input },
        );
        return { data: result } as never;
    },

    updateMany: async (resource, params) => {
        const d = def(resource);
        const input = pickInput(d.updateFields, params.data as Record<string, unknown>);
        // Sequential on purpose: the API runs each mutation in its own tenant transaction,
        // and a rule violation on one record should stop the rest.
        const done: Identifier[] = [];
        for (const id of params.ids) {
            await graphqlRequest(
                `mutation Update($id: ID!, $input: Update${d.type}Input!) { result: update${d.type}(id: $id, input: $input) { id } }`,
                { id, input },
            );
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
        const { result } = await graphqlRequest<{ result: RaRecord }>(
            `mutation ChangeStatus($id: ID!, $status: MeetingStatus!, $reason: String) { result: changeMeetingStatus(id: $id, status: $status, overrideReason: $reason) { ${resources.meetings!.fields} } }`,
            { id, status, reason: overrideReason ?? null },
        );
        return { data: result };
    },

    me: fetchViewer,
};
