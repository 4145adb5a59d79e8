import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';
import { intlLocale } from '../i18n';
import { MUNICIPAL_TIME_ZONE } from '@motesplats/rules/stockholm-time';

/** Date and time in Swedish local time, in the UI language's conventions (Swedish: 2025-03-14 18:00). */
export const DateTimeText = (props: DateFieldProps) => {
    const [locale] = useLocaleState();
    return (
        <DateField
            showTime
            locales={intlLocale(locale)}
            options={{ dateStyle: 'medium', timeStyle: 'short', timeZone: MUNICIPAL_TIME_ZONE }}
            {...props}
        />
    );
};
