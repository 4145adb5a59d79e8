import { Box, Button, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { nextMeetingStatuses, type MeetingStatus } from '../../choices';
import type { MotesplatsDataProvider } from '../../dataProvider';

/** One button per status the meeting may move to next; the API has the final word. */
export const MeetingStatusButtons = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const dataProvider = useDataProvider<MotesplatsDataProvider>();
    const [isPending, setPending] = useState(false);
    const mutate = async (status: MeetingStatus) => {
        if (!record) return;
        setPending(true);
        try {
            await dataProvider.changeMeetingStatus(record.id, status);
            notify('app.meeting.status_changed', {
                type: 'success',
                messageArgs: { status: translate(`resources.meetings.status.${status}`) },
            });
            refresh();
        } catch (error) {
            // RULE_VIOLATION and CONFLICT come back with a message meant for the user.
            notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
        } finally {
            setPending(false);
        }
    };
    if (!record) return null;
    const current = record.status as MeetingStatus;
    const next = nextMeetingStatuses[current] ?? [];
    const label = (status: string) => translate(`resources.meetings.status.${status}`);
    return (
        <Box component="section" aria-labelledby="meeting-status-heading" sx={{ mt: 2 }}>
            <Typography id="meeting-status-heading" component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>
                {translate('app.meeting.change_status')}
            </Typography>
            {next.length === 0 ? (
                <Typography variant="body2">
                    {translate('app.meeting.no_transitions', { status: label(current).toLowerCase() })}
                </Typography>
            ) : (
                <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1 }}>
                    {next.map(status => (
                        <Button
                            key={status}
                            variant={status === 'CANCELLED' ? 'outlined' : 'contained'}
                            color={status === 'CANCELLED' ? 'error' : 'primary'}
                            disabled={isPending}
                            onClick={() => mutate(status)}
                        >
                            {translate('app.meeting.set_status', { status: label(status) })}
                        </Button>
                    ))}
                </Box>
            )}
        </Box>
    );
};
