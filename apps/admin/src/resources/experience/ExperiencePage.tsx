import { useState } from 'react';
import {
    Card,
    CardContent,
    Checkbox,
    Chip,
    FormControlLabel,
    List,
    ListItem,
    ListItemButton,
    ListItemText,
    TextField,
    Typography,
    Box,
    Button,
} from '@mui/material';
import { useGetIdentity, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { formatDate } from '../../components/formatDateTime';
import { DateTimeText } from '../../components/DateTimeText';
import { PageFrame } from '../region/PageFrame';
import { fetchMySharing, updateMySharing, type Sharing } from '../region/api';
import { useLoad } from '../region/useLoad';
import { fetchReports, submitReport, type ReportInput } from './api';
import { ReportForm } from './ReportForm';

/** What the municipality shares with its region; withdrawing takes effect at once. */
const SharingCard = ({ canChange }: { canChange: boolean }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const { data, error, reload } = useLoad(fetchMySharing, []);
    const [email, setEmail] = useState<string | null>(null);
    const change = (patch: Partial<Sharing>) =>
        updateMySharing(patch).then(
            () => (notify('experience.sharing.saved', { type: 'success' }), reload()),
            (e: Error) => notify(e.message, { type: 'error' }),
        );
    if (error) return <Typography color="error">{error}</Typography>;
    if (!data) return null;
    return (
        <Card>
            <CardContent sx={{ display: 'grid', gap: 1 }}>
                <Typography component="h2" variant="h6">
                    {translate('experience.sharing.title')}
                </Typography>
                <Typography variant="body2">{translate('experience.sharing.intro')}</Typography>
                {(['sharesRules', 'sharesAggregates', 'sharesReports'] as const).map(k => (
                    <FormControlLabel
                        key={k}
                        control={
                            <Checkbox
                                checked={data[k]}
                                disabled={!canChange}
                                onChange={e => void change({ [k]: e.target.checked })}
                            />
                        }
                        label={translate(`experience.sharing.${k}`)}
                    />
                ))}
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                    <TextField
                        size="small"
                        label={translate('experience.sharing.contactEmail')}
                        value={email ?? data.contactEmail ?? ''}
                        onChange={e => setEmail(e.target.value)}
                        disabled={!canChange}
                    />
                    {canChange && email !== null && (
                        <Button onClick={() => void change({ contactEmail: email || null }).then(() => setEmail(null))}>
                            {translate('ra.action.save')}
                        </Button>
                    )}
                </Box>
            </CardContent>
        </Card>
    );
};

/** The municipality's experience reports after meetings with remote participants. */
export const ExperiencePage = () => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const notify = useNotify();
    const { identity } = useGetIdentity();
    const roles = (identity?.roles as string[] | undefined) ?? [];
    const canWrite = roles.includes('tenant-admin') || roles.includes('secretary');
    const { data, loading, error, reload } = useLoad(fetchReports, []);
    const [open, setOpen] = useState<string | null>(null);
    const report = data?.find(r => r.id === open);
    const submit = (input: ReportInput) =>
        submitReport(open!, input).then(
            () => (notify('experience.saved', { type: 'success' }), setOpen(null), reload()),
            (e: Error) => notify(e.message, { type: 'error' }),
        );
    return (
        <PageFrame title="experience.title" intro="experience.intro" loading={loading} error={error}>
            <SharingCard canChange={roles.includes('tenant-admin')} />
            <Card>
                <CardContent>
                    {data && data.length === 0 && <Typography>{translate('experience.none')}</Typography>}
                    <List aria-label={translate('experience.title')}>
                        {data?.map(r => (
                            <ListItem key={r.id} disablePadding>
                                <ListItemButton
                                    selected={r.id === open}
                                    onClick={() => setOpen(r.id === open ? null : r.id)}
                                >
                                    <ListItemText
                                        primary={
                                            <>
                                                {r.meetingTitle} – <DateTimeText record={r} source="meetingStartsAt" />
                                            </>
                                        }
                                        secondary={translate(
                                            r.status === 'SUBMITTED' ? 'experience.submittedOn' : 'experience.dueOn',
                                            {
                                                date: formatDate(
                                                    r.status === 'SUBMITTED' ? r.submittedAt : r.dueOn,
                                                    locale,
                                                ),
                                            },
                                        )}
                                    />
                                    <Chip
                                        size="small"
                                        color={r.status === 'SUBMITTED' ? 'success' : 'warning'}
                                        label={translate(`experience.status.${r.status}`)}
                                    />
                                </ListItemButton>
                            </ListItem>
                        ))}
                    </List>
                </CardContent>
            </Card>
            {report && (
                <Card>
                    <CardContent>
                        <Typography component="h2" variant="h6" sx={{ mb: 2 }}>
                            {report.meetingTitle}
                        </Typography>
                        <ReportForm key={report.id} report={report} canWrite={canWrite} onSubmit={submit} />
                    </CardContent>
                </Card>
            )}
        </PageFrame>
    );
};
