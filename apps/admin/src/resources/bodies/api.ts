import { graphql } from '../../gql';
import { graphqlRequest } from '../../graphql';

/** A parent committee's decision on remote participation in its sub-committee (utskott). */
export interface SubCommitteeRemoteDecision {
    id: string;
    allowsRemote: boolean;
    reference: string;
    decidedOn: string;
    createdAt: string;
}

export interface RecordDecisionInput {
    bodyId: string;
    allowsRemote: boolean;
    reference: string;
    decidedOn: string;
}

graphql(`
    fragment SubCommitteeDecision on SubCommitteeRemoteDecision {
        id
        allowsRemote
        reference
        decidedOn
        createdAt
    }
`);

const DecisionsDocument = graphql(`
    query Decisions($b: ID!) {
        subCommitteeRemoteDecisions(bodyId: $b) {
            ...SubCommitteeDecision
        }
    }
`);

const RecordDecisionDocument = graphql(`
    mutation RecordDecision($i: RecordSubCommitteeRemoteDecisionInput!) {
        recordSubCommitteeRemoteDecision(input: $i) {
            ...SubCommitteeDecision
        }
    }
`);

export const fetchDecisions = (bodyId: string) =>
    graphqlRequest(DecisionsDocument, { b: bodyId }).then(
        (r): SubCommitteeRemoteDecision[] => r.subCommitteeRemoteDecisions,
    );

export const recordDecision = (input: RecordDecisionInput) =>
    graphqlRequest(RecordDecisionDocument, { i: input }).then(
        (r): SubCommitteeRemoteDecision => r.recordSubCommitteeRemoteDecision,
    );
