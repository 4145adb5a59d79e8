import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';
import sv from './sv';
import { secretarySv } from './secretary.sv';

export const locales = [
    { locale: 'sv', name: 'Svenska' },
    { locale: 'en', name: 'English' },
];

// English is fetched when chosen: Swedish, the default, is all the first screen needs.
// The secretary's catalogue is its own file (one top-level key), merged here.
const svMessages = { ...sv, ...secretarySv };
const base = polyglotI18nProvider(
    locale =>
        locale === 'en'
            ? Promise.all([import('./en'), import('./secretary.en')]).then(([m, s]) => ({
                  ...m.default,
                  ...s.secretaryEn,
              }))
            : svMessages,
    'sv',
    locales,
    {
        allowMissing: true,
    },
);

const applyDocumentLocale = (locale: string) => {
    document.documentElement.lang = locale;
};

/**
 * react-admin restores the chosen locale from its store by calling changeLocale, so
 * hooking it here keeps `<html lang>` right for screen readers on every page, including
 * the login page, which lives outside the layout.
 */
export const i18nProvider: I18nProvider = {
    ...base,
    translate: (key, options) => {
        if (!key.startsWith('ra.') || typeof options?.name !== 'string' || key.startsWith('ra.saved_queries')) {
            return base.translate(key, options);
        }
        // react-admin puts the resource's name ("Sammanträden") into its sentences; Swedish
        // writes common nouns in lower case mid-sentence: "Skapa sammanträde", "Inga sammanträden hittades".
        const name = options.name.charAt(0).toLocaleLowerCase('sv') + options.name.slice(1);
        const text = base.translate(key, { ...options, name });
        return text.charAt(0).toLocaleUpperCase('sv') + text.slice(1);
    },
    changeLocale: async (locale, options) => {
        await base.changeLocale(locale, options);
        applyDocumentLocale(locale);
    },
};

applyDocumentLocale(base.getLocale());

/** Intl locale for dates and numbers, matching the UI language. */
export const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'sv-SE');
