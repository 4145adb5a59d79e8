import { DateTimeInput, type DateTimeInputProps } from 'react-admin';
import { fromStockholmInput, toStockholmInput } from '@motesplats/rules/stockholm-time';

/** A date-and-time input in Swedish local time, so an 18.00 meeting is 18.00 for everyone. */
export const StockholmDateTimeInput = (props: DateTimeInputProps) => (
    <DateTimeInput format={toStockholmInput} parse={fromStockholmInput} {...props} />
);
