import { useState } from 'react';
import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { PageFrame } from './PageFrame';
import { defaultPeriod, fetchRegionalReports } from './api';
import { useLoad } from './useLoad';

/** The experience the region's municipalities share: anonymised reports, small counts suppressed. */
export const RegionExperiencePage = () => {
    const translate = useTranslate();
    const [period, setPeriod] = useState(defaultPeriod());
    const { data, loading, error } = useLoad(
        () => fetchRegionalReports(period.from, period.to),
        [period.from, period.to],
    );
    return (
        <PageFrame title="region.experience.title" intro="region.experience.intro" loading={loading} error={error}>
            <Card>
                <CardContent sx={{ display: 'flex', gap: 2 }}>
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
                </CardContent>
            </Card>
            {data && (
                <Card>
                    <CardContent sx={{ overflowX: 'auto' }} tabIndex={0}>
                        <Table size="small" aria-label={translate('region.experience.title')}>
                            <TableHead>
                                <TableRow>
                                    {[
                                        'municipality',
                                        'quarter',
                                        'bodyKind',
                                        'platform',
                                        'onSite',
                                        'remote',
                                        'rating',
                                        'support',
                                        'incidents',
                                        'worked',
                                        'lessons',
                                    ].map(k => (
                                        <TableCell key={k}>{translate(`region.experience.columns.${k}`)}</TableCell>
                                    ))}
                                </TableRow>
                            </TableHead>
                            <TableBody>
                                {data.length === 0 && (
                                    <TableRow>
                                        <TableCell colSpan={11}>{translate('region.experience.none')}</TableCell>
                                    </TableRow>
                                )}
                                {data.map(r => (
                                    <TableRow key={r.id}>
                                        <TableCell>{r.municipalityName}</TableCell>
                                        <TableCell>{r.quarter}</TableCell>
                                        <TableCell>{translate(`region.kind.${r.bodyKind}`)}</TableCell>
                                        <TableCell>{r.platformKey ?? '–'}</TableCell>
                                        <TableCell align="right">{r.onSiteCount.display}</TableCell>
                                        <TableCell align="right">{r.remoteCount.display}</TableCell>
                                        <TableCell align="right">{r.rating ?? '–'}</TableCell>
                                        <TableCell>
                                            {r.supportSufficient === null
                                                ? '–'
                                                : translate(r.supportSufficient ? 'region.yes' : 'region.no')}
                                        </TableCell>
                                        <TableCell>
                                            {r.incidents
                                                .map(
                                                    i =>
                                                        `${translate(`region.incident.${i.category}`)} ${i.minutesLost} min (${i.affectedCount.display})`,
                                                )
                                                .join('; ') || '–'}
                                        </TableCell>
                                        <TableCell>{r.whatWorked}</TableCell>
                                        <TableCell>{r.lessons}</TableCell>
                                    </TableRow>
                                ))}
                            </TableBody>
                        </Table>
                    </CardContent>
                </Card>
            )}
        </PageFrame>
    );
};
