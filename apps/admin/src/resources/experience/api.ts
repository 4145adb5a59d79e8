import { incidentCategories } from '../../choices';
import { graphql } from '../../gql';
import type { ExperienceReportsQuery, IncidentCategory, SubmitExperienceReportInput } from '../../gql/graphql';
import { graphqlRequest } from '../../graphql';

// The schema's IncidentCategory values (see choices.ts), in the order the form offers them.
export const CATEGORIES = incidentCategories;

const ReportsDocument = graphql(`
    query ExperienceReports {
        experienceReports {
            id
            meetingId
            meetingTitle
            meetingStartsAt
            status
            dueOn
            remindedAt
            submittedAt
            platformKey
            onSiteCount
            remoteCount
            supportSufficient
            whatWorked
            lessons
            rating
            incidents {
                category
                minutesLost
                affectedCount
                resolution
            }
        }
    }
`);
const SubmitReportDocument = graphql(`
    mutation SubmitExperienceReport($id: ID!, $i: SubmitExperienceReportInput!) {
        submitExperienceReport(id: $id, input: $i) {
            id
        }
    }
`);

export type Report = ExperienceReportsQuery['experienceReports'][number];
export type Incident = Report['incidents'][number];
// The form always holds every field, including those the schema defaults.
export type ReportInput = Required<SubmitExperienceReportInput>;
export type { IncidentCategory };

export const fetchReports = () => graphqlRequest(ReportsDocument).then(d => d.experienceReports);

export const submitReport = (id: string, input: ReportInput) => graphqlRequest(SubmitReportDocument, { id, i: input });
