/**
 * The fields of a body type's rules as the editor shows them: where each lives in the rule
 * JSON, how it is edited, and the legal or local basis shown beside it. Labels and help texts
 * are in i18n (app.rules.field.<key>).
 */
export type FieldKind = 'boolean' | 'number' | 'share' | 'select' | 'list' | 'training' | 'platforms' | 'support';

export interface RuleField {
    key: string;
    /** Dotted path in BodyRules. */
    path: string;
    kind: FieldKind;
    options?: string[];
    /** Shown with the field: what the requirement rests on. */
    basis: string;
    /** Only for these body types. */
    only?: string[];
}

export const RULE_FIELDS: RuleField[] = [
    {
        key: 'remoteAllowed',
        path: 'remoteParticipation.allowed',
        kind: 'boolean',
        basis: 'KL 5 kap. 16 §, 6 kap. 24 §',
    },
    {
        key: 'excludedItemKinds',
        path: 'excludedItemKinds',
        kind: 'list',
        basis: 'SKR:s vägledning; Fyrbodal-studien (sekretess, sluten omröstning)',
    },
    {
        key: 'equalTerms',
        path: 'equalTerms',
        kind: 'select',
        options: ['room_and_speaker', 'all_can_see_all', 'all_always_see_all'],
        basis: 'KL 5 kap. 16 § (lika villkor)',
    },
    {
        key: 'maxRemoteParticipants',
        path: 'maxRemoteParticipants',
        kind: 'number',
        basis: 'Kommunens beslut; plattformens galleri när alla ska se alla',
    },
    {
        key: 'presidiumOnSite',
        path: 'presidiumOnSite',
        kind: 'select',
        options: ['none', 'leader', 'presidium'],
        basis: 'SKR:s vägledning; Fyrbodal-studien (presidiet på plats)',
    },
    {
        key: 'physicalPlaceRequired',
        path: 'physicalPlaceRequired',
        kind: 'boolean',
        basis: 'SKR:s vägledning till KL 5 kap. 16 §',
    },
    { key: 'approvedPlatforms', path: 'approvedPlatforms', kind: 'platforms', basis: 'Regionens plattformskatalog' },
    {
        key: 'dataResidency',
        path: 'dataResidency',
        kind: 'select',
        options: ['any', 'EU', 'SE'],
        basis: 'Fyrbodal-studien (var lagras data?)',
    },
    {
        key: 'identityCheck',
        path: 'identityCheck',
        kind: 'select',
        options: ['none', 'municipal_account', 'e_id'],
        basis: 'Fyrbodal-studien (identiteten ska säkerställas)',
    },
    {
        key: 'requiredTraining',
        path: 'requiredTraining',
        kind: 'training',
        basis: 'Fyrbodal-studien (utbildning före distansmöten)',
    },
    {
        key: 'requiredSupport',
        path: 'requiredSupport',
        kind: 'support',
        basis: 'Fyrbodal-studien (mötesstöd, främst vid KF)',
    },
    {
        key: 'quorumMoreThanShare',
        path: 'companyBoard.quorumMoreThanShare',
        kind: 'share',
        basis: 'ABL 8 kap. 21 §',
        only: ['company_board'],
    },
    {
        key: 'documentsToAllRequired',
        path: 'companyBoard.documentsToAllRequired',
        kind: 'boolean',
        basis: 'ABL 8 kap. 21 §',
        only: ['company_board'],
    },
    {
        key: 'breakoutEnabled',
        path: 'breakoutRooms.enabled',
        kind: 'boolean',
        basis: 'Kommunens beslut om partigruppsrum',
    },
    {
        key: 'breakoutBefore',
        path: 'breakoutRooms.minutesBefore',
        kind: 'number',
        basis: 'Kommunens beslut om partigruppsrum',
    },
    {
        key: 'breakoutAfter',
        path: 'breakoutRooms.minutesAfter',
        kind: 'number',
        basis: 'Kommunens beslut om partigruppsrum',
    },
];

export const getPath = (rules: Record<string, any>, path: string): any =>
    path.split('.').reduce((value, key) => (value == null ? undefined : value[key]), rules);

/** A copy of `rules` with `path` set. */
export const setPath = (rules: Record<string, any>, path: string, value: unknown): Record<string, any> => {
    const [head, ...rest] = path.split('.') as [string, ...string[]];
    if (rest.length === 0) return { ...rules, [head]: value };
    return { ...rules, [head]: setPath(rules[head] ?? {}, rest.join('.'), value) };
};
