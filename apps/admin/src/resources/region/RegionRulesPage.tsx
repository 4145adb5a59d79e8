import { useState } from 'react';
import {
    Card,
    CardContent,
    Chip,
    MenuItem,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    TextField,
    Tooltip,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { PageFrame } from './PageFrame';
import { BODY_KINDS, fetchRulesMatrix, type RulesCell } from './api';
import { useLoad } from './useLoad';

const FIELDS: { key: string; deviation: string[]; show: (c: RulesCell) => string }[] = [
    { key: 'remoteAllowed', deviation: ['remoteParticipation.allowed'], show: c => (c.remoteAllowed ? 'Ja' : 'Nej') },
    { key: 'excludedItemKinds', deviation: ['excludedItemKinds'], show: c => c.excludedItemKinds.join(', ') },
    { key: 'equalTerms', deviation: ['equalTerms'], show: c => c.equalTerms },
    {
        key: 'maxRemoteParticipants',
        deviation: ['maxRemoteParticipants'],
        show: c => (c.maxRemoteParticipants === null ? '–' : String(c.maxRemoteParticipants)),
    },
    {
        key: 'approvedPlatforms',
        deviation: ['approvedPlatforms'],
        show: c => (c.approvedPlatforms ? c.approvedPlatforms.join(', ') : '*'),
    },
    {
        key: 'breakoutPolicy',
        deviation: [
            'breakoutRooms.enabled',
            'breakoutRooms.minutesBefore',
            'breakoutRooms.minutesAfter',
            'breakoutRooms.duringRecesses',
        ],
        show: c => c.breakoutPolicy,
    },
];

/** The rules matrix across municipalities for one body type, every deviation from the regional template marked. */
export const RegionRulesPage = () => {
    const translate = useTranslate();
    const [kind, setKind] = useState<string>('council');
    const today = new Date().toISOString().slice(0, 10);
    const { data, loading, error } = useLoad(() => fetchRulesMatrix(today, today, kind), [kind]);
    return (
        <PageFrame title="region.rules.title" intro="region.rules.intro" loading={loading} error={error}>
            <Card>
                <CardContent>
                    <TextField
                        select
                        label={translate('region.bodyKind')}
                        value={kind}
                        onChange={e => setKind(e.target.value)}
                        size="small"
                        sx={{ minWidth: 220 }}
                    >
                        {BODY_KINDS.map(k => (
                            <MenuItem key={k} value={k}>
                                {translate(`region.kind.${k}`)}
                            </MenuItem>
                        ))}
                    </TextField>
                </CardContent>
            </Card>
            {data && (
                <Card>
                    <CardContent sx={{ overflowX: 'auto' }}>
                        <Table size="small" aria-label={translate('region.rules.title')}>
                            <TableHead>
                                <TableRow>
                                    <TableCell>{translate('region.municipality')}</TableCell>
                                    <TableCell>{translate('region.rules.decision')}</TableCell>
                                    {FIELDS.map(f => (
                                        <TableCell key={f.key}>{translate(`region.rules.fields.${f.key}`)}</TableCell>
                                    ))}
                                    <TableCell>{translate('region.rules.otherDeviations')}</TableCell>
                                </TableRow>
                            </TableHead>
                            <TableBody>
                                {data.rules.map(c => {
                                    const shown = new Set(FIELDS.flatMap(f => f.deviation));
                                    const others = c.deviations.filter(d => !shown.has(d.field));
                                    return (
                                        <TableRow key={c.municipalityId}>
                                            <TableCell component="th" scope="row">
                                                {c.municipalityName}
                                            </TableCell>
                                            <TableCell>{c.decisionReference}</TableCell>
                                            {FIELDS.map(f => {
                                                const dev = c.deviations.filter(d => f.deviation.includes(d.field));
                                                return (
                                                    <TableCell
                                                        key={f.key}
                                                        sx={dev.length ? { bgcolor: 'warning.light' } : undefined}
                                                    >
                                                        {f.show(c)}
                                                        {dev.length > 0 && (
                                                            <Tooltip
                                                                title={dev
                                                                    .map(
                                                                        d =>
                                                                            `${translate('region.rules.template')}: ${d.templateValue}`,
                                                                    )
                                                                    .join('; ')}
                                                            >
                                                                <Chip
                                                                    size="small"
                                                                    sx={{ ml: 1 }}
                                                                    label={translate(
                                                                        `region.rules.change.${dev[0]!.change}`,
                                                                    )}
                                                                />
                                                            </Tooltip>
                                                        )}
                                                    </TableCell>
                                                );
                                            })}
                                            <TableCell>
                                                {others
                                                    .map(
                                                        d =>
                                                            `${d.field} (${translate(`region.rules.change.${d.change}`)})`,
                                                    )
                                                    .join(', ') || '–'}
                                            </TableCell>
                                        </TableRow>
                                    );
                                })}
                            </TableBody>
                        </Table>
                    </CardContent>
                </Card>
            )}
        </PageFrame>
    );
};
