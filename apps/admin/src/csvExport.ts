import jsonExport from 'jsonexport/dist';
import { downloadCSV, type Exporter } from 'react-admin';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, a tab or carriage return, or a quote
 * that would hide one) gets a leading single quote (OWASP, CSV injection): a member named
 * =HYPERLINK(...) is exported as text. The same rule as the API's CSV export.
 */
export const neutraliseCell = (value: string): string => (/^[=+\-@\t\r']/.test(value) ? `'${value}` : value);

const neutraliseDeep = (value: unknown): unknown => {
    if (typeof value === 'string') return neutraliseCell(value);
    if (Array.isArray(value)) return value.map(neutraliseDeep);
    if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, neutraliseDeep(v)]));
    return value;
};

/** react-admin's default list export, with every text cell neutralised. */
export const safeExporter: Exporter = (records, _fetchRelated, _dataProvider, resource) =>
    jsonExport(records.map(neutraliseDeep), (err: Error | null, csv: string) => {
        if (!err) downloadCSV(csv, resource);
    });
