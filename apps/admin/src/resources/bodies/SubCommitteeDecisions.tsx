import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import {
    Alert,
    Box,
    Button,
    FormControl,
    FormControlLabel,
    FormLabel,
    Radio,
    RadioGroup,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    TextField,
    Typography,
} from '@mui/material';
import {
    Link,
    useCreatePath,
    useGetIdentity,
    useGetList,
    useNotify,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { fetchDecisions, recordDecision, type SubCommitteeRemoteDecision } from './api';
import { stockholmToday } from '@motesplats/rules/stockholm-time';

const WRITERS = ['tenant-admin', 'secretary'];

/**
 * A sub-committee cannot allow remote participation itself: its parent committee decides it.
 * The decisions are a history (never rewritten); a meeting is judged by the one in force on its date.
 */
// `label={false}` keeps the show layout from putting an empty field label above the section.
export const SubCommitteeDecisions = (_props: { label?: false }) => {
    const body = useRecordContext();
    const translate = useTranslate();
    const notify = useNotify();
    const { identity } = useGetIdentity();
    const canRecord = ((identity?.roles as string[] | undefined) ?? []).some(r => WRITERS.includes(r));
    const headingId = useId();
    const formHeadingId = useId();
    const [decisions, setDecisions] = useState<SubCommitteeRemoteDecision[] | null>(null);
    const [error, setError] = useState<string | null>(null);
    const [reference, setReference] = useState('');
    const [decidedOn, setDecidedOn] = useState(() => stockholmToday(new Date()));
    const [allowsRemote, setAllowsRemote] = useState(true);
    const [saving, setSaving] = useState(false);
    const bodyId = body?.id as string | undefined;

    const load = useCallback(async () => {
        if (bodyId) setDecisions(await fetchDecisions(bodyId));
    }, [bodyId]);
    useEffect(() => {
        load().catch(e => setError((e as Error).message));
    }, [load]);

    if (!body) return null;
    const submit = async (event: FormEvent) => {
        event.preventDefault();
        setError(null);
        setSaving(true);
        try {
            await recordDecision({ bodyId: body.id as string, allowsRemote, reference, decidedOn });
            notify('app.body.decision_recorded', { type: 'success' });
            setReference('');
            await load();
        } catch (e) {
            setError((e as Error).message);
        } finally {
            setSaving(false);
        }
    };
    const yesNo = (value: boolean) => translate(value ? 'app.body.allows_remote_yes' : 'app.body.allows_remote_no');
    return (
        <Box component="section" aria-labelledby={headingId} sx={{ display: 'grid', gap: 2 }}>
            <Typography id={headingId} component="h2" variant="h6">
                {translate('app.body.decisions_heading')}
            </Typography>
            <Alert severity="info">
                {translate('app.body.decisions_help', {
                    parent: body.parentBody?.name ?? translate('app.body.the_parent'),
                })}{' '}
                {translate('app.rules.basis', { basis: translate('app.body.decisions_basis') })}
            </Alert>
            {decisions && decisions.length === 0 && (
                <Typography variant="body2">{translate('app.body.no_decisions')}</Typography>
            )}
            {decisions && decisions.length > 0 && (
                <Table size="small" aria-labelledby={headingId}>
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('app.body.decision_reference')}</TableCell>
                            <TableCell>{translate('app.body.decided_on')}</TableCell>
                            <TableCell>{translate('app.body.allows_remote')}</TableCell>
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {decisions.map(d => (
                            <TableRow key={d.id}>
                                <TableCell>{d.reference}</TableCell>
                                <TableCell>{d.decidedOn}</TableCell>
                                <TableCell>{yesNo(d.allowsRemote)}</TableCell>
                            </TableRow>
                        ))}
                    </TableBody>
                </Table>
            )}
            {error && <Alert severity="error">{error}</Alert>}
            {canRecord && (
                <Box
                    component="form"
                    onSubmit={submit}
                    aria-labelledby={formHeadingId}
                    sx={{ display: 'grid', gap: 2, maxWidth: 480 }}
                >
                    <Typography id={formHeadingId} component="h3" variant="subtitle1">
                        {translate('app.body.record_decision')}
                    </Typography>
                    <TextField
                        required
                        label={translate('app.body.decision_reference')}
                        helperText={translate('app.body.decision_reference_help')}
                        value={reference}
                        onChange={e => setReference(e.target.value)}
                    />
                    <TextField
                        required
                        type="date"
                        label={translate('app.body.decided_on')}
                        value={decidedOn}
                        slotProps={{ inputLabel: { shrink: true } }}
                        onChange={e => setDecidedOn(e.target.value)}
                    />
                    <FormControl>
                        <FormLabel id={`${formHeadingId}-allows`}>{translate('app.body.allows_remote')}</FormLabel>
                        <RadioGroup
                            row
                            aria-labelledby={`${formHeadingId}-allows`}
                            value={allowsRemote ? 'yes' : 'no'}
                            onChange={e => setAllowsRemote(e.target.value === 'yes')}
                        >
                            <FormControlLabel value="yes" control={<Radio />} label={yesNo(true)} />
                            <FormControlLabel value="no" control={<Radio />} label={yesNo(false)} />
                        </RadioGroup>
                    </FormControl>
                    <Box>
                        <Button type="submit" variant="contained" disabled={saving || !reference.trim() || !decidedOn}>
                            {translate('app.body.record_decision')}
                        </Button>
                    </Box>
                </Box>
            )}
        </Box>
    );
};

/** On a committee's page: its sub-committees meet remotely only by this committee's decision, recorded on their pages. */
export const ParentCommitteeHint = (_props: { label?: false }) => {
    const body = useRecordContext();
    const translate = useTranslate();
    const createPath = useCreatePath();
    const { data } = useGetList(
        'bodies',
        {
            filter: { parentBodyId: body?.id, kind: 'SUB_COMMITTEE' },
            pagination: { page: 1, perPage: 100 },
            sort: { field: 'name', order: 'ASC' },
        },
        { enabled: !!body },
    );
    if (!data || data.length === 0) return null;
    return (
        <Alert severity="info" component="section" aria-label={translate('app.body.decisions_heading')}>
            {translate('app.body.parent_hint')}{' '}
            {data.map((sub, i) => (
                <span key={sub.id}>
                    {i > 0 && ', '}
                    <Link to={createPath({ resource: 'bodies', id: sub.id, type: 'show' }) + '/remote'}>
                        {sub.name}
                    </Link>
                </span>
            ))}
        </Alert>
    );
};
