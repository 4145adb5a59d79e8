import { useEffect, useState } from 'react';
import {
    Alert,
    Box,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    List,
    ListItem,
    ListItemText,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { assign, fetchGaps, fetchSuggestions, withdraw, type Need, type Suggestions } from './api';
import { formatTime } from './format';
import type { Run } from './SupportPage';

/** Upcoming needs nobody covers, with suggestions to fill them, and assignments that no longer fit. */
export const GapList = ({ canSchedule, run, version }: { canSchedule: boolean; run: Run; version: number }) => {
    const translate = useTranslate();
    const locale = useLocale();
    const [data, setData] = useState<Awaited<ReturnType<typeof fetchGaps>> | null>(null);
    const [need, setNeed] = useState<Need | null>(null);
    useEffect(() => {
        fetchGaps()
            .then(setData)
            .catch(() => setData(null));
    }, [version]);
    return (
        <Box sx={{ display: 'grid', gap: 2 }}>
            <Typography component="h2" variant="subtitle1" id="gap-heading">
                {translate('app.support.gaps.title')}
            </Typography>
            {data && data.supportGaps.length === 0 && (
                <Alert severity="success">{translate('app.support.gaps.none')}</Alert>
            )}
            {data && data.supportGaps.length > 0 && (
                <Table size="small" aria-labelledby="gap-heading">
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('app.support.gaps.meeting')}</TableCell>
                            <TableCell>{translate('app.support.gaps.shift')}</TableCell>
                            <TableCell>{translate('app.support.gaps.role')}</TableCell>
                            <TableCell align="right">{translate('app.support.gaps.missing')}</TableCell>
                            <TableCell />
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {data.supportGaps.map(g => (
                            <TableRow key={`${g.meetingId}-${g.role}`}>
                                <TableCell>{g.meetingTitle}</TableCell>
                                <TableCell>
                                    {formatTime(g.shiftStartsAt, locale)} – {formatTime(g.shiftEndsAt, locale)}
                                </TableCell>
                                <TableCell>{translate(`app.support.skills.${g.role}`)}</TableCell>
                                <TableCell align="right">
                                    {g.missing} / {g.required}
                                </TableCell>
                                <TableCell>
                                    {canSchedule && (
                                        <Button size="small" onClick={() => setNeed(g)}>
                                            {translate('app.support.gaps.suggest')}
                                        </Button>
                                    )}
                                </TableCell>
                            </TableRow>
                        ))}
                    </TableBody>
                </Table>
            )}
            <Typography component="h2" variant="subtitle1" id="conflict-heading">
                {translate('app.support.conflicts.title')}
            </Typography>
            {data && data.supportConflicts.length === 0 && (
                <Typography variant="body2">{translate('app.support.conflicts.none')}</Typography>
            )}
            {data && data.supportConflicts.length > 0 && (
                <List aria-labelledby="conflict-heading" dense>
                    {data.supportConflicts.map(c => (
                        <ListItem
                            key={c.assignment.id}
                            secondaryAction={
                                canSchedule && (
                                    <Button
                                        size="small"
                                        onClick={() => run(() => withdraw(c.assignment.id), 'app.support.saved')}
                                    >
                                        {translate('app.support.conflicts.withdraw')}
                                    </Button>
                                )
                            }
                        >
                            <ListItemText
                                primary={`${c.assignment.meetingTitle}: ${c.assignment.staffName} (${translate(`app.support.skills.${c.assignment.role}`)})`}
                                secondary={translate(`app.support.conflict_kinds.${c.kind}`)}
                            />
                        </ListItem>
                    ))}
                </List>
            )}
            {need && <SuggestionDialog need={need} onClose={() => setNeed(null)} run={run} />}
        </Box>
    );
};

const SuggestionDialog = ({ need, onClose, run }: { need: Need; onClose: () => void; run: Run }) => {
    const translate = useTranslate();
    const [data, setData] = useState<Suggestions | null>(null);
    useEffect(() => {
        fetchSuggestions(need.meetingId, need.role)
            .then(setData)
            .catch(() => setData({ suggestions: [], unfit: [] }));
    }, [need]);
    return (
        <Dialog open onClose={onClose} aria-labelledby="suggest-title" fullWidth>
            <DialogTitle id="suggest-title">
                {translate('app.support.gaps.suggestions_for', {
                    meeting: need.meetingTitle,
                    role: translate(`app.support.skills.${need.role}`),
                })}
            </DialogTitle>
            <DialogContent>
                {data?.suggestions.length === 0 && (
                    <Alert severity="warning">{translate('app.support.gaps.nobody')}</Alert>
                )}
                <List dense>
                    {data?.suggestions.map(s => (
                        <ListItem
                            key={s.staff.id}
                            secondaryAction={
                                <Button
                                    variant="contained"
                                    size="small"
                                    onClick={async () => {
                                        if (
                                            await run(
                                                () => assign(need.meetingId, need.role, s.staff.id),
                                                'app.support.gaps.assigned',
                                            )
                                        )
                                            onClose();
                                    }}
                                >
                                    {translate('app.support.gaps.assign')}
                                </Button>
                            }
                        >
                            <ListItemText
                                primary={`${s.rank}. ${s.staff.name}${s.staff.pooled ? ` (${translate('app.support.staff.pool')})` : ''}`}
                                secondary={translate('app.support.gaps.hours', { hours: s.hoursThisMonth })}
                            />
                        </ListItem>
                    ))}
                </List>
                {data && data.unfit.length > 0 && (
                    <>
                        <Typography component="h3" variant="subtitle2">
                            {translate('app.support.gaps.unfit')}
                        </Typography>
                        <List dense>
                            {data.unfit.map(u => (
                                <ListItem key={u.staff.id}>
                                    <ListItemText
                                        primary={u.staff.name}
                                        secondary={translate(`app.support.conflict_kinds.${u.reason}`)}
                                    />
                                </ListItem>
                            ))}
                        </List>
                    </>
                )}
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose}>{translate('ra.action.close')}</Button>
            </DialogActions>
        </Dialog>
    );
};
