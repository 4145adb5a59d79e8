import { useEffect, useState } from 'react';
import {
    Box,
    Button,
    Checkbox,
    Chip,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    FormControlLabel,
    FormGroup,
    FormLabel,
    Switch,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    TextField,
    Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import {
    createStaff,
    fetchSettings,
    fetchStaff,
    SKILLS,
    updateSettings,
    updateStaff,
    type Settings,
    type StaffInput,
    type StaffMember,
} from './api';
import { Absences, WeeklyEditor } from './Availability';
import { StaffTraining } from './StaffTraining';
import type { Run } from './SupportPage';

// Named for screen readers, invisible on screen: the column holds only buttons.
const visuallyHidden = {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
} as const;

const EMPTY: StaffInput = {
    name: '',
    title: '',
    email: null,
    phone: null,
    account: null,
    skills: [],
    weekly: [],
    active: true,
};

/** The register: the municipality's own staff and the pool it uses (coordinators: the pool). */
export const StaffRegister = ({
    canWrite,
    run,
    version,
    regionWide,
}: {
    canWrite: boolean;
    run: Run;
    version: number;
    regionWide: boolean;
}) => {
    const translate = useTranslate();
    const [staff, setStaff] = useState<StaffMember[]>([]);
    const [settings, setSettings] = useState<Settings | null>(null);
    const [editing, setEditing] = useState<StaffMember | 'new' | null>(null);
    const [selected, setSelected] = useState<string | null>(null);
    useEffect(() => {
        fetchStaff()
            .then(setStaff)
            .catch(() => setStaff([]));
        if (!regionWide)
            fetchSettings()
                .then(setSettings)
                .catch(() => setSettings(null));
    }, [version, regionWide]);
    const person = staff.find(s => s.id === selected) ?? null;
    const mayEdit = (s: StaffMember) => canWrite && (regionWide ? s.pooled : !s.pooled);
    return (
        <Box sx={{ display: 'grid', gap: 2 }}>
            {settings && (
                <Box
                    component="section"
                    aria-labelledby="support-settings"
                    sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}
                >
                    <Typography id="support-settings" component="h2" variant="subtitle1">
                        {translate('app.support.settings.title')}
                    </Typography>
                    <FormControlLabel
                        control={
                            <Switch
                                checked={settings.usesRegionalPool}
                                disabled={!canWrite}
                                onChange={e =>
                                    run(
                                        () => updateSettings({ usesRegionalPool: e.target.checked }),
                                        'app.support.saved',
                                    )
                                }
                            />
                        }
                        label={translate('app.support.settings.pool')}
                    />
                    <Typography variant="body2">
                        {translate('app.support.settings.times', {
                            before: settings.minutesBefore,
                            after: settings.minutesAfter,
                        })}
                    </Typography>
                </Box>
            )}
            <Table size="small" aria-label={translate(regionWide ? 'app.support.tabs.pool' : 'app.support.tabs.staff')}>
                <TableHead>
                    <TableRow>
                        <TableCell>{translate('app.support.staff.name')}</TableCell>
                        <TableCell>{translate('app.support.staff.title')}</TableCell>
                        <TableCell>{translate('app.support.staff.skills')}</TableCell>
                        <TableCell>{translate('app.support.staff.active')}</TableCell>
                        <TableCell>{translate('app.support.staff.source')}</TableCell>
                        <TableCell>
                            <Box component="span" sx={visuallyHidden}>
                                {translate('app.support.staff.actions')}
                            </Box>
                        </TableCell>
                    </TableRow>
                </TableHead>
                <TableBody>
                    {staff.map(s => (
                        <TableRow key={s.id} selected={s.id === selected}>
                            <TableCell>
                                {s.name}
                                {!s.active && ` (${translate('app.support.staff.inactive')})`}
                            </TableCell>
                            <TableCell>{s.title}</TableCell>
                            <TableCell>
                                {s.skills.map(k => (
                                    <Chip
                                        key={k}
                                        size="small"
                                        label={translate(`app.support.skills.${k}`)}
                                        sx={{ mr: 0.5 }}
                                    />
                                ))}
                            </TableCell>
                            <TableCell>{translate(s.active ? 'ra.boolean.true' : 'ra.boolean.false')}</TableCell>
                            <TableCell>
                                {translate(s.pooled ? 'app.support.staff.pool' : 'app.support.staff.own')}
                            </TableCell>
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>
                                <Button
                                    size="small"
                                    onClick={() => setSelected(s.id === selected ? null : s.id)}
                                    aria-expanded={s.id === selected}
                                >
                                    {translate('app.support.staff.availability')}
                                </Button>
                                {mayEdit(s) && (
                                    <Button size="small" onClick={() => setEditing(s)}>
                                        {translate('ra.action.edit')}
                                    </Button>
                                )}
                            </TableCell>
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
            {canWrite && (
                <Box>
                    <Button variant="contained" onClick={() => setEditing('new')}>
                        {translate(regionWide ? 'app.support.staff.add_pool' : 'app.support.staff.add')}
                    </Button>
                </Box>
            )}
            {person && (
                <Box sx={{ display: 'grid', gap: 2, borderTop: 1, borderColor: 'divider', pt: 2 }}>
                    <Typography component="h2" variant="h6">
                        {person.name}
                    </Typography>
                    <WeeklyEditor person={person} run={run} canWrite={mayEdit(person)} />
                    <Absences person={person} run={run} canWrite={mayEdit(person)} version={version} />
                </Box>
            )}
            {!regionWide && <StaffTraining canWrite={canWrite} run={run} version={version} />}
            {editing && (
                <StaffDialog
                    initial={editing === 'new' ? EMPTY : editing}
                    onClose={() => setEditing(null)}
                    onSave={async input => {
                        const ok = await run(
                            () => (editing === 'new' ? createStaff(input) : updateStaff(editing.id, input)),
                            'app.support.saved',
                        );
                        if (ok) setEditing(null);
                    }}
                />
            )}
        </Box>
    );
};

const StaffDialog = ({
    initial,
    onClose,
    onSave,
}: {
    initial: StaffInput;
    onClose: () => void;
    onSave: (input: StaffInput) => void;
}) => {
    const translate = useTranslate();
    const [value, setValue] = useState<StaffInput>({
        name: initial.name,
        title: initial.title,
        email: initial.email,
        phone: initial.phone,
        account: initial.account,
        skills: initial.skills,
        weekly: initial.weekly,
        active: initial.active,
    });
    const text = (field: 'name' | 'title' | 'email' | 'phone' | 'account', required = false) => (
        <TextField
            label={translate(`app.support.staff.${field}`)}
            value={value[field] ?? ''}
            required={required}
            onChange={e =>
                setValue({ ...value, [field]: e.target.value || (field === 'name' || field === 'title' ? '' : null) })
            }
            helperText={field === 'account' ? translate('app.support.staff.account_help') : undefined}
        />
    );
    return (
        <Dialog open onClose={onClose} aria-labelledby="staff-dialog-title" fullWidth>
            <DialogTitle id="staff-dialog-title">{initial.name || translate('app.support.staff.add')}</DialogTitle>
            <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
                {text('name', true)}
                {text('title')}
                {text('email')}
                {text('phone')}
                {text('account')}
                <FormGroup>
                    <FormLabel component="legend">{translate('app.support.staff.skills')}</FormLabel>
                    {SKILLS.map(k => (
                        <FormControlLabel
                            key={k}
                            control={
                                <Checkbox
                                    checked={value.skills.includes(k)}
                                    onChange={e =>
                                        setValue({
                                            ...value,
                                            skills: e.target.checked
                                                ? [...value.skills, k]
                                                : value.skills.filter(x => x !== k),
                                        })
                                    }
                                />
                            }
                            label={translate(`app.support.skills.${k}`)}
                        />
                    ))}
                </FormGroup>
                <FormControlLabel
                    control={
                        <Switch
                            checked={value.active}
                            onChange={e => setValue({ ...value, active: e.target.checked })}
                        />
                    }
                    label={translate('app.support.staff.active')}
                />
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
                <Button
                    variant="contained"
                    disabled={!value.name.trim()}
                    onClick={() =>
                        onSave({
                            ...value,
                            weekly: value.weekly.map(({ weekday, from, to }) => ({ weekday, from, to })),
                        })
                    }
                >
                    {translate('ra.action.save')}
                </Button>
            </DialogActions>
        </Dialog>
    );
};
