import { useEffect, useState } from 'react';
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { fetchForecast, ROLES, type ForecastRow } from './api';

/**
 * Needed against available support hours for the next eight weeks, per skill, as a chart and —
 * for screen readers and for exact figures — the same numbers as a table.
 */
export const Forecast = ({ version }: { version: number }) => {
    const translate = useTranslate();
    const [rows, setRows] = useState<ForecastRow[]>([]);
    useEffect(() => {
        fetchForecast()
            .then(setRows)
            .catch(() => setRows([]));
    }, [version]);
    return (
        <Box sx={{ display: 'grid', gap: 3 }}>
            {ROLES.map(role => {
                const own = rows.filter(r => r.skill === role && r.scope === 'MUNICIPALITY');
                const pool = rows.filter(r => r.skill === role && r.scope === 'POOL');
                const chart = own.map(r => ({
                    week: r.weekStart,
                    needed: r.neededHours,
                    own: r.availableHours,
                    pool: pool.find(p => p.weekStart === r.weekStart)?.availableHours ?? 0,
                    shortfall: r.shortfallHours,
                }));
                const id = `forecast-${role}`;
                return (
                    <Box key={role} component="section" aria-labelledby={id} sx={{ display: 'grid', gap: 1 }}>
                        <Typography id={id} component="h2" variant="subtitle1">
                            {translate('app.support.forecast.title', { role: translate(`app.support.skills.${role}`) })}
                        </Typography>
                        <Box aria-hidden="true" sx={{ height: 260 }}>
                            <ResponsiveContainer width="100%" height="100%">
                                <BarChart data={chart} accessibilityLayer={false}>
                                    <CartesianGrid strokeDasharray="3 3" />
                                    <XAxis dataKey="week" />
                                    <YAxis />
                                    <Tooltip />
                                    <Legend />
                                    <Bar
                                        dataKey="needed"
                                        name={translate('app.support.forecast.needed')}
                                        fill="#b3261e"
                                    />
                                    <Bar
                                        dataKey="own"
                                        stackId="available"
                                        name={translate('app.support.forecast.own')}
                                        fill="#1f5f99"
                                    />
                                    <Bar
                                        dataKey="pool"
                                        stackId="available"
                                        name={translate('app.support.forecast.pool')}
                                        fill="#6a9fd4"
                                    />
                                </BarChart>
                            </ResponsiveContainer>
                        </Box>
                        <Table size="small" aria-labelledby={id}>
                            <TableHead>
                                <TableRow>
                                    <TableCell>{translate('app.support.forecast.week')}</TableCell>
                                    <TableCell align="right">{translate('app.support.forecast.needed')}</TableCell>
                                    <TableCell align="right">{translate('app.support.forecast.own')}</TableCell>
                                    <TableCell align="right">{translate('app.support.forecast.pool')}</TableCell>
                                    <TableCell align="right">{translate('app.support.forecast.shortfall')}</TableCell>
                                </TableRow>
                            </TableHead>
                            <TableBody>
                                {chart.map(r => (
                                    <TableRow
                                        key={r.week}
                                        sx={r.shortfall > 0 ? { bgcolor: 'error.light' } : undefined}
                                    >
                                        <TableCell>{r.week}</TableCell>
                                        <TableCell align="right">{r.needed}</TableCell>
                                        <TableCell align="right">{r.own}</TableCell>
                                        <TableCell align="right">{r.pool}</TableCell>
                                        <TableCell align="right">
                                            {r.shortfall > 0
                                                ? translate('app.support.forecast.short', { hours: r.shortfall })
                                                : '0'}
                                        </TableCell>
                                    </TableRow>
                                ))}
                            </TableBody>
                        </Table>
                    </Box>
                );
            })}
        </Box>
    );
};
