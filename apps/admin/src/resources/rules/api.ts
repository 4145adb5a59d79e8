import { graphqlRequest } from '../../graphql';

/** The rules capability's GraphQL operations; rule content is plain JSON (@motesplats/rules). */

export type BodyType = 'council' | 'executive_board' | 'committee' | 'sub_committee' | 'company_board';
export const BODY_TYPES: BodyType[] = ['council', 'executive_board', 'committee', 'sub_committee', 'company_board'];

export type BodyRules = Record<string, any>;
export interface RuleContent {
    bodyTypes: Record<BodyType, BodyRules>;
    bodies: Record<string, unknown>;
}

export interface RuleSetVersion {
    id: string;
    version: number;
    status: 'DRAFT' | 'PUBLISHED';
    decisionReference: string;
    decidedBy: string;
    decidedOn: string | null;
    effectiveFrom: string;
    publishedAt: string | null;
    publishedBy: string | null;
    templateId: string | null;
    content: RuleContent;
}

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

const VERSION = 'id version status decisionReference decidedBy decidedOn effectiveFrom publishedAt publishedBy templateId content';

export const fetchRuleSets = () =>
    graphqlRequest<{ ruleSetVersions: RuleSetVersion[]; ruleSetInForce: { id: string } | null; platformCatalog: Platform[] }>(
        `query RuleSets { ruleSetVersions { ${VERSION} } ruleSetInForce { id } platformCatalog { key name gallerySize dataResidency } }`,
    );

export const fetchDiff = (versionId: string) =>
    graphqlRequest<{ ruleSetDiff: RuleDifference[] }>(
        'query Diff($v: ID) { ruleSetDiff(versionId: $v) { path templateValue municipalValue change } }',
        { v: versionId },
    ).then(r => r.ruleSetDiff);

export const createDraft = (from: 'REGIONAL_TEMPLATE' | 'CURRENT_VERSION', effectiveFrom: string) =>
    graphqlRequest<{ createRuleSetDraft: RuleSetVersion }>(
        `mutation Draft($f: RuleSetSource!, $e: String!) { createRuleSetDraft(input: { from: $f, effectiveFrom: $e }) { ${VERSION} } }`,
        { f: from, e: effectiveFrom },
    ).then(r => r.createRuleSetDraft);

export const saveDraft = (id: string, content: RuleContent) =>
    graphqlRequest<{ updateRuleSetDraft: RuleSetVersion }>(
        `mutation Save($id: ID!, $c: JSON!) { updateRuleSetDraft(id: $id, input: { content: $c }) { ${VERSION} } }`,
        { id, c: content },
    ).then(r => r.updateRuleSetDraft);

export const deleteDraft = (id: string) =>
    graphqlRequest('mutation Delete($id: ID!) { deleteRuleSetDraft(id: $id) }', { id });

export interface PublishInput {
    decisionReference: string;
    decidedBy: string;
    decidedOn: string | null;
    effectiveFrom: string;
}

export const publish = (id: string, input: PublishInput) =>
    graphqlRequest<{ publishRuleSet: RuleSetVersion }>(
        `mutation Publish($id: ID!, $i: PublishRuleSetInput!) { publishRuleSet(id: $id, input: $i) { ${VERSION} } }`,
        { id, i: { ...input, decidedOn: input.decidedOn || null } },
    ).then(r => r.publishRuleSet);
