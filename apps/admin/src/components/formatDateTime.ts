import { useLocaleState } from 'react-admin';
import { intlLocale } from '../i18n';
import { MUNICIPAL_TIME_ZONE } from '@motesplats/rules/stockholm-time';

/**
 * The admin's one way of writing a moment: "28 jan. 2027 18:00" (English: "28 Jan 2027, 18:00"),
 * always in Swedish time, whatever the browser's zone. The member's page writes it the same way.
 */
export const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: MUNICIPAL_TIME_ZONE,
};
/** A day without a time: "28 jan. 2027". */
export const DATE_OPTIONS: Intl.DateTimeFormatOptions = {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: MUNICIPAL_TIME_ZONE,
};

const asDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));

export const formatDateTime = (value: string | Date | null | undefined, locale: string): string =>
    value ? new Intl.DateTimeFormat(intlLocale(locale), DATE_TIME_OPTIONS).format(asDate(value)) : '–';

export const formatDate = (value: string | Date | null | undefined, locale: string): string =>
    value ? new Intl.DateTimeFormat(intlLocale(locale), DATE_OPTIONS).format(asDate(value)) : '–';

/** `formatDateTime` and `formatDate` in the language the admin is shown in. */
export const useDateTimeFormat = () => {
    const [locale] = useLocaleState();
    return {
        dateTime: (value: string | Date | null | undefined) => formatDateTime(value, locale),
        date: (value: string | Date | null | undefined) => formatDate(value, locale),
    };
};
