import {
    Alert,
    Box,
    Button,
    CircularProgress,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    List,
    TextField,
    Typography,
} from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useGetIdentity, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ApiError, graphqlRequest } from '../../graphql';
import { graphql } from '../../gql';
import type { MeetingStatus } from '../../choices';
import type { MotesplatsDataProvider } from '../../dataProvider';
import type { MeetingFieldsFragment } from '../../gql/graphql';
import { useLimits } from '../../limits';
import { useStockholmTime } from '../../components/JoinLinksTable';
import { AdviceItem } from './AdviceItem';
import { groupFindings, type AdviceInput, type AdviceLine } from './complianceAdvice';

/** What advice (complianceAdvice.ts) is made from; the convene dialog and the attendance warning both ask for it. */
export const MeetingAdviceFields = graphql(`
    fragment MeetingAdviceFields on MeetingEvaluation {
        findings {
            code
            severity
            message {
                sv
                en
            }
            basis {
                reference
            }
            memberId
            itemId
        }
        members {
            id
            name
        }
        items {
            id
            number
            title
            kinds
        }
        quorum {
            itemId
            required
            counted
            seats
            hasQuorum
        }
        remoteParticipants {
            planned
            cap
        }
    }
`);

const ConvenePreviewDocument = graphql(`
    query ConvenePreview($id: ID!) {
        meeting(id: $id) {
            id
            breakoutRooms {
                id
            }
            breakoutWindows {
                opensAt
            }
            attendances {
                mode
                member {
                    name
                    email
                }
            }
        }
        municipalitySettings {
            linkDeliveryLeadMinutes
        }
        evaluateMeeting(meetingId: $id) {
            ...MeetingAdviceFields
        }
    }
`);

interface Preview {
    blockers: AdviceLine[];
    rooms: number;
    deliverAt: string | null;
    remote: number;
    withoutEmail: string[];
}

/** What convening will do, and what keeps it from happening, from one request. */
const loadPreview = async (id: string): Promise<Preview> => {
    const r = await graphqlRequest(ConvenePreviewDocument, { id });
    const lines = groupFindings({ meetingId: id, ...(r.evaluateMeeting satisfies Omit<AdviceInput, 'meetingId'>) });
    const opens = (r.meeting?.breakoutWindows ?? []).map(w => new Date(w.opensAt).getTime());
    // As the API's scheduler: links go out the municipality's lead time before a room first opens.
    const deliverAt =
        opens.length > 0
            ? new Date(
                  Math.max(Date.now(), Math.min(...opens) - r.municipalitySettings.linkDeliveryLeadMinutes * 60_000),
              ).toISOString()
            : null;
    const remote = (r.meeting?.attendances ?? []).filter(a => a.mode === 'REMOTE');
    return {
        blockers: lines.filter(l => l.severity === 'blocker'),
        rooms: r.meeting?.breakoutRooms.length ?? 0,
        deliverAt,
        remote: remote.length,
        withoutEmail: remote.filter(a => !a.member.email).map(a => a.member.name),
    };
};

/**
 * One button per status the API says the meeting may move to next (the record's
 * `nextStatuses`), so the admin never offers a move the API refuses. Convening and cancelling
 * are confirmed first: convening shows what will happen, or what blocks it and who may
 * override; an administrator may convene despite blockers, with a reason.
 */
