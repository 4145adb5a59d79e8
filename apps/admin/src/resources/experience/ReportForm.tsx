import { useState } from 'react';
import {
    Box,
    Button,
    Checkbox,
    FormControlLabel,
    IconButton,
    MenuItem,
    Rating,
    TextField,
    Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useTranslate } from 'react-admin';
import { CATEGORIES, type Incident, type IncidentCategory, type Report, type ReportInput } from './api';

/** The report itself: counts prefilled from attendance, incidents without names, support, lessons, rating. */
export const ReportForm = ({
    report,
    onSubmit,
    canWrite,
}: {
    report: Report;
    onSubmit: (input: ReportInput) => Promise<void>;
    canWrite: boolean;
}) => {
    const translate = useTranslate();
    const [form, setForm] = useState<ReportInput>({
        platformKey: report.platformKey,
        onSiteCount: report.onSiteCount,
        remoteCount: report.remoteCount,
        supportSufficient: report.supportSufficient ?? true,
        whatWorked: report.whatWorked,
        lessons: report.lessons,
        rating: report.rating ?? 3,
        incidents: report.incidents.map(({ category, minutesLost, affectedCount, resolution }) => ({
            category,
            minutesLost,
            affectedCount,
            resolution,
        })),
    });
    const set = (patch: Partial<ReportInput>) => setForm(f => ({ ...f, ...patch }));
    const setIncident = (i: number, patch: Partial<Incident>) =>
        set({ incidents: form.incidents.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
    const t = (k: string) => translate(`experience.fields.${k}`);
    return (
        <Box
            component="form"
            sx={{ display: 'grid', gap: 2 }}
            onSubmit={e => (e.preventDefault(), void onSubmit(form))}
        >
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
                <TextField
                    label={t('platform')}
                    value={form.platformKey ?? ''}
                    onChange={e => set({ platformKey: e.target.value || null })}
                    size="small"
                />
                <TextField
                    type="number"
                    label={t('onSite')}
                    value={form.onSiteCount}
                    onChange={e => set({ onSiteCount: Number(e.target.value) })}
                    size="small"
                    slotProps={{ htmlInput: { min: 0 } }}
                />
                <TextField
                    type="number"
                    label={t('remote')}
                    value={form.remoteCount}
                    onChange={e => set({ remoteCount: Number(e.target.value) })}
                    size="small"
                    slotProps={{ htmlInput: { min: 0 } }}
                />
            </Box>
            <Typography component="h3" variant="subtitle1">
                {t('incidents')}
            </Typography>
            <Typography variant="caption">{translate('experience.noNames')}</Typography>
            {form.incidents.map((inc, i) => (
                <Box key={i} sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
                    <TextField
                        select
                        label={t('category')}
                        value={inc.category}
                        onChange={e => setIncident(i, { category: e.target.value as IncidentCategory })}
                        size="small"
                        sx={{ minWidth: 180 }}
                    >
                        {CATEGORIES.map(c => (
                            <MenuItem key={c} value={c}>
                                {translate(`region.incident.${c.toLowerCase()}`)}
                            </MenuItem>
                        ))}
                    </TextField>
                    <TextField
                        type="number"
                        label={t('minutesLost')}
                        value={inc.minutesLost}
                        onChange={e => setIncident(i, { minutesLost: Number(e.target.value) })}
                        size="small"
                        slotProps={{ htmlInput: { min: 0 } }}
                    />
                    <TextField
                        type="number"
                        label={t('affected')}
                        value={inc.affectedCount}
                        onChange={e => setIncident(i, { affectedCount: Number(e.target.value) })}
                        size="small"
                        slotProps={{ htmlInput: { min: 0 } }}
                    />
                    <TextField
                        label={t('resolution')}
                        value={inc.resolution}
                        onChange={e => setIncident(i, { resolution: e.target.value })}
                        size="small"
                        sx={{ flex: 1, minWidth: 200 }}
                    />
                    <IconButton
                        aria-label={translate('ra.action.remove')}
                        onClick={() => set({ incidents: form.incidents.filter((_x, k) => k !== i) })}
                    >
                        <DeleteIcon />
                    </IconButton>
                </Box>
            ))}
            <Box>
                <Button
                    onClick={() =>
                        set({
                            incidents: [
                                ...form.incidents,
                                { category: 'AUDIO', minutesLost: 0, affectedCount: 1, resolution: '' },
                            ],
                        })
                    }
                >
                    {translate('experience.addIncident')}
                </Button>
            </Box>
            <FormControlLabel
                control={
                    <Checkbox
                        checked={form.supportSufficient}
                        onChange={e => set({ supportSufficient: e.target.checked })}
                    />
                }
                label={t('supportSufficient')}
            />
            <TextField
                label={t('whatWorked')}
                value={form.whatWorked}
                onChange={e => set({ whatWorked: e.target.value })}
                multiline
                minRows={2}
            />
            <TextField
                label={t('lessons')}
                value={form.lessons}
                onChange={e => set({ lessons: e.target.value })}
                multiline
                minRows={2}
            />
            <Box>
                <Typography component="legend" variant="body2">
                    {t('rating')}
                </Typography>
                <Rating value={form.rating} onChange={(_e, v) => set({ rating: v ?? 1 })} />
            </Box>
            {canWrite && (
                <Box>
                    <Button type="submit" variant="contained">
                        {translate(report.status === 'SUBMITTED' ? 'experience.update' : 'experience.submit')}
                    </Button>
                </Box>
            )}
        </Box>
    );
};
