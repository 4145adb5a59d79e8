import { useEffect, useState } from 'react';
import {
    Alert,
    Box,
    Button,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    TextField,
    Typography,
} from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import {
    accept,
    decline,
    fetchMe,
    fetchMyShifts,
    issueFeed,
    revokeFeed,
    type Assignment,
    type StaffMember,
} from './api';
import { Absences, WeeklyEditor } from './Availability';
import { formatTime } from './format';
import type { Run } from './SupportPage';

/** "Mina pass": the signed-in person's shifts to accept or decline, their availability and calendar feed. */
export const MyShifts = ({ run, version }: { run: Run; version: number }) => {
    const translate = useTranslate();
    const locale = useLocale();
    const [me, setMe] = useState<StaffMember | null | undefined>(undefined);
    const [shifts, setShifts] = useState<Assignment[]>([]);
    const [reasons, setReasons] = useState<Record<string, string>>({});
    const [feed, setFeed] = useState<string | null>(null);
    useEffect(() => {
        fetchMe()
            .then(setMe)
            .catch(() => setMe(null));
        fetchMyShifts()
            .then(setShifts)
            .catch(() => setShifts([]));
    }, [version]);
    if (me === undefined) return null;
    if (me === null) return <Alert severity="info">{translate('app.support.mine.no_record')}</Alert>;
    return (
        <Box sx={{ display: 'grid', gap: 3 }}>
            <Box component="section" aria-labelledby="my-shifts">
                <Typography id="my-shifts" component="h2" variant="subtitle1">
                    {translate('app.support.mine.shifts')}
                </Typography>
                <Table size="small" aria-labelledby="my-shifts">
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('app.support.gaps.meeting')}</TableCell>
                            <TableCell>{translate('app.support.gaps.shift')}</TableCell>
                            <TableCell>{translate('app.support.gaps.role')}</TableCell>
                            <TableCell>{translate('app.support.mine.status')}</TableCell>
                            <TableCell />
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {shifts.length === 0 && (
                            <TableRow>
                                <TableCell colSpan={5}>{translate('app.support.mine.none')}</TableCell>
                            </TableRow>
                        )}
                        {shifts.map(s => {
                            const open = s.status === 'ASSIGNED' || s.status === 'ACCEPTED';
                            return (
                                <TableRow key={s.id}>
                                    <TableCell>
                                        {s.meetingTitle}
                                        <br />
                                        {s.place}
                                    </TableCell>
                                    <TableCell>
                                        {formatTime(s.shiftStartsAt, locale)} – {formatTime(s.shiftEndsAt, locale)}
                                    </TableCell>
                                    <TableCell>{translate(`app.support.skills.${s.role}`)}</TableCell>
                                    <TableCell>{translate(`app.support.status.${s.status}`)}</TableCell>
                                    <TableCell sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                                        {s.status === 'ASSIGNED' && (
                                            <Button
                                                size="small"
                                                variant="contained"
                                                onClick={() => run(() => accept(s.id), 'app.support.mine.accepted')}
                                            >
                                                {translate('app.support.mine.accept')}
                                            </Button>
                                        )}
                                        {open && (
                                            <>
                                                <TextField
                                                    size="small"
                                                    label={translate('app.support.mine.reason')}
                                                    value={reasons[s.id] ?? ''}
                                                    onChange={e => setReasons({ ...reasons, [s.id]: e.target.value })}
                                                />
                                                <Button
                                                    size="small"
                                                    onClick={() =>
                                                        run(
                                                            () => decline(s.id, reasons[s.id] ?? ''),
                                                            'app.support.mine.declined',
                                                        )
                                                    }
                                                >
                                                    {translate('app.support.mine.decline')}
                                                </Button>
                                            </>
                                        )}
                                    </TableCell>
                                </TableRow>
                            );
                        })}
                    </TableBody>
                </Table>
            </Box>
            <WeeklyEditor person={me} run={run} canWrite={!me.pooled} />
            <Absences person={me} run={run} canWrite={!me.pooled} version={version} />
            {!me.pooled && (
                <Box component="section" aria-labelledby="my-feed" sx={{ display: 'grid', gap: 1 }}>
                    <Typography id="my-feed" component="h2" variant="subtitle1">
                        {translate('app.support.feed.title')}
                    </Typography>
                    <Typography variant="body2">{translate('app.support.feed.help')}</Typography>
                    <Box sx={{ display: 'flex', gap: 1 }}>
                        <Button variant="outlined" onClick={() => run(async () => setFeed(await issueFeed(me.id)))}>
                            {translate('app.support.feed.issue')}
                        </Button>
                        <Button
                            onClick={() =>
                                run(() => revokeFeed(me.id), 'app.support.feed.revoked').then(() => setFeed(null))
                            }
                        >
                            {translate('app.support.feed.revoke')}
                        </Button>
                    </Box>
                    {feed && (
                        <TextField
                            label={translate('app.support.feed.url')}
                            value={feed}
                            slotProps={{ htmlInput: { readOnly: true } }}
                            fullWidth
                        />
                    )}
                </Box>
            )}
        </Box>
    );
};
