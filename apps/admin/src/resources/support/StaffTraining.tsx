import { useEffect, useState } from 'react';
import { Box, Button, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { fetchStaffTraining, recordStaffTraining, type StaffTraining as Row } from './api';
import { stockholmDate } from './format';
import type { Run } from './SupportPage';

/** Staff training: each own staff member × the modules meant for their work; status in words. */
export const StaffTraining = ({ canWrite, run, version }: { canWrite: boolean; run: Run; version: number }) => {
    const translate = useTranslate();
    const [rows, setRows] = useState<Row[]>([]);
    const [dates, setDates] = useState<Record<string, string>>({});
    useEffect(() => {
        fetchStaffTraining()
            .then(setRows)
            .catch(() => setRows([]));
    }, [version]);
    const today = stockholmDate(new Date());
    return (
        <Box component="section" aria-labelledby="staff-training" sx={{ display: 'grid', gap: 1 }}>
            <Typography id="staff-training" component="h2" variant="subtitle1">
                {translate('app.support.training.title')}
            </Typography>
            <Table size="small" aria-labelledby="staff-training">
                <TableHead>
                    <TableRow>
                        <TableCell>{translate('app.support.staff.name')}</TableCell>
                        <TableCell>{translate('app.support.training.module')}</TableCell>
                        <TableCell>{translate('app.support.training.status')}</TableCell>
                        <TableCell>{translate('app.support.training.valid_until')}</TableCell>
                        {canWrite && <TableCell>{translate('app.support.training.record')}</TableCell>}
                    </TableRow>
                </TableHead>
                <TableBody>
                    {rows.map(r => {
                        const key = `${r.staffId}|${r.moduleKey}`;
                        return (
                            <TableRow key={key}>
                                <TableCell>{r.staffName}</TableCell>
                                <TableCell>{r.moduleTitle}</TableCell>
                                <TableCell>{translate(`app.support.training.statuses.${r.status}`)}</TableCell>
                                <TableCell>{r.validUntil ?? '–'}</TableCell>
                                {canWrite && (
                                    <TableCell sx={{ display: 'flex', gap: 1 }}>
                                        <TextField
                                            size="small"
                                            type="date"
                                            label={translate('app.support.training.completed_on')}
                                            value={dates[key] ?? today}
                                            onChange={e => setDates({ ...dates, [key]: e.target.value })}
                                            slotProps={{ inputLabel: { shrink: true } }}
                                        />
                                        <Button
                                            size="small"
                                            onClick={() =>
                                                run(
                                                    () =>
                                                        recordStaffTraining(
                                                            r.staffId,
                                                            r.moduleKey,
                                                            dates[key] ?? today,
                                                        ),
                                                    'app.support.saved',
                                                )
                                            }
                                        >
                                            {translate('app.support.training.record')}
                                        </Button>
                                    </TableCell>
                                )}
                            </TableRow>
                        );
                    })}
                </TableBody>
            </Table>
        </Box>
    );
};