export const MeetingStatusButtons = () => {
    const record = useRecordContext<MeetingFieldsFragment>();
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const time = useStockholmTime();
    const dataProvider = useDataProvider<MotesplatsDataProvider>();
    const { identity } = useGetIdentity();
    const isAdmin = ((identity?.roles as string[] | undefined) ?? []).includes('tenant-admin');
    const [isPending, setPending] = useState(false);
    const [asking, setAsking] = useState<MeetingStatus | null>(null);
    const [preview, setPreview] = useState<Preview | null>(null);
    const [previewError, setPreviewError] = useState<string | null>(null);
    // The API's refusal, when the rules changed between the preview and the click.
    const [refusal, setRefusal] = useState<string | null>(null);
    const [reason, setReason] = useState('');
    const minLength = useLimits()?.overrideReasonMinLength;
    const close = () => {
        setAsking(null);
        setPreview(null);
        setPreviewError(null);
        setRefusal(null);
        setReason('');
    };
    const mutate = async (status: MeetingStatus, overrideReason?: string) => {
        if (!record) return;
        setPending(true);
        try {
            await dataProvider.changeMeetingStatus(record.id, status, overrideReason);
            notify('app.meeting.status_changed', {
                type: 'success',
                messageArgs: { status: translate(`resources.meetings.status.${status}`) },
            });
            close();
            refresh();
        } catch (error) {
            if (error instanceof ApiError && error.code === 'RULE_VIOLATION' && asking) setRefusal(error.message);
            else notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
        } finally {
            setPending(false);
        }
    };
    const ask = (status: MeetingStatus) => {
        if (status !== 'CONVENED' && status !== 'CANCELLED') return mutate(status);
        setAsking(status);
        if (status === 'CONVENED' && record)
            loadPreview(String(record.id)).then(setPreview, e => setPreviewError((e as Error).message));
    };
    if (!record) return null;
    const current = record.status;
    // Absent only on a record react-admin built without the API (never from our queries).
    const next: MeetingStatus[] = record.nextStatuses ?? [];
    const label = (status: string) => translate(`resources.meetings.status.${status}`);
    const blocked = refusal !== null || (preview?.blockers.length ?? 0) > 0;
    const reasonOk = minLength !== undefined && reason.trim().length >= minLength;
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
                            onClick={() => ask(status)}
                        >
                            {translate('app.meeting.set_status', { status: label(status) })}
                        </Button>
                    ))}
                </Box>
            )}
            <Dialog open={asking === 'CANCELLED'} onClose={close} aria-labelledby="cancel-title">
                <DialogTitle id="cancel-title">
                    {translate('secretary.convene.other_status', {
                        status: translate('app.meeting.set_status', { status: label('CANCELLED') }),
                    })}
                </DialogTitle>
                <DialogContent>
                    <Typography>{translate('secretary.convene.cancel_warning')}</Typography>
                </DialogContent>
                <DialogActions>
                    <Button onClick={close} autoFocus>
                        {translate('ra.action.cancel')}
                    </Button>
                    <Button color="error" variant="contained" disabled={isPending} onClick={() => mutate('CANCELLED')}>
                        {translate('secretary.convene.other_confirm')}
                    </Button>
                </DialogActions>
            </Dialog>
            <Dialog
                open={asking === 'CONVENED'}
                onClose={close}
                aria-labelledby="convene-title"
                maxWidth="md"
                fullWidth
            >
                <DialogTitle id="convene-title">
                    {translate(blocked ? 'secretary.convene.blocked_title' : 'secretary.convene.title')}
                </DialogTitle>
                <DialogContent sx={{ display: 'grid', gap: 2 }}>
                    {previewError && <Alert severity="error">{previewError}</Alert>}
                    {!preview && !previewError && <CircularProgress size={24} aria-label="…" />}
                    {refusal && <Alert severity="error">{refusal}</Alert>}
                    {preview && preview.blockers.length > 0 && (
                        <Box data-testid="convene-blockers">
                            <Typography>{translate('secretary.convene.blocked_intro')}</Typography>
                            <List dense>
                                {preview.blockers.map(line => (
                                    <AdviceItem key={line.key} line={line} onNavigate={close} />
                                ))}
                            </List>
                        </Box>
                    )}
                    {preview && !blocked && (
                        <Box data-testid="convene-preview">
                            <Typography>{translate('secretary.convene.intro')}</Typography>
                            <ul>
                                <li>
                                    {preview.rooms > 0
                                        ? translate('secretary.convene.rooms', { smart_count: preview.rooms })
                                        : translate('secretary.convene.rooms_none')}
                                </li>
                                <li>
                                    {!preview.deliverAt
                                        ? translate('secretary.convene.links_unknown')
                                        : preview.remote > 0
                                          ? translate('secretary.convene.links', {
                                                at: time(preview.deliverAt),
                                                smart_count: preview.remote,
                                            })
                                          : translate('secretary.convene.links_rooms_only', {
                                                at: time(preview.deliverAt),
                                            })}
                                </li>
                                {preview.withoutEmail.length > 0 && (
                                    <li>
                                        {translate('secretary.convene.without_email', {
                                            names: preview.withoutEmail.join(', '),
                                        })}
                                    </li>
                                )}
                            </ul>
                        </Box>
                    )}
                    {blocked &&
                        (isAdmin ? (
                            <>
                                <Typography variant="body2">{translate('secretary.convene.override_offer')}</Typography>
                                <TextField
                                    label={translate('secretary.convene.override_reason')}
                                    value={reason}
                                    onChange={e => setReason(e.target.value)}
                                    multiline
                                    minRows={3}
                                    required
                                    helperText={
                                        minLength === undefined
                                            ? undefined
                                            : translate('secretary.convene.override_min', { min: minLength })
                                    }
                                />
                            </>
                        ) : (
                            <Alert severity="info">{translate('secretary.convene.who_may_override')}</Alert>
                        ))}
                </DialogContent>
                <DialogActions>
                    <Button onClick={close}>{translate('ra.action.cancel')}</Button>
                    {blocked ? (
                        isAdmin && (
                            <Button
                                variant="contained"
                                color="error"
                                disabled={isPending || !reasonOk}
                                onClick={() => mutate('CONVENED', reason.trim())}
                            >
                                {translate('secretary.convene.override_confirm')}
                            </Button>
                        )
                    ) : (
                        <Button
                            variant="contained"
                            disabled={isPending || !preview}
                            onClick={() => mutate('CONVENED')}
                            autoFocus
                        >
                            {translate('secretary.convene.confirm')}
                        </Button>
                    )}
                </DialogActions>
            </Dialog>
        </Box>
    );
};
