import { describe, expect, it } from '@jest/globals';
import sv from './sv';
import { LABELS } from '../labels';

/** Every leaf of a message catalogue as [key path, text]. */
const leaves = (messages: object, prefix = ''): [string, string][] =>
    Object.entries(messages).flatMap(([key, value]): [string, string][] =>
        value !== null && typeof value === 'object'
            ? leaves(value, `${prefix}${key}.`)
            : typeof value === 'string'
              ? [[`${prefix}${key}`, value]]
              : [],
    );

/**
 * Words that keep their capital mid-sentence (docs/sprakriktlinjer.md): names, abbreviations,
 * products. Anything else capitalised after the first word breaks sentence case.
 */
const PROPER = new Set([
    'Mötesplats',
    'Fyrbodal',
    'Fyrbodals',
    'Fyrbodal-studien',
    'Keycloak',
    'BankID',
    'Freja',
    'Digg',
    'Diggs',
    'Myndigheten',
    'SKR',
    'SKR:s',
    'KL',
    'KF',
    'KS',
    'ABL',
    'EU',
    'USA',
    'Sverige',
    'CSV',
    'WCAG',
    'Jitsi',
    'Meet',
    'Microsoft',
    'Teams',
    'Google',
    'Zoom',
    'Lifesize',
    'Skype',
    'Quickchannel',
    'Ineras',
    'Inera',
    'Timrå',
    'IT-support',
    'IT',
    'E-legitimation',
    'ÅÅÅÅ-MM-DD',
    'Enter',
    'Kolada',
    'A',
    'AA',
]);

/** Swedish strings of the catalogue and of the labels, each with where it comes from. */
const swedish = (): [string, string][] => [
    ...leaves(sv),
    ...Object.entries(LABELS).flatMap(([vocabulary, l]) =>
        Object.entries(l.sv as Record<string, string>).map(([code, text]): [string, string] => [
            `labels.${vocabulary}.${code}`,
            text,
        ]),
    ),
];

describe('Swedish copy follows the style list (docs/sprakriktlinjer.md)', () => {
    it('is in sentence case: no capital letter mid-sentence except names and abbreviations', () => {
        const offending = swedish().flatMap(([key, text]) => {
            // Placeholders and what follows sentence ends may be capitalised.
            const sentences = text.replace(/%\{\w+\}/g, 'x').split(/(?<=[.:!?–•·(”"])\s+|\|\|\|\|/);
            return sentences.flatMap(sentence =>
                sentence
                    .trim()
                    .split(/\s+/)
                    .slice(1)
                    // A quoted word names something on screen (”Uppgifter”), and keeps its case.
                    .filter(w => !/^[”"«]/.test(w))
                    .map(w => w.replace(/^[(]+|[),.:;!?”"'»]+$/g, ''))
                    .filter(w => /^[A-ZÅÄÖ]/.test(w) && !PROPER.has(w) && !/^[A-ZÅÄÖ0-9§-]+$/.test(w))
                    .map(w => `${key}: "${w}" in "${text}"`),
            );
        });
        expect(offending).toEqual([]);
    });

    it('uses the agreed forms: no "Ledamots" for the plural, no "okänt fel", no straight double quotes', () => {
        const offending = swedish()
            .filter(([key]) => !key.startsWith('ra.saved_queries'))
            .filter(([, text]) => /\bLedamots\b|\bokänt fel\b|"|Ärendet är ärende/i.test(text))
            .map(([key, text]) => `${key}: ${text}`);
        expect(offending).toEqual([]);
    });
});
