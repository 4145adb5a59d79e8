import { describe, expect, it } from '@jest/globals';
import en from './en';
import sv from './sv';

/** Every leaf of a message catalogue as [key path, text], e.g. ['ra.action.add', 'Lägg till']. */
const leaves = (messages: object, prefix = ''): [string, unknown][] =>
    Object.entries(messages).flatMap(([key, value]): [string, unknown][] =>
        value !== null && typeof value === 'object' ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
    );

describe('admin message catalogues', () => {
    it('have exactly the same keys in Swedish and English', () => {
        const svKeys = leaves(sv).map(([path]) => path);
        const enKeys = new Set(leaves(en).map(([path]) => path));
        expect(svKeys.filter(k => !enKeys.has(k))).toEqual([]);
        expect([...enKeys].filter(k => !svKeys.includes(k))).toEqual([]);
        expect(svKeys.length).toBeGreaterThan(100);
    });
});
