import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';
import { intlLocale } from '../i18n';
import { DATE_TIME_OPTIONS } from './formatDateTime';

/** A record's moment in the admin's one format ("28 jan. 2027 18:00"), Swedish time. */
export const DateTimeText = (props: DateFieldProps) => {
    const [locale] = useLocaleState();
    return <DateField showTime locales={intlLocale(locale)} options={DATE_TIME_OPTIONS} {...props} />;
};
