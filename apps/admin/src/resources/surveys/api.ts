import { graphqlRequest } from '../../graphql';

export interface SurveyQuestion {
    id: string;
    position: number;
    text: string;
    kind: 'CHOICE' | 'NUMBER' | 'TEXT';
}
export interface SurveyAnswer {
    questionId: string;
    choice: 'YES' | 'NO' | 'PARTLY' | null;
    number: number | null;
    text: string | null;
}
export interface SurveyResponse {
    municipalityId: string;
    municipalityName: string;
    answeredAt: string | null;
    lastRemindedOn: string | null;
    answers: SurveyAnswer[];
}
export interface Survey {
    id: string;
    title: string;
    intro: string;
    deadline: string;
    askedBy: string;
    myRole: 'ASKER' | 'RECIPIENT' | 'COORDINATOR';
    recipientCount: number;
    answeredCount: number;
    notAnswered: string[];
    questions: SurveyQuestion[];
    responses: SurveyResponse[];
}

const FIELDS = `id title intro deadline askedBy myRole recipientCount answeredCount notAnswered questions { id position text kind }
    responses { municipalityId municipalityName answeredAt lastRemindedOn answers { questionId choice number text } }`;

export const fetchSurveys = () => graphqlRequest<{ surveys: Survey[] }>(`query { surveys { ${FIELDS} } }`).then(d => d.surveys);

export interface NewSurvey {
    title: string;
    intro: string;
    deadline: string;
    recipientIds: string[];
    questions: { text: string; kind: SurveyQuestion['kind'] }[];
}
export const createSurvey = (input: NewSurvey) => graphqlRequest(`mutation($i: CreateSurveyInput!) { createSurvey(input: $i) { id } }`, { i: input });

export const answerSurvey = (id: string, answers: { questionId: string; choice?: string | null; number?: number | null; text?: string | null }[]) =>
    graphqlRequest(`mutation($id: ID!, $i: AnswerSurveyInput!) { answerSurvey(id: $id, input: $i) { id } }`, { id, i: { answers } });

export const remindSurvey = (id: string) => graphqlRequest<{ remindSurvey: number }>(`mutation($id: ID!) { remindSurvey(id: $id) }`, { id }).then(d => d.remindSurvey);
