import { required, type Validator } from 'react-admin';

export const req = required();

export const integer: Validator = (value: unknown) =>
    value === null || value === undefined || value === '' || Number.isInteger(Number(value))
        ? undefined
        : 'app.validation.integer';

const time = (value: unknown) => (value ? new Date(value as string).getTime() : NaN);

/** Record-level check mirroring the API's rule, so the user sees it before saving. */
export const endAfter =
    (startField: string, message: string): Validator =>
    (value: unknown, values: Record<string, unknown>) => {
        const start = time(values[startField]);
        const end = time(value);
        return !Number.isNaN(start) && !Number.isNaN(end) && end <= start ? message : undefined;
    };
