import { Autocomplete, Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { fromStockholmInput } from '@motesplats/rules/stockholm-time';
import { graphql } from '../../gql';
import { graphqlRequest } from '../../graphql';
import { fetchModules, searchMembers, type TrainingModule } from './api';

const CreateDocument = graphql(`
    mutation CreatePracticeSession($i: CreatePracticeSessionInput!) {
        createPracticeSession(input: $i) {
            id
        }
    }
`);
const InviteDocument = graphql(`
    mutation InviteToPracticeSession($s: ID!, $m: [ID!]!) {
        inviteToPracticeSession(sessionId: $s, memberIds: $m) {
            id
            invitees {
                memberId
            }
        }
    }
`);

/** A new practice session (övningssammanträde) for one training module; returns its id. */
export const CreatePracticeSession = ({ onCreated }: { onCreated: (id: string) => Promise<void> | void }) => {
    const translate = useTranslate();
    const [modules, setModules] = useState<TrainingModule[]>([]);
    const [form, setForm] = useState({ title: '', moduleKey: '', startsAt: '', endsAt: '', place: '' });
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
        fetchModules().then(setModules, () => setModules([]));
    }, []);
    const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
        setForm(f => ({ ...f, [key]: e.target.value }));
    const startsAt = fromStockholmInput(form.startsAt);
    const endsAt = fromStockholmInput(form.endsAt);
    const ready = form.title.trim() && form.moduleKey && startsAt && endsAt && endsAt > startsAt;
    const submit = async () => {
        if (!ready) return;
        setError(null);
        try {
            const r = await graphqlRequest(CreateDocument, {
                i: {
                    title: form.title.trim(),
                    moduleKey: form.moduleKey,
                    startsAt: startsAt!,
                    endsAt: endsAt!,
                    place: form.place.trim() || null,
                },
            });
            setForm({ title: '', moduleKey: '', startsAt: '', endsAt: '', place: '' });
            await onCreated(r.createPracticeSession.id);
        } catch (e) {
            setError((e as Error).message);
        }
    };
    return (
        <Box
            component="form"
            aria-labelledby="practice-create-heading"
            onSubmit={e => {
                e.preventDefault();
                void submit();
            }}
            sx={{ display: 'grid', gap: 1.5, maxWidth: 640 }}
        >
            <Typography id="practice-create-heading" component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
                {translate('secretary.practice.create')}
            </Typography>
            {error && (
                <Typography role="alert" color="error">
                    {error}
                </Typography>
            )}
            <TextField
                size="small"
                label={translate('secretary.practice.title')}
                value={form.title}
                onChange={set('title')}
                required
            />
            <TextField
                select
                size="small"
                label={translate('secretary.practice.module')}
                value={form.moduleKey}
                onChange={set('moduleKey')}
                required
            >
                {modules.map(m => (
                    <MenuItem key={m.key} value={m.key}>
                        {m.title}
                    </MenuItem>
                ))}
            </TextField>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                <TextField
                    size="small"
                    type="datetime-local"
                    label={translate('secretary.practice.starts')}
                    value={form.startsAt}
                    onChange={set('startsAt')}
                    slotProps={{ inputLabel: { shrink: true } }}
                    required
                />
                <TextField
                    size="small"
                    type="datetime-local"
                    label={translate('secretary.practice.ends')}
                    value={form.endsAt}
                    onChange={set('endsAt')}
                    slotProps={{ inputLabel: { shrink: true } }}
                    required
                />
            </Stack>
            <TextField
                size="small"
                label={translate('secretary.practice.place')}
                value={form.place}
                onChange={set('place')}
            />
            <Box>
                <Button type="submit" variant="contained" disabled={!ready}>
                    {translate('secretary.practice.save')}
                </Button>
            </Box>
        </Box>
    );
};

type MemberOption = { id: string; name: string; email: string | null };

/** Invites members to a session; inviting someone twice changes nothing (the API's rule). */
export const InviteMembers = ({
    sessionId,
    onInvited,
}: {
    sessionId: string;
    onInvited: () => Promise<void> | void;
}) => {
    const translate = useTranslate();
    const [query, setQuery] = useState('');
    const [options, setOptions] = useState<MemberOption[]>([]);
    const [picked, setPicked] = useState<MemberOption[]>([]);
    const [message, setMessage] = useState<string | null>(null);
    useEffect(() => {
        let live = true;
        searchMembers(query).then(
            items => live && setOptions(items),
            () => undefined,
        );
        return () => {
            live = false;
        };
    }, [query]);
    const invite = async () => {
        setMessage(null);
        try {
            await graphqlRequest(InviteDocument, { s: sessionId, m: picked.map(p => p.id) });
            setMessage(translate('secretary.practice.invited', { smart_count: picked.length }));
            setPicked([]);
            await onInvited();
        } catch (e) {
            setMessage((e as Error).message);
        }
    };
    return (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ my: 1, alignItems: 'flex-start' }}>
            <Autocomplete
                multiple
                sx={{ minWidth: 360 }}
                options={options}
                value={picked}
                filterOptions={o => o}
                getOptionLabel={o => o.name}
                isOptionEqualToValue={(a, b) => a.id === b.id}
                onChange={(_e, v) => setPicked(v)}
                onInputChange={(_e, v) => setQuery(v)}
                renderInput={params => (
                    <TextField {...params} size="small" label={translate('secretary.practice.invite_pick')} />
                )}
            />
            <Button variant="outlined" disabled={picked.length === 0} onClick={() => void invite()}>
                {translate('secretary.practice.invite_confirm')}
            </Button>
            {message && (
                <Typography role="status" variant="body2" sx={{ alignSelf: 'center' }}>
                    {message}
                </Typography>
            )}
        </Stack>
    );
};
