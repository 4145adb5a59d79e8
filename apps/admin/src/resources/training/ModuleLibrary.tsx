import { useState } from 'react';
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
    MenuItem,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    TextField,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import type { TrainingKind } from '../../gql/graphql';
import { useLimits } from '../../limits';
import {
    AUDIENCES,
    KINDS,
    createModule,
    publishModule,
    updateModule,
    type ModuleInput,
    type TrainingModule,
} from './api';

const EMPTY: ModuleInput = {
    key: '',
    title: '',
    description: '',
    audience: ['MEMBER'],
    kind: 'E_LEARNING',
    url: null,
    validityMonths: 24,
    requirable: false,
};

/** The module library: coordinators keep the region's, municipal staff their own. */
export const ModuleLibrary = ({
    modules,
    regionWide,
    canWrite,
    run,
}: {
    modules: TrainingModule[];
    regionWide: boolean;
    canWrite: boolean;
    run: (action: () => Promise<unknown>, success: string) => Promise<void>;
}) => {
    const translate = useTranslate();
    const limits = useLimits();
    const [editing, setEditing] = useState<{ id: string | null; input: ModuleInput } | null>(null);
    const own = (m: TrainingModule) => (regionWide ? m.scope === 'REGIONAL' : m.scope === 'MUNICIPAL');
    const save = () =>
        run(async () => {
            if (!editing) return;
            await (editing.id ? updateModule(editing.id, editing.input) : createModule(editing.input));
            setEditing(null);
        }, 'app.training.saved');
    const set = (patch: Partial<ModuleInput>) => setEditing(e => (e ? { ...e, input: { ...e.input, ...patch } } : e));
    return (
        <Box>
            {canWrite && (
                <Button variant="contained" sx={{ mb: 2 }} onClick={() => setEditing({ id: null, input: EMPTY })}>
                    {translate('app.training.new_module')}
                </Button>
            )}
            <Table size="small" aria-label={translate('app.training.tabs.library')}>
                <TableHead>
                    <TableRow>
                        <TableCell>{translate('app.training.fields.title')}</TableCell>
                        <TableCell>{translate('app.training.fields.key')}</TableCell>
                        <TableCell>{translate('app.training.fields.audience')}</TableCell>
                        <TableCell>{translate('app.training.fields.kind')}</TableCell>
                        <TableCell>{translate('app.training.fields.validityMonths')}</TableCell>
                        <TableCell>{translate('app.training.fields.scope')}</TableCell>
                        <TableCell />
                    </TableRow>
                </TableHead>
                <TableBody>
                    {modules.map(m => (
                        <TableRow key={m.id}>
                            <TableCell>
                                {m.url ? (
                                    <a href={m.url} target="_blank" rel="noreferrer">
                                        {m.title}
                                    </a>
                                ) : (
                                    m.title
                                )}
                                {m.requirable && (
                                    <Chip
                                        size="small"
                                        sx={{ ml: 1 }}
                                        label={translate('app.training.fields.requirable')}
                                    />
                                )}
                            </TableCell>
                            <TableCell>
                                <code>{m.key}</code>
                            </TableCell>
                            <TableCell>
                                {m.audience.map(a => translate(`app.training.audience.${a}`)).join(', ')}
                            </TableCell>
                            <TableCell>{translate(`app.training.kind.${m.kind}`)}</TableCell>
                            <TableCell>{m.validityMonths ?? translate('app.training.never')}</TableCell>
                            <TableCell>
                                {translate(`app.training.scope.${m.scope}`)}
                                {m.scope === 'REGIONAL' && !m.publishedAt && (
                                    <Chip
                                        size="small"
                                        color="warning"
                                        sx={{ ml: 1 }}
                                        label={translate('app.training.draft')}
                                    />
                                )}
                            </TableCell>
                            <TableCell>
                                {canWrite && own(m) && (
                                    <Button
                                        size="small"
                                        onClick={() => setEditing({ id: m.id, input: { ...m } })}
                                        aria-label={`${translate('ra.action.edit')} ${m.title}`}
                                    >
                                        {translate('ra.action.edit')}
                                    </Button>
                                )}
                                {regionWide && m.scope === 'REGIONAL' && !m.publishedAt && (
                                    <Button
                                        size="small"
                                        onClick={() => run(() => publishModule(m.id), 'app.training.published')}
                                    >
                                        {translate('app.training.publish')}
                                    </Button>
                                )}
                            </TableCell>
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
            <Dialog
                open={editing !== null}
                onClose={() => setEditing(null)}
                fullWidth
                maxWidth="sm"
                aria-labelledby="module-dialog-title"
            >
                <DialogTitle id="module-dialog-title">
                    {translate(editing?.id ? 'app.training.edit_module' : 'app.training.new_module')}
                </DialogTitle>
                {editing && (
                    <DialogContent sx={{ display: 'grid', gap: 2, pt: 1 }}>
                        <TextField
                            label={translate('app.training.fields.key')}
                            value={editing.input.key}
                            onChange={e => set({ key: e.target.value })}
                            disabled={editing.id !== null}
                            helperText={translate('app.training.key_help')}
                            required
                            margin="dense"
                        />
                        <TextField
                            label={translate('app.training.fields.title')}
                            value={editing.input.title}
                            onChange={e => set({ title: e.target.value })}
                            required
                        />
                        <TextField
                            label={translate('app.training.fields.description')}
                            value={editing.input.description}
                            onChange={e => set({ description: e.target.value })}
                            multiline
                            minRows={2}
                        />
                        <FormGroup>
                            <FormLabel component="legend">{translate('app.training.fields.audience')}</FormLabel>
                            {AUDIENCES.map(a => (
                                <FormControlLabel
                                    key={a}
                                    label={translate(`app.training.audience.${a}`)}
                                    control={
                                        <Checkbox
                                            checked={editing.input.audience.includes(a)}
                                            onChange={e =>
                                                set({
                                                    audience: e.target.checked
                                                        ? [...editing.input.audience, a]
                                                        : editing.input.audience.filter(x => x !== a),
                                                })
                                            }
                                        />
                                    }
                                />
                            ))}
                        </FormGroup>
                        <TextField
                            select
                            label={translate('app.training.fields.kind')}
                            value={editing.input.kind}
                            onChange={e => set({ kind: e.target.value as TrainingKind })}
                        >
                            {KINDS.map(k => (
                                <MenuItem key={k} value={k}>
                                    {translate(`app.training.kind.${k}`)}
                                </MenuItem>
                            ))}
                        </TextField>
                        <TextField
                            label={translate('app.training.fields.url')}
                            type="url"
                            value={editing.input.url ?? ''}
                            onChange={e => set({ url: e.target.value || null })}
                        />
                        <TextField
                            label={translate('app.training.fields.validityMonths')}
                            type="number"
                            value={editing.input.validityMonths ?? ''}
                            onChange={e => set({ validityMonths: e.target.value ? Number(e.target.value) : null })}
                            helperText={translate('app.training.validity_help')}
                            slotProps={{ htmlInput: { min: 1, max: limits?.trainingValidityMonthsMax } }}
                        />
                        <FormControlLabel
                            label={translate('app.training.fields.requirable')}
                            control={
                                <Checkbox
                                    checked={editing.input.requirable}
                                    onChange={e => set({ requirable: e.target.checked })}
                                />
                            }
                        />
                    </DialogContent>
                )}
                <DialogActions>
                    <Button onClick={() => setEditing(null)}>{translate('ra.action.cancel')}</Button>
                    <Button variant="contained" onClick={save}>
                        {translate('ra.action.save')}
                    </Button>
                </DialogActions>
            </Dialog>
        </Box>
    );
};
