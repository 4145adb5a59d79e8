import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

// Text colours all reach at least 4.5:1 on their background.
const colours: Record<string, { bg: string; fg: string }> = {
    PLANNED: { bg: '#e8eef5', fg: '#1d3b5c' },
    CONVENED: { bg: '#dbeafe', fg: '#123d7a' },
    IN_PROGRESS: { bg: '#dcf2e2', fg: '#14532d' },
    RECESS: { bg: '#fff1d6', fg: '#6b3a00' },
    ENDED: { bg: '#ececec', fg: '#333333' },
    CANCELLED: { bg: '#fde2e1', fg: '#8a1c14' },
};

export const MeetingStatusChip = (_props: { source?: string; label?: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record?.status) return null;
    const c = colours[record.status] ?? colours.PLANNED!;
    return (
        <Chip
            size="small"
            label={translate(`resources.meetings.status.${record.status}`)}
            sx={{ bgcolor: c.bg, color: c.fg, fontWeight: 600 }}
        />
    );
};
