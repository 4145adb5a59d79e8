import { useEffect, useState } from 'react';
import {
    Autocomplete,
    Box,
    Button,
    MenuItem,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    TextField,
    Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { fetchCompletions, recordCompletion, searchMembers, type Completion, type TrainingModule } from './api';
import { stockholmToday } from '@motesplats/rules/stockholm-time';

type MemberOption = { id: string; name: string; email: string | null };

/** One member's training record: every completion (history is kept), and recording a new one. */
export const MemberRecord = ({
    modules,
    canWrite,
    run,
}: {
    modules: TrainingModule[];
    canWrite: boolean;
    run: (action: () => Promise<unknown>, success: string) => Promise<void>;
}) => {
    const translate = useTranslate();
    const [query, setQuery] = useState('');
    const [options, setOptions] = useState<MemberOption[]>([]);
    const [member, setMember] = useState<MemberOption | null>(null);
    const [completions, setCompletions] = useState<Completion[]>([]);
    const [moduleKey, setModuleKey] = useState('');
    const [completedOn, setCompletedOn] = useState(stockholmToday(new Date()));

    useEffect(() => {
        let live = true;
        searchMembers(query).then(
            found => live && setOptions(found),
            () => undefined,
        );
        return () => {
            live = false;
        };
    }, [query]);
    useEffect(() => {
        if (member) fetchCompletions(member.id).then(setCompletions, () => setCompletions([]));
    }, [member]);

    return (
        <Box sx={{ display: 'grid', gap: 2 }}>
            <Autocomplete
                options={options}
                value={member}
                getOptionLabel={o => (o.email ? `${o.name} (${o.email})` : o.name)}
                isOptionEqualToValue={(a, b) => a.id === b.id}
                filterOptions={x => x}
                onInputChange={(_e, value) => setQuery(value)}
                onChange={(_e, value) => setMember(value)}
                renderInput={params => <TextField {...params} label={translate('app.training.search_member')} />}
                sx={{ maxWidth: 480 }}
            />
            {member && (
                <>
                    <Table size="small" aria-label={`${translate('app.training.tabs.record')}: ${member.name}`}>
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('app.training.fields.module')}</TableCell>
                                <TableCell>{translate('app.training.fields.completedOn')}</TableCell>
                                <TableCell>{translate('app.training.fields.validUntil')}</TableCell>
                                <TableCell>{translate('app.training.fields.source')}</TableCell>
                                <TableCell>{translate('app.training.fields.recordedBy')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {completions.map(c => (
                                <TableRow key={c.id}>
                                    <TableCell>{c.module?.title ?? c.moduleKey}</TableCell>
                                    <TableCell>{c.completedOn}</TableCell>
                                    <TableCell>{c.validUntil ?? translate('app.training.never')}</TableCell>
                                    <TableCell>{translate(`app.training.source.${c.source}`)}</TableCell>
                                    <TableCell>{c.recordedBy}</TableCell>
                                </TableRow>
                            ))}
                            {completions.length === 0 && (
                                <TableRow>
                                    <TableCell colSpan={5}>{translate('app.training.no_completions')}</TableCell>
                                </TableRow>
                            )}
                        </TableBody>
                    </Table>
                    {canWrite && (
                        <Box
                            component="form"
                            sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}
                            onSubmit={e => e.preventDefault()}
                        >
                            <Typography component="h3" variant="subtitle1" sx={{ width: '100%' }}>
                                {translate('app.training.record')}
                            </Typography>
                            <TextField
                                select
                                label={translate('app.training.fields.module')}
                                value={moduleKey}
                                onChange={e => setModuleKey(e.target.value)}
                                sx={{ minWidth: 280 }}
                            >
                                {modules.map(m => (
                                    <MenuItem key={m.key} value={m.key}>
                                        {m.title}
                                    </MenuItem>
                                ))}
                            </TextField>
                            <TextField
                                label={translate('app.training.fields.completedOn')}
                                type="date"
                                value={completedOn}
                                onChange={e => setCompletedOn(e.target.value)}
                                slotProps={{ inputLabel: { shrink: true } }}
                            />
                            <Button
                                variant="contained"
                                type="submit"
                                disabled={!moduleKey}
                                onClick={() =>
                                    run(async () => {
                                        await recordCompletion(member.id, moduleKey, completedOn);
                                        setCompletions(await fetchCompletions(member.id));
                                    }, 'app.training.recorded')
                                }
                            >
                                {translate('app.training.record')}
                            </Button>
                        </Box>
                    )}
                </>
            )}
        </Box>
    );
};
