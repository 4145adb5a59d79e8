import type { ReactNode } from 'react';
import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';

/** A region page: title, intro, a progress bar only while loading, and an error in the page. */
export const PageFrame = ({
    title,
    intro,
    loading,
    error,
    children,
}: {
    title: string;
    intro?: string;
    loading?: boolean;
    error?: string | null;
    children: ReactNode;
}) => {
    const translate = useTranslate();
    return (
        <Box sx={{ mt: 2, display: 'grid', gap: 2 }}>
            <Title title={translate(title)} />
            <Typography component="h1" variant="h5">
                {translate(title)}
            </Typography>
            {intro && <Typography variant="body2">{translate(intro)}</Typography>}
            {loading && <LinearProgress aria-label={translate('ra.page.loading')} />}
            {error && (
                <Alert severity="error" role="alert">
                    {error}
                </Alert>
            )}
            {children}
        </Box>
    );
};
