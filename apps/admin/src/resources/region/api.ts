import { apiUrl } from '../../api';
import { getAccessToken } from '../../auth/accessToken';
import { bodyKinds } from '../../choices';
import { graphql } from '../../gql';
import type {
    FigureFieldsFragment,
    RegionalComparisonQuery,
    RegionalExperienceReportsQuery,
    RegionalRulesQuery,
    SharingFieldsFragment,
    SharingInput,
} from '../../gql/graphql';
import { graphqlRequest } from '../../graphql';

/** The region's GraphQL operations: comparison, shared reports, sharing, surveys. */

export type Figure = FigureFieldsFragment;

// The comparison filters on the stored body kind, the schema's BodyKind value in lower case.
export const BODY_KINDS = bodyKinds.map(k => k.toLowerCase());

graphql(`
    fragment FigureFields on Figure {
        value
        suppressed
        display
    }
`);
graphql(`
    fragment SharingFields on SharingSettings {
        municipalityId
        municipalityName
        sharesRules
        sharesAggregates
        sharesReports
        contactEmail
        updatedAt
    }
`);

const ComparisonDocument = graphql(`
    query RegionalComparison($f: String!, $t: String!, $k: String) {
        regionalComparison(from: $f, to: $t, bodyKind: $k) {
            threshold
            rows {
                municipalityId
                municipalityName
                municipalityCode
                sharesRules
                sharesAggregates
                sharesReports
                meetingsHeld {
                    ...FigureFields
                }
                remoteMeetings {
                    ...FigureFields
                }
                remoteShare {
                    ...FigureFields
                }
                reports {
                    ...FigureFields
                }
                incidents {
                    ...FigureFields
                }
                incidentsPer10Meetings {
                    ...FigureFields
                }
                minutesLost {
                    ...FigureFields
                }
                averageRating {
                    ...FigureFields
                }
                supportSufficientShare {
                    ...FigureFields
                }
                trainingCoverage {
                    ...FigureFields
                }
                supportCoverage {
                    ...FigureFields
                }
                licenceCostSekPerYear
                licencePlatforms
            }
            trends {
                municipalityId
                quarter
                meetingsHeld {
                    ...FigureFields
                }
                remoteShare {
                    ...FigureFields
                }
                incidentsPer10Meetings {
                    ...FigureFields
                }
            }
        }
    }
`);
const RulesDocument = graphql(`
    query RegionalRules($f: String!, $t: String!, $k: String) {
        regionalComparison(from: $f, to: $t, bodyKind: $k) {
            rules {
                municipalityId
                municipalityName
                bodyType
                decisionReference
                version
                remoteAllowed
                excludedItemKinds
                equalTerms
                maxRemoteParticipants
                approvedPlatforms
                breakoutPolicy
                deviations {
                    field
                    change
                    templateValue
                    municipalValue
                }
            }
        }
    }
`);

export type ComparisonRow = RegionalComparisonQuery['regionalComparison']['rows'][number];
export type RulesCell = RegionalRulesQuery['regionalComparison']['rules'][number];

export const fetchComparison = (from: string, to: string, bodyKind: string | null) =>
    graphqlRequest(ComparisonDocument, { f: from, t: to, k: bodyKind }).then(d => d.regionalComparison);

/** The municipalities' meeting rules side by side, for one kind of body. */
export const fetchRulesMatrix = (from: string, to: string, bodyKind: string | null) =>
    graphqlRequest(RulesDocument, { f: from, t: to, k: bodyKind }).then(d => d.regionalComparison);

const RegionalReportsDocument = graphql(`
    query RegionalExperienceReports($f: String!, $t: String!) {
        regionalExperienceReports(from: $f, to: $t) {
            id
            municipalityName
            bodyKind
            quarter
            platformKey
            onSiteCount {
                ...FigureFields
            }
            remoteCount {
                ...FigureFields
            }
            supportSufficient
            whatWorked
            lessons
            rating
            incidents {
                category
                minutesLost
                affectedCount {
                    ...FigureFields
                }
                resolution
            }
        }
    }
`);

export type RegionalReport = RegionalExperienceReportsQuery['regionalExperienceReports'][number];

export const fetchRegionalReports = (from: string, to: string) =>
    graphqlRequest(RegionalReportsDocument, { f: from, t: to }).then(d => d.regionalExperienceReports);

export type Sharing = SharingFieldsFragment;

const RegionalSharingDocument = graphql(`
    query RegionalSharing {
        regionalSharing {
            ...SharingFields
        }
    }
`);
const MySharingDocument = graphql(`
    query RegionSharing {
        regionSharing {
            ...SharingFields
        }
    }
`);
const UpdateMySharingDocument = graphql(`
    mutation UpdateRegionSharing($i: SharingInput!) {
        updateRegionSharing(input: $i) {
            ...SharingFields
        }
    }
`);
const MunicipalitiesDocument = graphql(`
    query MunicipalityNames {
        municipalities(perPage: 500) {
            items {
                id
                name
                code
            }
        }
    }
`);

export const fetchRegionalSharing = () => graphqlRequest(RegionalSharingDocument).then(d => d.regionalSharing);

export const fetchMySharing = () => graphqlRequest(MySharingDocument).then(d => d.regionSharing);

export const updateMySharing = (input: SharingInput) =>
    graphqlRequest(UpdateMySharingDocument, { i: input }).then(d => d.updateRegionSharing);

export const fetchMunicipalities = () => graphqlRequest(MunicipalitiesDocument).then(d => d.municipalities.items);

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
