import { formatDateTime } from '../../components/formatDateTime';
import { intlLocale } from '../../i18n';

/** Times in the municipality's zone, whatever the browser's, in the admin's one format. */
export const formatTime = (iso: string, locale: string) => formatDateTime(iso, locale);

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
