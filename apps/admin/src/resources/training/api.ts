import { apiUrl } from '../../api';
import { getAccessToken } from '../../auth/accessToken';
import { coverageStatuses, membershipRoles, trainingAudiences, trainingKinds } from '../../choices';
import { graphql } from '../../gql';
import type {
    CoverageStatus,
    MembershipRole,
    TrainingAudience,
    TrainingKind,
    TrainingModuleScope,
} from '../../gql/graphql';
import { graphqlRequest } from '../../graphql';
import { getLimits } from '../../limits';

/** The training capability's GraphQL operations, and the CSV export over plain HTTP. */

// The schema's enum values (see choices.ts), in the order the training pages show them.
export const AUDIENCES = trainingAudiences;
export const KINDS = trainingKinds;
export const SEAT_ROLES = membershipRoles;
export const STATUSES = coverageStatuses;

export interface TrainingModule {
    id: string;
    key: string;
    title: string;
    description: string;
    audience: TrainingAudience[];
    kind: TrainingKind;
    url: string | null;
    validityMonths: number | null;
    requirable: boolean;
    scope: TrainingModuleScope;
    publishedAt: string | null;
}
export type ModuleInput = Omit<TrainingModule, 'id' | 'scope' | 'publishedAt'>;

const ModulesDocument = graphql(`
    query TrainingModules($perPage: Int!) {
        trainingModules(perPage: $perPage, sortField: "title") {
            items {
                id
                key
                title
                description
                audience
                kind
                url
                validityMonths
                requirable
                scope
                publishedAt
            }
        }
    }
`);
const CreateModuleDocument = graphql(`
    mutation CreateTrainingModule($i: CreateTrainingModuleInput!) {
        createTrainingModule(input: $i) {
            id
        }
    }
`);
const UpdateModuleDocument = graphql(`
    mutation UpdateTrainingModule($id: ID!, $i: UpdateTrainingModuleInput!) {
        updateTrainingModule(id: $id, input: $i) {
            id
        }
    }
`);
const PublishModuleDocument = graphql(`
    mutation PublishTrainingModule($id: ID!) {
        publishTrainingModule(id: $id) {
            id
        }
    }
`);

export const fetchModules = async () => {
    const { maxPerPage } = await getLimits();
    const d = await graphqlRequest(ModulesDocument, { perPage: maxPerPage });
    return d.trainingModules.items satisfies TrainingModule[];
};

export const createModule = (input: ModuleInput) => graphqlRequest(CreateModuleDocument, { i: input });

export const updateModule = (id: string, { key: _key, ...input }: ModuleInput) =>
    graphqlRequest(UpdateModuleDocument, { id, i: input });

export const publishModule = (id: string) => graphqlRequest(PublishModuleDocument, { id });

export interface Completion {
    id: string;
    moduleKey: string;
    completedOn: string;
    validUntil: string | null;
    source: string;
    recordedBy: string;
    module: { title: string } | null;
}

const CompletionsDocument = graphql(`
    query TrainingCompletions($m: ID!, $perPage: Int!) {
        trainingCompletions(filter: { memberId: $m }, perPage: $perPage, sortField: "completedOn", sortOrder: DESC) {
            items {
                id
                moduleKey
                completedOn
                validUntil
                source
                recordedBy
                module {
                    title
                }
            }
        }
    }
`);
const RecordCompletionDocument = graphql(`
    mutation RecordTrainingCompletion($i: RecordTrainingCompletionInput!) {
        recordTrainingCompletion(input: $i) {
            id
        }
    }
`);

export const fetchCompletions = async (memberId: string) => {
    const { maxPerPage } = await getLimits();
    const d = await graphqlRequest(CompletionsDocument, { m: memberId, perPage: maxPerPage });
    return d.trainingCompletions.items satisfies Completion[];
};

export const recordCompletion = (memberId: string, moduleKey: string, completedOn: string) =>
    graphqlRequest(RecordCompletionDocument, { i: { memberId, moduleKey, completedOn } });

