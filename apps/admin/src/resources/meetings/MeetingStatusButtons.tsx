import {
    Alert,
    Box,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    TextField,
    Typography,
} from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useGetIdentity, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ApiError } from '../../graphql';
import type { MeetingStatus } from '../../choices';
import type { MotesplatsDataProvider } from '../../dataProvider';
import type { MeetingFieldsFragment } from '../../gql/graphql';
import { useLimits } from '../../limits';

/**
 * One button per status the API says the meeting may move to next (the record's
 * `nextStatuses`), so the admin never offers a move the API refuses.
 */
export const MeetingStatusButtons = () => {
    const record = useRecordContext<MeetingFieldsFragment>();
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const dataProvider = useDataProvider<MotesplatsDataProvider>();
    const { identity } = useGetIdentity();
    const isAdmin = ((identity?.roles as string[] | undefined) ?? []).includes('tenant-admin');
    const [isPending, setPending] = useState(false);
    // Convening refused by the rules: an administrator may convene anyway, with a reason.
    const [refusal, setRefusal] = useState<{ status: MeetingStatus; message: string } | null>(null);
    const [reason, setReason] = useState('');
    const minLength = useLimits()?.overrideReasonMinLength;
    const mutate = async (status: MeetingStatus, overrideReason?: string) => {
        if (!record) return;
        setPending(true);
        try {
            await dataProvider.changeMeetingStatus(record.id, status, overrideReason);
            notify('app.meeting.status_changed', {
                type: 'success',
                messageArgs: { status: translate(`resources.meetings.status.${status}`) },
            });
            setRefusal(null);
            setReason('');
            refresh();
        } catch (error) {
            if (error instanceof ApiError && error.code === 'RULE_VIOLATION' && isAdmin) {
                setRefusal({ status, message: error.message });
            } else {
                // RULE_VIOLATION and CONFLICT come back with a message meant for the user.
                notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
            }
        } finally {
            setPending(false);
        }
    };
    if (!record) return null;
    const current = record.status;
    // Absent only on a record react-admin built without the API (never from our queries).
    const next: MeetingStatus[] = record.nextStatuses ?? [];
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
            <Dialog
                open={refusal !== null}
                onClose={() => setRefusal(null)}
                aria-labelledby="override-title"
                maxWidth="sm"
                fullWidth
            >
                <DialogTitle id="override-title">{translate('app.meeting.override_title')}</DialogTitle>
                <DialogContent sx={{ display: 'grid', gap: 2 }}>
                    <Alert severity="error">{refusal?.message}</Alert>
                    <Typography variant="body2">{translate('app.meeting.override_help')}</Typography>
                    <TextField
                        label={translate('app.meeting.override_reason')}
                        value={reason}
                        onChange={e => setReason(e.target.value)}
                        multiline
                        minRows={3}
                        required
                        helperText={
                            minLength === undefined
                                ? undefined
                                : translate('app.meeting.override_min', { min: minLength })
                        }
                    />
                </DialogContent>
                <DialogActions>
                    <Button onClick={() => setRefusal(null)}>{translate('ra.action.cancel')}</Button>
                    <Button
                        variant="contained"
                        color="error"
                        disabled={isPending || minLength === undefined || reason.trim().length < minLength}
                        onClick={() => refusal && mutate(refusal.status, reason.trim())}
                    >
                        {translate('app.meeting.override_confirm')}
                    </Button>
                </DialogActions>
            </Dialog>
        </Box>
    );
};
