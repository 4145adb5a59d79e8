import { useEffect, useState } from 'react';
import {
    Box,
    Button,
    IconButton,
    MenuItem,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    TextField,
    Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useLocale, useTranslate } from 'react-admin';
import {
    ABSENCE_KINDS,
    addAbsence,
    fetchAbsences,
    removeAbsence,
    setWeekly,
    type Absence,
    type StaffAbsenceKind,
    type StaffMember,
    type WeeklySlot,
} from './api';
import { formatTime } from './format';
import type { Run } from './SupportPage';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** Weekly availability in Stockholm time: one row per slot, editable and saved as a whole. */
export const WeeklyEditor = ({ person, run, canWrite }: { person: StaffMember; run: Run; canWrite: boolean }) => {
    const translate = useTranslate();
    const [slots, setSlots] = useState<WeeklySlot[]>(person.weekly);
    useEffect(() => setSlots(person.weekly), [person]);
    const change = (i: number, patch: Partial<WeeklySlot>) =>
        setSlots(s => s.map((x, j) => (j === i ? { ...x, ...patch } : x)));
    return (
        <Box component="section" aria-labelledby={`weekly-${person.id}`} sx={{ display: 'grid', gap: 1 }}>
            <Typography id={`weekly-${person.id}`} component="h3" variant="subtitle1">
                {translate('app.support.weekly.title')}
            </Typography>
            {slots.length === 0 && <Typography variant="body2">{translate('app.support.weekly.none')}</Typography>}
            {slots.map((slot, i) => (
                <Box key={i} sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                    <TextField
                        select
                        size="small"
                        label={translate('app.support.weekly.weekday')}
                        value={slot.weekday}
                        disabled={!canWrite}
                        onChange={e => change(i, { weekday: Number(e.target.value) })}
                        sx={{ minWidth: 140 }}
                    >
                        {WEEKDAYS.map(d => (
                            <MenuItem key={d} value={d}>
                                {translate(`app.support.weekdays.${d}`)}
                            </MenuItem>
                        ))}
                    </TextField>
                    <TextField
                        size="small"
                        type="time"
                        label={translate('app.support.weekly.from')}
                        value={slot.from}
                        disabled={!canWrite}
                        onChange={e => change(i, { from: e.target.value })}
                    />
                    <TextField
                        size="small"
                        label={translate('app.support.weekly.to')}
                        value={slot.to}
                        disabled={!canWrite}
                        onChange={e => change(i, { to: e.target.value })}
                        helperText="TT:MM, 24:00"
                    />
                    {canWrite && (
                        <IconButton
                            aria-label={translate('app.support.weekly.remove')}
                            onClick={() => setSlots(s => s.filter((_x, j) => j !== i))}
                        >
                            <DeleteIcon />
                        </IconButton>
                    )}
                </Box>
            ))}
            {canWrite && (
                <Box sx={{ display: 'flex', gap: 1 }}>
                    <Button onClick={() => setSlots(s => [...s, { weekday: 1, from: '08:00', to: '17:00' }])}>
                        {translate('app.support.weekly.add')}
                    </Button>
                    <Button
                        variant="contained"
                        onClick={() => run(() => setWeekly(person.id, slots), 'app.support.saved')}
                    >
                        {translate('ra.action.save')}
                    </Button>
                </Box>
            )}
        </Box>
    );
};

/** Absences and extra availability from a week back to eight weeks ahead. */
export const Absences = ({
    person,
    run,
    canWrite,
    version,
}: {
    person: StaffMember;
    run: Run;
    canWrite: boolean;
    version: number;
}) => {
    const translate = useTranslate();
    const locale = useLocale();
    const [rows, setRows] = useState<Absence[]>([]);
    const [draft, setDraft] = useState<{ startsAt: string; endsAt: string; kind: StaffAbsenceKind; note: string }>({
        startsAt: '',
        endsAt: '',
        kind: 'HOLIDAY',
        note: '',
    });
    useEffect(() => {
        fetchAbsences(person.id)
            .then(setRows)
            .catch(() => setRows([]));
    }, [person.id, version]);
    const add = () =>
        run(
            () =>
                addAbsence({
                    staffId: person.id,
                    startsAt: new Date(draft.startsAt).toISOString(),
                    endsAt: new Date(draft.endsAt).toISOString(),
                    kind: draft.kind,
                    note: draft.note,
                }),
            'app.support.saved',
        );
    return (
        <Box component="section" aria-labelledby={`absences-${person.id}`} sx={{ display: 'grid', gap: 1 }}>
            <Typography id={`absences-${person.id}`} component="h3" variant="subtitle1">
                {translate('app.support.absences.title')}
            </Typography>
            <Table size="small" aria-labelledby={`absences-${person.id}`}>
                <TableHead>
                    <TableRow>
                        <TableCell>{translate('app.support.absences.kind')}</TableCell>
                        <TableCell>{translate('app.support.absences.from')}</TableCell>
                        <TableCell>{translate('app.support.absences.to')}</TableCell>
                        <TableCell>{translate('app.support.absences.note')}</TableCell>
                        <TableCell />
                    </TableRow>
                </TableHead>
                <TableBody>
                    {rows.length === 0 && (
                        <TableRow>
                            <TableCell colSpan={5}>{translate('app.support.absences.none')}</TableCell>
                        </TableRow>
                    )}
                    {rows.map(a => (
                        <TableRow key={a.id}>
                            <TableCell>{translate(`app.support.absence_kinds.${a.kind}`)}</TableCell>
                            <TableCell>{formatTime(a.startsAt, locale)}</TableCell>
                            <TableCell>{formatTime(a.endsAt, locale)}</TableCell>
                            <TableCell>{a.note}</TableCell>
                            <TableCell>
                                {canWrite && (
                                    <IconButton
                                        aria-label={translate('app.support.absences.remove')}
                                        onClick={() => run(() => removeAbsence(a.id), 'app.support.saved')}
                                    >
                                        <DeleteIcon />
                                    </IconButton>
                                )}
                            </TableCell>
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
            {canWrite && (
                <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
                    <TextField
                        select
                        size="small"
                        label={translate('app.support.absences.kind')}
                        value={draft.kind}
                        onChange={e => setDraft({ ...draft, kind: e.target.value as StaffAbsenceKind })}
                        sx={{ minWidth: 200 }}
                    >
                        {ABSENCE_KINDS.map(k => (
                            <MenuItem key={k} value={k}>
                                {translate(`app.support.absence_kinds.${k}`)}
                            </MenuItem>
                        ))}
                    </TextField>
                    <TextField
                        size="small"
                        type="datetime-local"
                        label={translate('app.support.absences.from')}
                        value={draft.startsAt}
                        onChange={e => setDraft({ ...draft, startsAt: e.target.value })}
                        slotProps={{ inputLabel: { shrink: true } }}
                    />
                    <TextField
                        size="small"
                        type="datetime-local"
                        label={translate('app.support.absences.to')}
                        value={draft.endsAt}
                        onChange={e => setDraft({ ...draft, endsAt: e.target.value })}
                        slotProps={{ inputLabel: { shrink: true } }}
                    />
                    <TextField
                        size="small"
                        label={translate('app.support.absences.note')}
                        value={draft.note}
                        onChange={e => setDraft({ ...draft, note: e.target.value })}
                    />
                    <Button variant="outlined" disabled={!draft.startsAt || !draft.endsAt} onClick={add}>
                        {translate('app.support.absences.add')}
                    </Button>
                </Box>
            )}
        </Box>
    );
};
