import { graphql } from '../../gql';
import type { AnswerSurveyInput, CreateSurveyInput, SurveysQuery } from '../../gql/graphql';
import { graphqlRequest } from '../../graphql';

const SurveysDocument = graphql(`
    query Surveys {
        surveys {
            id
            title
            intro
            deadline
            askedBy
            myRole
            recipientCount
            answeredCount
            notAnswered
            questions {
                id
                position
                text
                kind
            }
            responses {
                municipalityId
                municipalityName
                answeredAt
                lastRemindedOn
                answers {
                    questionId
                    choice
                    number
                    text
                }
            }
        }
    }
`);
const CreateSurveyDocument = graphql(`
    mutation CreateSurvey($i: CreateSurveyInput!) {
        createSurvey(input: $i) {
            id
        }
    }
`);
const AnswerSurveyDocument = graphql(`
    mutation AnswerSurvey($id: ID!, $i: AnswerSurveyInput!) {
        answerSurvey(id: $id, input: $i) {
            id
        }
    }
`);
const RemindSurveyDocument = graphql(`
    mutation RemindSurvey($id: ID!) {
        remindSurvey(id: $id)
    }
`);

export type Survey = SurveysQuery['surveys'][number];
export type SurveyQuestion = Survey['questions'][number];
export type SurveyAnswer = Survey['responses'][number]['answers'][number];
export type NewSurvey = CreateSurveyInput;

export const fetchSurveys = () => graphqlRequest(SurveysDocument).then(d => d.surveys);

export const createSurvey = (input: NewSurvey) => graphqlRequest(CreateSurveyDocument, { i: input });

export const answerSurvey = (id: string, answers: AnswerSurveyInput['answers']) =>
    graphqlRequest(AnswerSurveyDocument, { id, i: { answers } });

export const remindSurvey = (id: string) => graphqlRequest(RemindSurveyDocument, { id }).then(d => d.remindSurvey);
