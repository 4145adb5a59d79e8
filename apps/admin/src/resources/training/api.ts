import { apiUrl } from '../../api';
import { getAccessToken } from '../../auth/accessToken';
import { graphqlRequest } from '../../graphql';

/** The training capability's GraphQL operations, and the CSV export over plain HTTP. */

export const AUDIENCES = ['MEMBER', 'CHAIR', 'SECRETARY', 'SUPPORT_STAFF', 'COORDINATOR'] as const;
export const KINDS = ['E_LEARNING', 'INSTRUCTION', 'PRACTICE_SESSION'] as const;
export const SEAT_ROLES = ['CHAIR', 'VICE_CHAIR', 'MEMBER', 'DEPUTY'] as const;
export const STATUSES = ['TRAINED', 'EXPIRING', 'EXPIRED', 'MISSING'] as const;

export interface TrainingModule {
    id: string;
    key: string;
    title: string;
    description: string;
    audience: string[];
    kind: string;
    url: string | null;
    validityMonths: number | null;
    requirable: boolean;
    scope: 'REGIONAL' | 'MUNICIPAL';
    publishedAt: string | null;
}
export type ModuleInput = Omit<TrainingModule, 'id' | 'scope' | 'publishedAt'>;

const MODULE_FIELDS = 'id key title description audience kind url validityMonths requirable scope publishedAt';

export const fetchModules = () =>
    graphqlRequest<{ trainingModules: { items: TrainingModule[] } }>(
        `query { trainingModules(perPage: 100, sortField: "title") { items { ${MODULE_FIELDS} } } }`,
    ).then(d => d.trainingModules.items);

export const createModule = (input: ModuleInput) =>
    graphqlRequest(`mutation($i: CreateTrainingModuleInput!) { createTrainingModule(input: $i) { id } }`, { i: input });

export const updateModule = (id: string, { key: _key, ...input }: ModuleInput) =>
    graphqlRequest(`mutation($id: ID!, $i: UpdateTrainingModuleInput!) { updateTrainingModule(id: $id, input: $i) { id } }`, { id, i: input });

export const publishModule = (id: string) => graphqlRequest(`mutation($id: ID!) { publishTrainingModule(id: $id) { id } }`, { id });

export interface Completion {
    id: string;
    moduleKey: string;
    completedOn: string;
    validUntil: string | null;
    source: string;
    recordedBy: string;
    module: { title: string } | null;
}

export const fetchCompletions = (memberId: string) =>
    graphqlRequest<{ trainingCompletions: { items: Completion[] } }>(
        `query($m: ID!) { trainingCompletions(filter: { memberId: $m }, perPage: 100, sortField: "completedOn", sortOrder: DESC) {
            items { id moduleKey completedOn validUntil source recordedBy module { title } } } }`,
        { m: memberId },
    ).then(d => d.trainingCompletions.items);

export const recordCompletion = (memberId: string, moduleKey: string, completedOn: string) =>
    graphqlRequest(`mutation($i: RecordTrainingCompletionInput!) { recordTrainingCompletion(input: $i) { id } }`, {
        i: { memberId, moduleKey, completedOn },
    });

export interface CoverageRow {
    bodyId: string;
    body: { name: string } | null;
    seatRole: string;
    moduleKey: string;
    trained: number;
    expiring: number;
    expired: number;
    missing: number;
}
export interface CoverageFilter {
    bodyId?: string;
    moduleKeys?: string[];
    seatRole?: string;
    onDate?: string;
}
export interface CoverageMember {
    memberId: string;
    member: { name: string } | null;
    body: { name: string } | null;
    seatRole: string;
    moduleKey: string;
    status: string;
    validUntil: string | null;
}
export interface MeetingGaps {
    meeting: { id: string; title: string; startsAt: string; body: { name: string } };
    requiredModuleKeys: string[];
    blocked: { memberId: string; seatRole: string; missingModuleKeys: string[]; member: { name: string } | null }[];
}

export const fetchCoverage = (filter: CoverageFilter, status: string | null) =>
    graphqlRequest<{ trainingCoverage: CoverageRow[]; trainingCoverageMembers: CoverageMember[]; meetingTrainingGaps: MeetingGaps[] }>(
        `query($f: CoverageFilter, $s: CoverageStatus, $members: Boolean!) {
            trainingCoverage(filter: $f) { bodyId body { name } seatRole moduleKey trained expiring expired missing }
            trainingCoverageMembers(filter: $f, status: $s) @include(if: $members) { memberId member { name } body { name } seatRole moduleKey status validUntil }
            meetingTrainingGaps(withinDays: 60) { meeting { id title startsAt body { name } } requiredModuleKeys blocked { memberId seatRole missingModuleKeys member { name } } }
        }`,
        { f: filter, s: status, members: status !== null },
    );

export interface RegionalRow {
    municipalityId: string;
    municipalityName: string;
    moduleKey: string;
    seatRole: string;
    /** Null: suppressed for the region (above zero, below the threshold). */
    trained: number | null;
    expiring: number | null;
    expired: number | null;
    missing: number | null;
}

export const fetchRegionalCoverage = () =>
    graphqlRequest<{ regionalTrainingCoverage: RegionalRow[] }>(
        `query { regionalTrainingCoverage { municipalityId municipalityName moduleKey seatRole trained expiring expired missing } }`,
    ).then(d => d.regionalTrainingCoverage);

export interface ImportReport {
    dryRun: boolean;
    rows: number;
    toImport: number;
    alreadyRecorded: number;
    imported: number;
    errors: { line: number; reason: string }[];
}

export const importCsv = (csv: string, dryRun: boolean) =>
    graphqlRequest<{ importTrainingCompletions: ImportReport }>(
        `mutation($csv: String!, $dry: Boolean!) { importTrainingCompletions(csv: $csv, dryRun: $dry) { dryRun rows toImport alreadyRecorded imported errors { line reason } } }`,
        { csv, dry: dryRun },
    ).then(d => d.importTrainingCompletions);

/** Downloads the export with the bearer token (a plain link would not carry it). */
export const downloadExport = async () => {
    const token = await getAccessToken();
    const res = await fetch(apiUrl('/training/completions.csv'), { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = 'utbildningar.csv';
    a.click();
    URL.revokeObjectURL(url);
};

export const fetchBodies = () =>
    graphqlRequest<{ bodies: { items: { id: string; name: string }[] } }>(`query { bodies(perPage: 100, sortField: "name") { items { id name } } }`).then(
        d => d.bodies.items,
    );

export const searchMembers = (q: string) =>
    graphqlRequest<{ members: { items: { id: string; name: string; email: string | null }[] } }>(
        `query($q: String) { members(perPage: 20, sortField: "name", filter: { q: $q }) { items { id name email } } }`,
        { q },
    ).then(d => d.members.items);
