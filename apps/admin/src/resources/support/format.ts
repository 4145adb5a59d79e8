import { intlLocale } from '../../i18n';

/** Times in the municipality's zone, whatever the browser's. */
export const formatTime = (iso: string, locale: string) =>
    new Intl.DateTimeFormat(intlLocale(locale), {
        timeZone: 'Europe/Stockholm',
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
    }).format(new Date(iso));

export const formatClock = (iso: string, locale: string) =>
    new Intl.DateTimeFormat(intlLocale(locale), {
        timeZone: 'Europe/Stockholm',
        hour: '2-digit',
        minute: '2-digit',
    }).format(new Date(iso));

export const stockholmDate = (iso: string | Date) =>
    new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/Stockholm',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
    }).format(new Date(iso));
