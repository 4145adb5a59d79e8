/// <reference types="node" />
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS, label, type Vocabulary } from './labels';

const repo = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(repo, path), 'utf8');

/** Every enum in schema.graphql with its values, descriptions stripped. */
const schemaEnums = (): Map<string, string[]> => {
    const enums = new Map<string, string[]>();
    for (const m of read('schema.graphql').matchAll(/^enum (\w+) \{([\s\S]*?)^\}/gm)) {
        const body = m[2]!.replace(/"""[\s\S]*?"""/g, '').replace(/"[^"\n]*"/g, '');
        enums.set(
            m[1]!,
            [...body.matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*$/gm)].map(v => v[1]!),
        );
    }
    return enums;
};

/** The members of a string-literal union type in the rules library, e.g. `FindingCode`. */
const unionMembers = (source: string, typeName: string): string[] => {
    const m = new RegExp(`export type ${typeName} =([^;]+);`).exec(source);
    if (!m) throw new Error(`no type ${typeName}`);
    return [...m[1]!.matchAll(/'([^']+)'/g)].map(v => v[1]!);
};

const missing = (vocabulary: Vocabulary, codes: readonly string[]) =>
    (['sv', 'en'] as const).flatMap(lang =>
        codes
            .filter(code => !(LABELS[vocabulary][lang] as Record<string, string>)[code]?.trim())
            .map(code => `${vocabulary}.${code} (${lang})`),
    );

describe('labels for every code the API can send', () => {
    it('has a Swedish and an English label for every value of every GraphQL enum', () => {
        const enums = schemaEnums();
        expect(enums.size).toBeGreaterThan(20);
        const gaps: string[] = [];
        for (const [name, values] of enums) {
            expect(values.length).toBeGreaterThan(0);
            if (!(name in LABELS)) {
                gaps.push(`${name} (no labels at all)`);
                continue;
            }
            gaps.push(...missing(name as Vocabulary, values));
        }
        expect(gaps).toEqual([]);
    });

    it('has labels for every finding and reason code the rules library emits', () => {
        const findings = read('libs/rules/src/findings.ts');
        const findingCodes = unionMembers(findings, 'FindingCode');
        const reasonCodes = unionMembers(findings, 'ReasonCode');
        expect(findingCodes).toContain('TRAINING_MISSING');
        expect(reasonCodes).toContain('REMOTE_ALLOWED');
        expect([...missing('FindingCode', findingCodes), ...missing('ReasonCode', reasonCodes)]).toEqual([]);
    });

    it("has labels for the rule model's vocabularies and the region's platform catalog", () => {
        const ruleSet = read('libs/rules/src/rule-set.ts');
        const catalog = read('libs/rules/src/platform-catalog.ts');
        const platforms = [...catalog.matchAll(/^\s*key: '([^']+)'/gm)].map(m => m[1]!);
        expect(platforms).toContain('jitsi_meet');
        const template = read('libs/rules/src/regional-template.ts');
        const itemKinds = [...template.matchAll(/excludedItemKinds: \[([^\]]*)\]/g)].flatMap(m =>
            [...m[1]!.matchAll(/'([^']+)'/g)].map(v => v[1]!),
        );
        expect(
            [
                missing('PlatformKey', platforms),
                missing('ItemKind', itemKinds),
                missing('RuleBodyType', unionMembers(ruleSet, 'BodyType')),
                missing('RuleMemberRole', unionMembers(ruleSet, 'MemberRole')),
                missing('EqualTermsReading', unionMembers(ruleSet, 'EqualTermsReading')),
                missing('IdentityCheck', unionMembers(ruleSet, 'IdentityCheck')),
                missing('PresidiumOnSite', unionMembers(ruleSet, 'PresidiumOnSite')),
                missing('DataResidency', unionMembers(ruleSet, 'DataResidencyRequirement')),
                missing('DataResidency', unionMembers(catalog, 'DataResidency')),
                missing('RuleSupportRole', unionMembers(ruleSet, 'SupportRole')),
            ].flat(),
        ).toEqual([]);
    });

    it('never shows a code raw: an unknown one is made readable, a known one is labelled per language', () => {
        expect(label('ItemKind', 'closed_vote', 'sv')).toBe('Sluten omröstning');
        expect(label('ItemKind', 'closed_vote', 'en')).toBe('Closed vote');
        expect(label('PlatformKey', 'jitsi_meet')).toBe('Jitsi Meet');
        expect(label('FindingCode', 'TRAINING_MISSING', 'sv')).toBe('Utbildning saknas');
        expect(label('ItemKind', 'building_permits', 'sv')).toBe('Building permits');
    });

    it('labels are distinct within a vocabulary, so two codes never read the same', () => {
        const clashes: string[] = [];
        for (const [vocabulary, languages] of Object.entries(LABELS)) {
            for (const [lang, map] of Object.entries(languages)) {
                const texts = Object.values(map as Record<string, string>);
                const dupes = texts.filter((t, i) => texts.indexOf(t) !== i);
                if (dupes.length) clashes.push(`${vocabulary} (${lang}): ${dupes.join(', ')}`);
            }
        }
        expect(clashes).toEqual([]);
    });
});
