import { useEffect, useState } from 'react';
import {
    Alert,
    Box,
    Button,
    MenuItem,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    TextField,
    Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { DateTimeText } from '../../components/DateTimeText';
import type { CoverageStatus, MembershipRole } from '../../gql/graphql';
import {
    SEAT_ROLES,
    STATUSES,
    fetchBodies,
    fetchCoverage,
    fetchRegionalCoverage,
    type CoverageFilter,
    type CoverageMember,
    type CoverageRow,
    type MeetingGaps,
    type RegionalRow,
    type TrainingModule,
} from './api';

const COUNTS = ['trained', 'expiring', 'expired', 'missing'] as const;
// Null only in the region's view: a count above zero and below the threshold is suppressed.
type Counts = Record<(typeof COUNTS)[number], number | null>;

const CountHeaders = () => {
    const translate = useTranslate();
    return (
        <>
            {STATUSES.map(s => (
                <TableCell key={s} align="right">
                    {translate(`app.training.status.${s}`)}
                </TableCell>
            ))}
        </>
    );
};

const CountCells = ({ counts }: { counts: Counts }) => (
    <>
        {COUNTS.map(k => (
            <TableCell key={k} align="right">
                {counts[k] ?? '< 3'}
            </TableCell>
        ))}
    </>
);

/** Coverage per body, seat role and module, with the members behind a figure and the gaps before upcoming meetings. */
export const CoverageTables = ({ modules }: { modules: TrainingModule[] }) => {
    const translate = useTranslate();
    const [bodies, setBodies] = useState<{ id: string; name: string }[]>([]);
    const [filter, setFilter] = useState<CoverageFilter>({});
    const [status, setStatus] = useState<CoverageStatus | null>(null);
    const [rows, setRows] = useState<CoverageRow[]>([]);
    const [members, setMembers] = useState<CoverageMember[]>([]);
    const [gaps, setGaps] = useState<MeetingGaps[]>([]);
    const [error, setError] = useState<string | null>(null);

    useEffect(() => {
        fetchBodies().then(setBodies, () => undefined);
    }, []);
    useEffect(() => {
        fetchCoverage(filter, status).then(
            d => {
                setRows(d.trainingCoverage);
                setMembers(d.trainingCoverageMembers ?? []);
                setGaps(d.meetingTrainingGaps);
                setError(null);
            },
            e => setError((e as Error).message),
        );
    }, [filter, status]);

    const title = (key: string) => modules.find(m => m.key === key)?.title ?? key;
    const blockedGaps = gaps.filter(g => g.blocked.length > 0);
    return (
        <Box sx={{ display: 'grid', gap: 2 }}>
            {error && (
                <Alert severity="error" role="alert">
                    {error}
                </Alert>
            )}
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
                <TextField
                    select
                    label={translate('app.training.fields.body')}
                    value={filter.bodyId ?? ''}
                    onChange={e => setFilter({ ...filter, bodyId: e.target.value || undefined })}
                    sx={{ minWidth: 240 }}
                >
                    <MenuItem value="">{translate('app.training.all')}</MenuItem>
                    {bodies.map(b => (
                        <MenuItem key={b.id} value={b.id}>
                            {b.name}
                        </MenuItem>
                    ))}
                </TextField>
                <TextField
                    select
                    label={translate('app.training.fields.module')}
                    value={filter.moduleKeys?.[0] ?? ''}
                    onChange={e => setFilter({ ...filter, moduleKeys: e.target.value ? [e.target.value] : undefined })}
                    sx={{ minWidth: 240 }}
                >
                    <MenuItem value="">{translate('app.training.all')}</MenuItem>
                    {modules.map(m => (
                        <MenuItem key={m.key} value={m.key}>
                            {m.title}
                        </MenuItem>
                    ))}
                </TextField>
                <TextField
                    select
                    label={translate('app.training.fields.seatRole')}
                    value={filter.seatRole ?? ''}
                    onChange={e => setFilter({ ...filter, seatRole: (e.target.value as MembershipRole) || undefined })}
                    sx={{ minWidth: 180 }}
                >
                    <MenuItem value="">{translate('app.training.all')}</MenuItem>
                    {SEAT_ROLES.map(r => (
                        <MenuItem key={r} value={r}>
                            {translate(`app.training.seat_role.${r}`)}
                        </MenuItem>
                    ))}
                </TextField>
                <TextField
                    label={translate('app.training.fields.onDate')}
                    type="date"
                    value={filter.onDate ?? ''}
                    onChange={e => setFilter({ ...filter, onDate: e.target.value || undefined })}
                    slotProps={{ inputLabel: { shrink: true } }}
                />
            </Box>
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                {STATUSES.map(s => (
                    <Button
                        key={s}
                        size="small"
                        variant={status === s ? 'contained' : 'outlined'}
                        onClick={() => setStatus(status === s ? null : s)}
                        aria-pressed={status === s}
                    >
                        {translate('app.training.show_members', { status: translate(`app.training.status.${s}`) })}
                    </Button>
                ))}
            </Box>
            <Table size="small" aria-label={translate('app.training.tabs.coverage')}>
                <TableHead>
                    <TableRow>
                        <TableCell>{translate('app.training.fields.body')}</TableCell>
                        <TableCell>{translate('app.training.fields.seatRole')}</TableCell>
                        <TableCell>{translate('app.training.fields.module')}</TableCell>
                        <CountHeaders />
                    </TableRow>
                </TableHead>
                <TableBody>
                    {rows.map(r => (
                        <TableRow key={`${r.bodyId}-${r.seatRole}-${r.moduleKey}`}>
                            <TableCell>{r.body?.name}</TableCell>
                            <TableCell>{translate(`app.training.seat_role.${r.seatRole}`)}</TableCell>
                            <TableCell>{title(r.moduleKey)}</TableCell>
                            <CountCells counts={r} />
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
            {status && (
                <>
                    <Typography component="h3" variant="h6">
                        {translate('app.training.members_heading', {
                            status: translate(`app.training.status.${status}`),
                        })}
                    </Typography>
                    <Table
                        size="small"
                        aria-label={translate('app.training.members_heading', {
                            status: translate(`app.training.status.${status}`),
                        })}
                    >
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('app.training.fields.member')}</TableCell>
                                <TableCell>{translate('app.training.fields.body')}</TableCell>
                                <TableCell>{translate('app.training.fields.seatRole')}</TableCell>
                                <TableCell>{translate('app.training.fields.module')}</TableCell>
                                <TableCell>{translate('app.training.fields.validUntil')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {members.map(m => (
                                <TableRow key={`${m.memberId}-${m.body?.name}-${m.moduleKey}`}>
                                    <TableCell>{m.member?.name}</TableCell>
                                    <TableCell>{m.body?.name}</TableCell>
                                    <TableCell>{translate(`app.training.seat_role.${m.seatRole}`)}</TableCell>
                                    <TableCell>{title(m.moduleKey)}</TableCell>
                                    <TableCell>{m.validUntil ?? '–'}</TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                </>
            )}
            <Typography component="h3" variant="h6">
                {translate('app.training.gaps_heading')}
            </Typography>
            {blockedGaps.length === 0 && <Typography>{translate('app.training.no_gaps')}</Typography>}
            {blockedGaps.map(g => (
                <Box key={g.meeting.id}>
                    <Typography component="h4" variant="subtitle1">
                        {g.meeting.body.name} – {g.meeting.title}, <DateTimeText record={g.meeting} source="startsAt" />
                    </Typography>
                    <Typography variant="body2">
                        {translate('app.training.required', { keys: g.requiredModuleKeys.map(title).join(', ') })}
                    </Typography>
                    <ul>
                        {g.blocked.map(b => (
                            <li key={b.memberId}>
                                {b.member?.name} ({translate(`app.training.seat_role.${b.seatRole}`)}):{' '}
                                {translate('app.training.fields.missing_modules')}{' '}
                                {b.missingModuleKeys.map(title).join(', ')}
                            </li>
                        ))}
                    </ul>
                </Box>
            ))}
        </Box>
    );
};

/** What a regional coordinator sees: counts per municipality, never names. */
export const RegionalCoverage = ({ modules }: { modules: TrainingModule[] }) => {
    const translate = useTranslate();
    const [rows, setRows] = useState<RegionalRow[]>([]);
    const [moduleKey, setModuleKey] = useState('');
    useEffect(() => {
        fetchRegionalCoverage().then(setRows, () => setRows([]));
    }, []);
    const title = (key: string) => modules.find(m => m.key === key)?.title ?? key;
    const shown = rows.filter(r => !moduleKey || r.moduleKey === moduleKey);
    return (
        <Box sx={{ display: 'grid', gap: 2 }}>
            <Typography variant="body2">{translate('app.training.regional_help')}</Typography>
            <TextField
                select
                label={translate('app.training.fields.module')}
                value={moduleKey}
                onChange={e => setModuleKey(e.target.value)}
                sx={{ maxWidth: 320 }}
            >
                <MenuItem value="">{translate('app.training.all')}</MenuItem>
                {modules.map(m => (
                    <MenuItem key={m.key} value={m.key}>
                        {m.title}
                    </MenuItem>
                ))}
            </TextField>
            <Table size="small" aria-label={translate('app.training.tabs.regional')}>
                <TableHead>
                    <TableRow>
                        <TableCell>{translate('app.training.fields.municipality')}</TableCell>
                        <TableCell>{translate('app.training.fields.module')}</TableCell>
                        <TableCell>{translate('app.training.fields.seatRole')}</TableCell>
                        <CountHeaders />
                    </TableRow>
                </TableHead>
                <TableBody>
                    {shown.map(r => (
                        <TableRow key={`${r.municipalityId}-${r.moduleKey}-${r.seatRole}`}>
                            <TableCell>{r.municipalityName}</TableCell>
                            <TableCell>{title(r.moduleKey)}</TableCell>
                            <TableCell>{translate(`app.training.seat_role.${r.seatRole}`)}</TableCell>
                            <CountCells counts={r} />
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
        </Box>
    );
};
