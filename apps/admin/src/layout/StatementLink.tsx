import { Box, Link } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ACCESSIBILITY_STATEMENT_PATH } from './accessibilityPath';

/** The accessibility statement, one link away from every page, signed in or not. */
export const StatementLink = () => {
    const translate = useTranslate();
    return (
        <Box component="footer" sx={{ py: 2, px: 1, textAlign: 'center' }}>
            <Link href={`#${ACCESSIBILITY_STATEMENT_PATH}`}>{translate('app.a11y.link')}</Link>
        </Box>
    );
};
