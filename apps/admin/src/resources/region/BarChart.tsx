import { Box, Typography } from '@mui/material';

/**
 * Horizontal bars for one figure per municipality. Decorative for screen readers (aria-hidden):
 * the same numbers are in the table beside it. Suppressed figures draw no bar and say so.
 */
export const BarChart = ({
    title,
    bars,
    max,
}: {
    title: string;
    bars: { label: string; value: number | null; text: string }[];
    max?: number;
}) => {
    const top = max ?? Math.max(1e-9, ...bars.map(b => b.value ?? 0));
    return (
        <Box component="figure" sx={{ m: 0 }}>
            <Typography component="figcaption" variant="subtitle2" sx={{ mb: 1 }}>
                {title}
            </Typography>
            <Box
                aria-hidden="true"
                sx={{
                    display: 'grid',
                    gridTemplateColumns: 'max-content 1fr max-content',
                    gap: 0.5,
                    alignItems: 'center',
                }}
            >
                {bars.map(b => (
                    <Box key={b.label} sx={{ display: 'contents' }}>
                        <Typography variant="body2" sx={{ pr: 1 }}>
                            {b.label}
                        </Typography>
                        <Box sx={{ bgcolor: 'grey.200', height: 14, borderRadius: 1 }}>
                            <Box
                                sx={{
                                    bgcolor: 'primary.main',
                                    height: 14,
                                    borderRadius: 1,
                                    width: `${b.value === null ? 0 : Math.max(1, (b.value / top) * 100)}%`,
                                }}
                            />
                        </Box>
                        <Typography variant="body2" sx={{ pl: 1, minWidth: 56, textAlign: 'right' }}>
                            {b.text}
                        </Typography>
                    </Box>
                ))}
            </Box>
        </Box>
    );
};
