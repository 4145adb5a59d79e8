import { graphqlRequest } from '../../graphql';

export const CATEGORIES = ['AUDIO', 'VIDEO', 'CONNECTION', 'SIGN_IN', 'DOCUMENTS', 'VOTING', 'OTHER'] as const;

export interface Incident {
    category: string;
    minutesLost: number;
    affectedCount: number;
    resolution: string;
}

export interface Report {
    id: string;
    meetingId: string;
    meetingTitle: string;
    meetingStartsAt: string;
    status: 'REQUESTED' | 'SUBMITTED';
    dueOn: string;
    remindedAt: string | null;
    submittedAt: string | null;
    platformKey: string | null;
    onSiteCount: number;
    remoteCount: number;
    supportSufficient: boolean | null;
    whatWorked: string;
    lessons: string;
    rating: number | null;
    incidents: Incident[];
}

const FIELDS = `id meetingId meetingTitle meetingStartsAt status dueOn remindedAt submittedAt platformKey onSiteCount remoteCount
    supportSufficient whatWorked lessons rating incidents { category minutesLost affectedCount resolution }`;

export const fetchReports = () => graphqlRequest<{ experienceReports: Report[] }>(`query { experienceReports { ${FIELDS} } }`).then(d => d.experienceReports);

export type ReportInput = Pick<Report, 'platformKey' | 'onSiteCount' | 'remoteCount' | 'whatWorked' | 'lessons' | 'incidents'> & { supportSufficient: boolean; rating: number };

export const submitReport = (id: string, input: ReportInput) =>
    graphqlRequest(`mutation($id: ID!, $i: SubmitExperienceReportInput!) { submitExperienceReport(id: $id, input: $i) { id } }`, { id, i: input });
