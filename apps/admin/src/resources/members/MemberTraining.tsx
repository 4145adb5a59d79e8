import {
    Alert,
    Box,
    Button,
    Card,
    CardContent,
    MenuItem,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    TextField,
    Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useGetIdentity, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { stockholmToday } from '@motesplats/rules/stockholm-time';
import {
    fetchCompletions,
    fetchModules,
    recordCompletion,
    type Completion,
    type TrainingModule,
} from '../training/api';

/**
 * The member's own training on the member's page: what they have completed, valid until when,
 * and recording a new completion — where the compliance advice "Registrera utbildning" leads.
 */
export const MemberTraining = () => {
    const member = useRecordContext();
    const translate = useTranslate();
    const notify = useNotify();
    const { identity } = useGetIdentity();
    const roles = (identity?.roles as string[] | undefined) ?? [];
    const canWrite = roles.includes('tenant-admin') || roles.includes('secretary');
    const [completions, setCompletions] = useState<Completion[] | null>(null);
    const [modules, setModules] = useState<TrainingModule[]>([]);
    const [moduleKey, setModuleKey] = useState('');
    const [completedOn, setCompletedOn] = useState(() => stockholmToday(new Date()));
    const [error, setError] = useState<string | null>(null);
    const memberId = member ? String(member.id) : null;
    const load = useCallback(async () => {
        if (memberId) setCompletions(await fetchCompletions(memberId));
    }, [memberId]);
    useEffect(() => {
        load().catch(e => setError((e as Error).message));
        fetchModules().then(setModules, () => setModules([]));
    }, [load]);
    if (!member) return null;
    const record = async () => {
        setError(null);
        try {
            await recordCompletion(String(member.id), moduleKey, completedOn);
            notify('secretary.member_training.recorded', { type: 'success' });
            setModuleKey('');
            await load();
        } catch (e) {
            setError((e as Error).message);
        }
    };
    return (
        <Card component="section" aria-labelledby="member-training-heading" sx={{ mt: 2 }}>
            <CardContent>
                <Typography id="member-training-heading" component="h2" variant="h6">
                    {translate('secretary.member_training.heading')}
                </Typography>
                {error && (
                    <Alert severity="error" role="alert">
                        {error}
                    </Alert>
                )}
                {completions && completions.length === 0 && (
                    <Typography variant="body2">{translate('secretary.member_training.none')}</Typography>
                )}
                {completions && completions.length > 0 && (
                    <Table size="small" aria-labelledby="member-training-heading" data-testid="member-training">
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('secretary.member_training.module')}</TableCell>
                                <TableCell>{translate('secretary.member_training.completed_on')}</TableCell>
                                <TableCell>{translate('secretary.member_training.valid_until')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {completions.map(c => (
                                <TableRow key={c.id}>
                                    <TableCell>{c.module?.title ?? c.moduleKey}</TableCell>
                                    <TableCell>{c.completedOn}</TableCell>
                                    <TableCell>
                                        {c.validUntil ?? translate('secretary.member_training.no_expiry')}
                                    </TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                )}
                {canWrite && (
                    <Box component="form" onSubmit={e => (e.preventDefault(), record())} sx={{ mt: 2 }}>
                        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                            <TextField
                                select
                                size="small"
                                label={translate('secretary.member_training.module')}
                                value={moduleKey}
                                onChange={e => setModuleKey(e.target.value)}
                                sx={{ minWidth: 280 }}
                                required
                            >
                                {modules.map(m => (
                                    <MenuItem key={m.key} value={m.key}>
                                        {m.title}
                                    </MenuItem>
                                ))}
                            </TextField>
                            <TextField
                                size="small"
                                type="date"
                                label={translate('secretary.member_training.completed_on')}
                                value={completedOn}
                                onChange={e => setCompletedOn(e.target.value)}
                                slotProps={{ inputLabel: { shrink: true } }}
                                required
                            />
                            <Button type="submit" variant="contained" disabled={!moduleKey || !completedOn}>
                                {translate('secretary.member_training.record')}
                            </Button>
                        </Stack>
                    </Box>
                )}
            </CardContent>
        </Card>
    );
};
