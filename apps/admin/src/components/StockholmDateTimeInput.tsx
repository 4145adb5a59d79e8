import { DateTimeInput, useLocaleState, type DateTimeInputProps } from 'react-admin';
import { fromStockholmInput, toStockholmInput } from '@motesplats/rules/stockholm-time';

/**
 * A date-and-time input in Swedish local time, so an 18.00 meeting is 18.00 for everyone.
 *
 * The field carries the admin's language itself: Chromium, where it lets the page's language
 * shape a date field (year-month-day and 24 h in Swedish), reads it when the field gets its type,
 * and React sets the type before the field is in the page, where `<html lang>` would reach it.
 * The key rebuilds the field when the language changes, for the same reason.
 */
export const StockholmDateTimeInput = (props: DateTimeInputProps) => {
    const [locale] = useLocaleState();
    return (
        <DateTimeInput
            key={locale}
            format={toStockholmInput}
            parse={fromStockholmInput}
            {...props}
            slotProps={{ ...props.slotProps, htmlInput: { lang: locale, ...props.slotProps?.htmlInput } }}
        />
    );
};
