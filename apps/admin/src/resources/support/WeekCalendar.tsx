import { useEffect, useMemo, useState } from 'react';
import { Box, Button, Chip, List, ListItem, Paper, Typography } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { intlLocale } from '../../i18n';
import { fetchWeek, type Assignment } from './api';
import { formatClock, stockholmDate } from './format';

const DAY = 86_400_000;

/** The Monday (Stockholm date) of the week `offset` weeks from now. */
const mondayOf = (offset: number) => {
    const today = stockholmDate(new Date());
    const noon = new Date(`${today}T12:00:00Z`);
    const weekday = noon.getUTCDay() || 7;
    return new Date(noon.getTime() - (weekday - 1) * DAY + offset * 7 * DAY).toISOString().slice(0, 10);
};

/**
 * One week of the municipality's meetings with their support shifts, a column per day. Each day
 * is a list with a heading, so a screen reader reads it in order; status is in words, not colour.
 */
export const WeekCalendar = ({ version }: { version: number }) => {
    const translate = useTranslate();
    const locale = useLocale();
    const [offset, setOffset] = useState(0);
    const [data, setData] = useState<Awaited<ReturnType<typeof fetchWeek>> | null>(null);
    const monday = mondayOf(offset);
    const days = useMemo(
        () =>
            Array.from({ length: 7 }, (_x, i) =>
                new Date(Date.parse(`${monday}T12:00:00Z`) + i * DAY).toISOString().slice(0, 10),
            ),
        [monday],
    );
    useEffect(() => {
        // A day's margin either side; the day a meeting belongs to is decided in Stockholm time below.
        const from = new Date(Date.parse(`${monday}T00:00:00Z`) - DAY).toISOString();
        const to = new Date(Date.parse(`${monday}T00:00:00Z`) + 8 * DAY).toISOString();
        fetchWeek(from, to)
            .then(setData)
            .catch(() => setData(null));
    }, [monday, version]);
    const shiftsOf = (meetingId: string): Assignment[] =>
        (data?.supportAssignments ?? []).filter(
            a => a.meetingId === meetingId && (a.status === 'ASSIGNED' || a.status === 'ACCEPTED'),
        );
    const dayName = (d: string) =>
        new Intl.DateTimeFormat(intlLocale(locale), {
            weekday: 'long',
            day: 'numeric',
            month: 'short',
            timeZone: 'UTC',
        }).format(new Date(`${d}T12:00:00Z`));
    return (
        <Box sx={{ display: 'grid', gap: 2 }}>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                <Button onClick={() => setOffset(o => o - 1)}>{translate('app.support.week.previous')}</Button>
                <Button onClick={() => setOffset(0)}>{translate('app.support.week.this')}</Button>
                <Button onClick={() => setOffset(o => o + 1)}>{translate('app.support.week.next')}</Button>
                <Typography component="h2" variant="subtitle1" aria-live="polite">
                    {translate('app.support.week.heading', { date: monday })}
                </Typography>
            </Box>
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(7, 1fr)' }, gap: 1 }}>
                {days.map(d => {
                    const meetings = (data?.meetings.items ?? []).filter(
                        m => stockholmDate(m.startsAt) === d && m.status !== 'CANCELLED',
                    );
                    return (
                        <Paper
                            key={d}
                            variant="outlined"
                            component="section"
                            aria-labelledby={`day-${d}`}
                            sx={{ p: 1, minHeight: 120 }}
                        >
                            <Typography
                                id={`day-${d}`}
                                component="h3"
                                variant="subtitle2"
                                sx={{ textTransform: 'capitalize' }}
                            >
                                {dayName(d)}
                            </Typography>
                            {meetings.length === 0 ? (
                                <Typography variant="body2" color="text.secondary">
                                    {translate('app.support.week.none')}
                                </Typography>
                            ) : (
                                <List dense disablePadding>
                                    {meetings.map(m => (
                                        <ListItem key={m.id} disableGutters sx={{ display: 'block' }}>
                                            <Typography variant="body2" sx={{ fontWeight: 'bold' }}>
                                                {formatClock(m.startsAt, locale)}–{formatClock(m.endsAt, locale)}{' '}
                                                {m.title}
                                            </Typography>
                                            {shiftsOf(m.id).map(a => (
                                                <Chip
                                                    key={a.id}
                                                    size="small"
                                                    variant={a.status === 'ACCEPTED' ? 'filled' : 'outlined'}
                                                    label={`${translate(`app.support.skills.${a.role}`)}: ${a.staffName} (${translate(`app.support.status.${a.status}`)}, ${formatClock(a.shiftStartsAt, locale)}–${formatClock(a.shiftEndsAt, locale)})`}
                                                    sx={{ m: 0.25, maxWidth: '100%' }}
                                                />
                                            ))}
                                        </ListItem>
                                    ))}
                                </List>
                            )}
                        </Paper>
                    );
                })}
            </Box>
        </Box>
    );
};
