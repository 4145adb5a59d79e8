import { graphql } from '../../gql';
import type { BodyKind, RuleSetSource, RuleSetVersionFieldsFragment } from '../../gql/graphql';
import { graphqlRequest } from '../../graphql';

/** The rules capability's GraphQL operations; rule content is plain JSON (@motesplats/rules). */

export type BodyType = 'council' | 'executive_board' | 'committee' | 'sub_committee' | 'company_board';
export const BODY_TYPES: BodyType[] = ['council', 'executive_board', 'committee', 'sub_committee', 'company_board'];

export type BodyRules = Record<string, any>;
export interface RuleContent {
    bodyTypes: Record<BodyType, BodyRules>;
    bodies: Record<string, unknown>;
}

/** A version as the API sends it, its JSON content read as the rule model. */
export type RuleSetVersion = Omit<RuleSetVersionFieldsFragment, 'content'> & { content: RuleContent };

export interface RuleDifference {
    path: string;
    templateValue: unknown;
    municipalValue: unknown;
    change: 'tighter' | 'looser' | 'other';
}

export interface Platform {
    key: string;
    name: string;
    gallerySize: number | null;
    dataResidency: string | null;
}

graphql(`
    fragment RuleSetVersionFields on RuleSetVersion {
        id
        version
        status
        decisionReference
        decidedBy
        decidedOn
        effectiveFrom
        publishedAt
        publishedBy
        templateId
        content
    }
`);

const RuleSetsDocument = graphql(`
    query RuleSets {
        ruleSetVersions {
            ...RuleSetVersionFields
        }
        ruleSetInForce {
            id
        }
        platformCatalog {
            key
            name
            gallerySize
            dataResidency
        }
    }
`);
const DiffDocument = graphql(`
    query Diff($v: ID) {
        ruleSetDiff(versionId: $v) {
            path
            templateValue
            municipalValue
            change
        }
    }
`);
const CreateDraftDocument = graphql(`
    mutation Draft($f: RuleSetSource!, $e: String!) {
        createRuleSetDraft(input: { from: $f, effectiveFrom: $e }) {
            ...RuleSetVersionFields
        }
    }
`);
const SaveDraftDocument = graphql(`
    mutation Save($id: ID!, $c: JSON!) {
        updateRuleSetDraft(id: $id, input: { content: $c }) {
            ...RuleSetVersionFields
        }
    }
`);
const DeleteDraftDocument = graphql(`
    mutation DeleteDraft($id: ID!) {
        deleteRuleSetDraft(id: $id)
    }
`);
const PublishDocument = graphql(`
    mutation Publish($id: ID!, $i: PublishRuleSetInput!) {
        publishRuleSet(id: $id, input: $i) {
            ...RuleSetVersionFields
        }
    }
`);

// The content is the rule model's JSON (validated by the API against @motesplats/rules).
const version = (v: RuleSetVersionFieldsFragment): RuleSetVersion => ({ ...v, content: v.content as RuleContent });

export const fetchRuleSets = () =>
    graphqlRequest(RuleSetsDocument).then(r => ({ ...r, ruleSetVersions: r.ruleSetVersions.map(version) }));

export const fetchDiff = (versionId: string) =>
    graphqlRequest(DiffDocument, { v: versionId }).then((r): RuleDifference[] => r.ruleSetDiff as RuleDifference[]);

export const createDraft = (
    from: Extract<RuleSetSource, 'REGIONAL_TEMPLATE' | 'CURRENT_VERSION'>,
    effectiveFrom: string,
) => graphqlRequest(CreateDraftDocument, { f: from, e: effectiveFrom }).then(r => version(r.createRuleSetDraft));

export const saveDraft = (id: string, content: RuleContent) =>
    graphqlRequest(SaveDraftDocument, { id, c: content }).then(r => version(r.updateRuleSetDraft));

export const deleteDraft = (id: string) => graphqlRequest(DeleteDraftDocument, { id });

export interface PublishInput {
    decisionReference: string;
    decidedBy: BodyKind;
    decidedOn: string | null;
    effectiveFrom: string;
}

export const publish = (id: string, input: PublishInput) =>
    graphqlRequest(PublishDocument, { id, i: { ...input, decidedOn: input.decidedOn || null } }).then(r =>
        version(r.publishRuleSet),
    );
