import { useRecordContext } from 'react-admin';
import { Typography } from '@mui/material';
import { useLabel, type Vocabulary } from '../labels';

/** A field holding a code (a platform key, an item kind), shown by its label in the current language. */
export const CodeField = ({ source, vocabulary }: { source: string; vocabulary: Vocabulary; label?: string }) => {
    const record = useRecordContext();
    const label = useLabel();
    const value: unknown = record?.[source];
    const codes = Array.isArray(value) ? value : value ? [value] : [];
    return (
        <Typography component="span" variant="body2">
            {codes.length ? codes.map(code => label(vocabulary, String(code))).join(', ') : '–'}
        </Typography>
    );
};