export interface CoverageRow {
    bodyId: string;
    body: { name: string } | null;
    seatRole: MembershipRole;
    moduleKey: string;
    trained: number;
    expiring: number;
    expired: number;
    missing: number;
}
export interface CoverageFilter {
    bodyId?: string;
    moduleKeys?: string[];
    seatRole?: MembershipRole;
    onDate?: string;
}
export interface CoverageMember {
    memberId: string;
    member: { name: string } | null;
    body: { name: string } | null;
    seatRole: MembershipRole;
    moduleKey: string;
    status: CoverageStatus;
    validUntil: string | null;
}
export interface MeetingGaps {
    meeting: { id: string; title: string; startsAt: string; body: { name: string } };
    requiredModuleKeys: string[];
    blocked: {
        memberId: string;
        seatRole: MembershipRole;
        missingModuleKeys: string[];
        member: { name: string } | null;
    }[];
}

const CoverageDocument = graphql(`
    query TrainingCoverage($f: CoverageFilter, $s: CoverageStatus, $members: Boolean!) {
        trainingCoverage(filter: $f) {
            bodyId
            body {
                name
            }
            seatRole
            moduleKey
            trained
            expiring
            expired
            missing
        }
        trainingCoverageMembers(filter: $f, status: $s) @include(if: $members) {
            memberId
            member {
                name
            }
            body {
                name
            }
            seatRole
            moduleKey
            status
            validUntil
        }
        meetingTrainingGaps(withinDays: 60) {
            meeting {
                id
                title
                startsAt
                body {
                    name
                }
            }
            requiredModuleKeys
            blocked {
                memberId
                seatRole
                missingModuleKeys
                member {
                    name
                }
            }
        }
    }
`);

export const fetchCoverage = (
    filter: CoverageFilter,
    status: CoverageStatus | null,
): Promise<{
    trainingCoverage: CoverageRow[];
    trainingCoverageMembers?: CoverageMember[];
    meetingTrainingGaps: MeetingGaps[];
}> => graphqlRequest(CoverageDocument, { f: filter, s: status, members: status !== null });

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

const RegionalCoverageDocument = graphql(`
    query RegionalTrainingCoverage {
        regionalTrainingCoverage {
            municipalityId
            municipalityName
            moduleKey
            seatRole
            trained
            expiring
            expired
            missing
        }
    }
`);

export const fetchRegionalCoverage = () =>
    graphqlRequest(RegionalCoverageDocument).then((d): RegionalRow[] => d.regionalTrainingCoverage);

export interface ImportReport {
    dryRun: boolean;
    rows: number;
    toImport: number;
    alreadyRecorded: number;
    imported: number;
    errors: { line: number; reason: string }[];
}

const ImportCsvDocument = graphql(`
    mutation ImportTrainingCompletions($csv: String!, $dry: Boolean!) {
        importTrainingCompletions(csv: $csv, dryRun: $dry) {
            dryRun
            rows
            toImport
            alreadyRecorded
            imported
            errors {
                line
                reason
            }
        }
    }
`);

export const importCsv = (csv: string, dryRun: boolean) =>
    graphqlRequest(ImportCsvDocument, { csv, dry: dryRun }).then((d): ImportReport => d.importTrainingCompletions);

/** Downloads the export with the bearer token (a plain link would not carry it). */
export const downloadExport = async () => {
    const token = await getAccessToken();
    const res = await fetch(apiUrl('/training/completions.csv'), {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = 'utbildningar.csv';
    a.click();
    URL.revokeObjectURL(url);
};

const BodyNamesDocument = graphql(`
    query BodyNames($perPage: Int!) {
        bodies(perPage: $perPage, sortField: "name") {
            items {
                id
                name
            }
        }
    }
`);
const SearchMembersDocument = graphql(`
    query SearchMembers($q: String) {
        members(perPage: 20, sortField: "name", filter: { q: $q }) {
            items {
                id
                name
                email
            }
        }
    }
`);

export const fetchBodies = async () => {
    const { maxPerPage } = await getLimits();
    return (await graphqlRequest(BodyNamesDocument, { perPage: maxPerPage })).bodies.items;
};

export const searchMembers = (q: string) => graphqlRequest(SearchMembersDocument, { q }).then(d => d.members.items);
