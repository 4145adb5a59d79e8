import { apiUrl } from '../../api';
import { getAccessToken } from '../../auth/accessToken';
import { graphqlRequest } from '../../graphql';

/** The region's GraphQL operations: comparison, shared reports, sharing, surveys. */

export interface Figure {
    value: number | null;
    suppressed: boolean;
    display: string;
}

const FIG = '{ value suppressed display }';

export const BODY_KINDS = ['council', 'executive_board', 'committee', 'sub_committee', 'company_board'] as const;

export interface ComparisonRow {
    municipalityId: string;
    municipalityName: string;
    municipalityCode: string;
    sharesRules: boolean;
    sharesAggregates: boolean;
    sharesReports: boolean;
    meetingsHeld: Figure | null;
    remoteMeetings: Figure | null;
    remoteShare: Figure | null;
    reports: Figure | null;
    incidents: Figure | null;
    incidentsPer10Meetings: Figure | null;
    minutesLost: Figure | null;
    averageRating: Figure | null;
    supportSufficientShare: Figure | null;
    trainingCoverage: Figure | null;
    supportCoverage: Figure | null;
    licenceCostSekPerYear: number | null;
    licencePlatforms: string[];
}

export interface TrendPoint {
    municipalityId: string;
    quarter: string;
    meetingsHeld: Figure | null;
    remoteShare: Figure | null;
    incidentsPer10Meetings: Figure | null;
}

export interface RulesCell {
    municipalityId: string;
    municipalityName: string;
    bodyType: string;
    decisionReference: string;
    version: number;
    remoteAllowed: boolean;
    excludedItemKinds: string[];
    equalTerms: string;
    maxRemoteParticipants: number | null;
    approvedPlatforms: string[] | null;
    breakoutPolicy: string;
    deviations: { field: string; change: string; templateValue: string; municipalValue: string }[];
}

export interface Comparison {
    threshold: number;
    rows: ComparisonRow[];
    trends: TrendPoint[];
    rules: RulesCell[];
}

const ROW = `municipalityId municipalityName municipalityCode sharesRules sharesAggregates sharesReports
    meetingsHeld ${FIG} remoteMeetings ${FIG} remoteShare ${FIG} reports ${FIG} incidents ${FIG} incidentsPer10Meetings ${FIG}
    minutesLost ${FIG} averageRating ${FIG} supportSufficientShare ${FIG} trainingCoverage ${FIG} supportCoverage ${FIG}
    licenceCostSekPerYear licencePlatforms`;

export const fetchComparison = (from: string, to: string, bodyKind: string | null, withRules = true) =>
    graphqlRequest<{ regionalComparison: Comparison }>(
        `query($f: String!, $t: String!, $k: String) { regionalComparison(from: $f, to: $t, bodyKind: $k) {
            threshold rows { ${ROW} } trends { municipalityId quarter meetingsHeld ${FIG} remoteShare ${FIG} incidentsPer10Meetings ${FIG} }
            ${withRules ? 'rules { municipalityId municipalityName bodyType decisionReference version remoteAllowed excludedItemKinds equalTerms maxRemoteParticipants approvedPlatforms breakoutPolicy deviations { field change templateValue municipalValue } }' : 'rules { municipalityId }'}
        } }`,
        { f: from, t: to, k: bodyKind },
    ).then(d => d.regionalComparison);

export interface RegionalReport {
    id: string;
    municipalityName: string;
    bodyKind: string;
    quarter: string;
    platformKey: string | null;
    onSiteCount: Figure;
    remoteCount: Figure;
    supportSufficient: boolean | null;
    whatWorked: string;
    lessons: string;
    rating: number | null;
    incidents: { category: string; minutesLost: number; affectedCount: Figure; resolution: string }[];
}

export const fetchRegionalReports = (from: string, to: string) =>
    graphqlRequest<{ regionalExperienceReports: RegionalReport[] }>(
        `query($f: String!, $t: String!) { regionalExperienceReports(from: $f, to: $t) {
            id municipalityName bodyKind quarter platformKey onSiteCount ${FIG} remoteCount ${FIG} supportSufficient whatWorked lessons rating
            incidents { category minutesLost affectedCount ${FIG} resolution } } }`,
        { f: from, t: to },
    ).then(d => d.regionalExperienceReports);

export interface Sharing {
    municipalityId: string;
    municipalityName: string;
    sharesRules: boolean;
    sharesAggregates: boolean;
    sharesReports: boolean;
    contactEmail: string | null;
    updatedAt: string | null;
}
const SHARING = 'municipalityId municipalityName sharesRules sharesAggregates sharesReports contactEmail updatedAt';

export const fetchRegionalSharing = () =>
    graphqlRequest<{ regionalSharing: Sharing[] }>(`query { regionalSharing { ${SHARING} } }`).then(d => d.regionalSharing);

export const fetchMySharing = () => graphqlRequest<{ regionSharing: Sharing }>(`query { regionSharing { ${SHARING} } }`).then(d => d.regionSharing);

export const updateMySharing = (input: Partial<Pick<Sharing, 'sharesRules' | 'sharesAggregates' | 'sharesReports' | 'contactEmail'>>) =>
    graphqlRequest<{ updateRegionSharing: Sharing }>(`mutation($i: SharingInput!) { updateRegionSharing(input: $i) { ${SHARING} } }`, { i: input }).then(
        d => d.updateRegionSharing,
    );

export const fetchMunicipalities = () =>
    graphqlRequest<{ municipalities: { items: { id: string; name: string; code: string }[] } }>(`query { municipalities(perPage: 500) { items { id name code } } }`).then(
        d => d.municipalities.items,
    );

/** Downloads a file with the bearer token (a plain link would not carry it). */
export const download = async (path: string, filename: string) => {
    const token = await getAccessToken();
    const res = await fetch(apiUrl(path), { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.click();
    URL.revokeObjectURL(url);
};

/** The last twelve months as a default period. */
export const defaultPeriod = () => {
    const to = new Date();
    const from = new Date(to.getTime() - 365 * 86_400_000);
    return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
};

/** A figure as printed: "< 3" when suppressed, "–" when not shared; shares as percent. */
export const showFigure = (f: Figure | null | undefined, percent = false): string => {
    if (!f) return '–';
    if (f.value === null) return f.display;
    return percent ? `${Math.round(f.value * 1000) / 10} %` : String(f.value);
};
