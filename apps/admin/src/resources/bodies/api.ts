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

const DECISION = 'id allowsRemote reference decidedOn createdAt';

export const fetchDecisions = (bodyId: string) =>
    graphqlRequest<{ subCommitteeRemoteDecisions: SubCommitteeRemoteDecision[] }>(
        `query Decisions($b: ID!) { subCommitteeRemoteDecisions(bodyId: $b) { ${DECISION} } }`,
        { b: bodyId },
    ).then(r => r.subCommitteeRemoteDecisions);

export const recordDecision = (input: RecordDecisionInput) =>
    graphqlRequest<{ recordSubCommitteeRemoteDecision: SubCommitteeRemoteDecision }>(
        `mutation Record($i: RecordSubCommitteeRemoteDecisionInput!) { recordSubCommitteeRemoteDecision(input: $i) { ${DECISION} } }`,
        { i: input },
    ).then(r => r.recordSubCommitteeRemoteDecision);
