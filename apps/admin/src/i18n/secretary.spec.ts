import { describe, expect, it } from '@jest/globals';
import { secretaryEn } from './secretary.en';
import { secretarySv } from './secretary.sv';
import en from './en';
import sv from './sv';

const leaves = (messages: object, prefix = ''): string[] =>
    Object.entries(messages).flatMap(([key, value]): string[] =>
        value !== null && typeof value === 'object' ? leaves(value, `${prefix}${key}.`) : [`${prefix}${key}`],
    );

describe("the secretary's catalogue", () => {
    it('has the same keys in Swedish and English', () => {
        const svKeys = leaves(secretarySv);
        const enKeys = leaves(secretaryEn);
        expect(svKeys.filter(k => !enKeys.includes(k))).toEqual([]);
        expect(enKeys.filter(k => !svKeys.includes(k))).toEqual([]);
    });
    it('does not shadow a key of the main catalogues', () => {
        expect(Object.keys(sv)).not.toContain('secretary');
        expect(Object.keys(en)).not.toContain('secretary');
    });
    it('gives every plural both forms in Swedish', () => {
        const plurals = leaves(secretarySv).filter(k => {
            const text = k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], secretarySv);
            return typeof text === 'string' && text.includes('smart_count') && !text.includes('||||');
        });
        // Only sentences whose counted word is the same in singular and plural ("hinder", "rum",
        // "Inbjudna: 1") may skip the second form.
        expect(plurals).toEqual([
            'secretary.compliance.planned_blocked',
            'secretary.compliance.convened_blocked',
            'secretary.convene.rooms',
            'secretary.start.and_more',
        ]);
    });
});
