import { useState } from 'react';
import {
    Box,
    Button,
    Card,
    CardContent,
    MenuItem,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    TextField,
    Typography,
} from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { BarChart } from './BarChart';
import { PageFrame } from './PageFrame';
import { BODY_KINDS, defaultPeriod, download, fetchComparison, showFigure, type ComparisonRow } from './api';
import { useLoad } from './useLoad';

const COLUMNS: { key: keyof ComparisonRow; percent?: boolean }[] = [
    { key: 'meetingsHeld' },
    { key: 'remoteMeetings' },
    { key: 'remoteShare', percent: true },
    { key: 'reports' },
    { key: 'incidents' },
    { key: 'incidentsPer10Meetings' },
    { key: 'minutesLost' },
    { key: 'averageRating' },
    { key: 'supportSufficientShare', percent: true },
    { key: 'trainingCoverage', percent: true },
    { key: 'supportCoverage', percent: true },
];

/** Municipalities side by side: figures, charts with the same numbers in the table, trends, exports. */
export const ComparisonPage = () => {
    const translate = useTranslate();
    const notify = useNotify();
    const [period, setPeriod] = useState(defaultPeriod());
    const [kind, setKind] = useState<string>('');
    const { data, loading, error } = useLoad(
        () => fetchComparison(period.from, period.to, kind || null),
        [period.from, period.to, kind],
    );
    const query = `from=${period.from}&to=${period.to}${kind ? `&bodyKind=${kind}` : ''}`;
    const save = (path: string, name: string) =>
        download(`/comparison/${path}?${query}`, name).catch((e: Error) => notify(e.message, { type: 'error' }));
    const rows = data?.rows ?? [];
    const quarters = [...new Set((data?.trends ?? []).map(t => t.quarter))].sort();
    return (
        <PageFrame title="region.comparison.title" intro="region.comparison.intro" loading={loading} error={error}>
            <Card>
                <CardContent sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
                    <TextField
                        type="date"
                        label={translate('region.from')}
                        value={period.from}
                        onChange={e => setPeriod(p => ({ ...p, from: e.target.value }))}
                        size="small"
                        slotProps={{ inputLabel: { shrink: true } }}
                    />
                    <TextField
                        type="date"
                        label={translate('region.to')}
                        value={period.to}
                        onChange={e => setPeriod(p => ({ ...p, to: e.target.value }))}
                        size="small"
                        slotProps={{ inputLabel: { shrink: true } }}
                    />
                    <TextField
                        select
                        label={translate('region.bodyKind')}
                        value={kind}
                        onChange={e => setKind(e.target.value)}
                        size="small"
                        sx={{ minWidth: 200 }}
                    >
                        <MenuItem value="">{translate('region.allBodyKinds')}</MenuItem>
                        {BODY_KINDS.map(k => (
                            <MenuItem key={k} value={k}>
                                {translate(`region.kind.${k}`)}
                            </MenuItem>
                        ))}
                    </TextField>
                    <Button variant="outlined" onClick={() => save('comparison.csv', 'jamforelse.csv')}>
                        {translate('region.comparison.csv')}
                    </Button>
                    <Button variant="outlined" onClick={() => save('kolada.csv', 'kolada.csv')}>
                        {translate('region.comparison.kolada')}
                    </Button>
                    {data && (
                        <Typography variant="body2">
                            {translate('region.suppressionNote', { threshold: data.threshold })}
                        </Typography>
                    )}
                </CardContent>
            </Card>
            {data && (
                <>
                    <Card>
                        <CardContent sx={{ overflowX: 'auto' }} tabIndex={0}>
                            <Table size="small" aria-label={translate('region.comparison.title')}>
                                <TableHead>
                                    <TableRow>
                                        <TableCell>{translate('region.municipality')}</TableCell>
                                        {COLUMNS.map(c => (
                                            <TableCell key={c.key} align="right">
                                                {translate(`region.comparison.columns.${c.key}`)}
                                            </TableCell>
                                        ))}
                                        <TableCell align="right">
                                            {translate('region.comparison.columns.licence')}
                                        </TableCell>
                                    </TableRow>
                                </TableHead>
                                <TableBody>
                                    {rows.map(r => (
                                        <TableRow key={r.municipalityId}>
                                            <TableCell component="th" scope="row">
                                                {r.municipalityName}{' '}
                                                <Typography component="span" variant="caption">
                                                    ({r.municipalityCode})
                                                </Typography>
                                            </TableCell>
                                            {COLUMNS.map(c => (
                                                <TableCell key={c.key} align="right">
                                                    {showFigure(r[c.key] as never, c.percent)}
                                                </TableCell>
                                            ))}
                                            <TableCell align="right">
                                                {r.licenceCostSekPerYear === null
                                                    ? '–'
                                                    : `${r.licenceCostSekPerYear.toLocaleString('sv-SE')} kr (${r.licencePlatforms.join(', ')})`}
                                            </TableCell>
                                        </TableRow>
                                    ))}
                                </TableBody>
                            </Table>
                        </CardContent>
                    </Card>
                    <Card>
                        <CardContent sx={{ display: 'grid', gridTemplateColumns: { md: '1fr 1fr' }, gap: 3 }}>
                            <BarChart
                                title={translate('region.comparison.chartRemote')}
                                max={1}
                                bars={rows.map(r => ({
                                    label: r.municipalityName,
                                    value: r.remoteShare?.value ?? null,
                                    text: showFigure(r.remoteShare, true),
                                }))}
                            />
                            <BarChart
                                title={translate('region.comparison.chartIncidents')}
                                bars={rows.map(r => ({
                                    label: r.municipalityName,
                                    value: r.incidentsPer10Meetings?.value ?? null,
                                    text: showFigure(r.incidentsPer10Meetings),
                                }))}
                            />
                        </CardContent>
                    </Card>
                    <Card>
                        <CardContent sx={{ overflowX: 'auto' }} tabIndex={0}>
                            <Typography component="h2" variant="h6">
                                {translate('region.comparison.trends')}
                            </Typography>
                            <Table size="small" aria-label={translate('region.comparison.trends')}>
                                <TableHead>
                                    <TableRow>
                                        <TableCell>{translate('region.municipality')}</TableCell>
                                        {quarters.map(q => (
                                            <TableCell key={q} align="right">
                                                {`${q.slice(0, 4)} K${Math.floor(Number(q.slice(5, 7)) / 3) + 1}`}
                                            </TableCell>
                                        ))}
                                    </TableRow>
                                </TableHead>
                                <TableBody>
                                    {rows.map(r => (
                                        <TableRow key={r.municipalityId}>
                                            <TableCell component="th" scope="row">
                                                {r.municipalityName}
                                            </TableCell>
                                            {quarters.map(q => {
                                                const p = data.trends.find(
                                                    t => t.municipalityId === r.municipalityId && t.quarter === q,
                                                );
                                                return (
                                                    <TableCell key={q} align="right">
                                                        {p ? showFigure(p.remoteShare, true) : '–'}
                                                    </TableCell>
                                                );
                                            })}
                                        </TableRow>
                                    ))}
                                </TableBody>
                            </Table>
                            <Typography variant="caption">{translate('region.comparison.trendsNote')}</Typography>
                        </CardContent>
                    </Card>
                </>
            )}
            <Box />
        </PageFrame>
    );
};
