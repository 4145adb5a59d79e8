import { Box, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { JoinLinksTable, SendAllLinksButton, type JoinLinkRow } from '../../components/JoinLinksTable';
import { MUNICIPAL_TIME_ZONE } from '@motesplats/rules/stockholm-time';
import { graphql } from '../../gql';
import { graphqlRequest, type RunDocument } from '../../graphql';
import { getLimits } from '../../limits';
import { intlLocale } from '../../i18n';
import { CreatePracticeSession, InviteMembers } from './PracticeSessionForms';

interface SessionSummary {
    id: string;
    title: string;
    startsAt: string;
}
interface SessionLinks extends SessionSummary {
    endsAt: string;
    invitees: { memberId: string; attendedAt: string | null }[];
    joinLinks: JoinLinkRow[];
    membersWithoutEmail: { id: string; name: string; phone: string | null }[];
}

const ListDocument = graphql(`
    query PracticeSessionList($perPage: Int!) {
        practiceSessions(perPage: $perPage, sortField: "startsAt", sortOrder: DESC) {
            items {
                id
                title
                startsAt
            }
        }
    }
`);
const OneDocument = graphql(`
    query PracticeSessionLinks($id: ID!) {
        practiceSession(id: $id) {
            id
            title
            startsAt
            endsAt
            invitees {
                memberId
                attendedAt
            }
            joinLinks {
                ...JoinLinkRowFields
            }
            membersWithoutEmail {
                id
                name
                phone
            }
        }
    }
`);
const SendLinksDocument = graphql(`
    mutation SendPracticeSessionLinks($s: ID!) {
        sendPracticeSessionLinks(sessionId: $s) {
            sent
            forSecretary
            blocked
        }
    }
`);

/**
 * A practice session's invitees and their personal links to its video room: sent by e-mail with
 * a calendar invitation or handed over by the secretary; coming in through one records attendance.
 */
export const PracticeSessions = ({ canWrite }: { canWrite: boolean }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const [locale] = useLocaleState();
    const [sessions, setSessions] = useState<SessionSummary[]>([]);
    const [selected, setSelected] = useState('');
    const [data, setData] = useState<SessionLinks | null>(null);
    const time = (iso: string) =>
        new Intl.DateTimeFormat(intlLocale(locale), {
            dateStyle: 'medium',
            timeStyle: 'short',
            timeZone: MUNICIPAL_TIME_ZONE,
        }).format(new Date(iso));

    const loadList = useCallback(
        () =>
            getLimits()
                .then(({ maxPerPage }) => graphqlRequest(ListDocument, { perPage: maxPerPage }))
                .then(
                    d => setSessions(d.practiceSessions.items satisfies SessionSummary[]),
                    e => notify((e as Error).message, { type: 'error' }),
                ),
        [notify],
    );
    useEffect(() => {
        void loadList();
    }, [loadList]);
    const load = useCallback(async () => {
        if (!selected) return setData(null);
        setData((await graphqlRequest(OneDocument, { id: selected })).practiceSession satisfies SessionLinks | null);
    }, [selected]);
    useEffect(() => {
        load().catch(e => notify((e as Error).message, { type: 'error' }));
    }, [load, notify]);
    const run: RunDocument = async (document, variables, done) => {
        try {
            done?.(await graphqlRequest(document, ...([variables] as never)));
            await load();
        } catch (e) {
            notify((e as Error).message, { type: 'error' });
        }
    };

    return (
        <Stack spacing={2}>
            <Typography variant="body2">{translate('app.training.practice.help')}</Typography>
            {canWrite && (
                <CreatePracticeSession
                    onCreated={async id => {
                        await loadList();
                        setSelected(id);
                        notify('secretary.practice.created', { type: 'success' });
                    }}
                />
            )}
            <TextField
                select
                label={translate('app.training.practice.session')}
                value={selected}
                onChange={e => setSelected(e.target.value)}
                sx={{ maxWidth: 480 }}
            >
                {sessions.length === 0 && (
                    <MenuItem value="" disabled>
                        {translate('app.training.practice.none')}
                    </MenuItem>
                )}
                {sessions.map(s => (
                    <MenuItem key={s.id} value={s.id}>
                        {s.title} · {time(s.startsAt)}
                    </MenuItem>
                ))}
            </TextField>
            {data && (
                <Box>
                    <Typography variant="body1">
                        {time(data.startsAt)} – {time(data.endsAt)} ·{' '}
                        {translate('app.training.practice.attended', {
                            attended: data.invitees.filter(i => i.attendedAt).length,
                            invited: data.invitees.length,
                        })}
                    </Typography>
                    {canWrite && new Date(data.endsAt) > new Date() && (
                        <InviteMembers sessionId={data.id} onInvited={load} />
                    )}
                    {canWrite && (
                        <Box sx={{ my: 1 }}>
                            <SendAllLinksButton
                                links={data.joinLinks}
                                membersWithoutEmail={data.membersWithoutEmail}
                                onConfirm={() =>
                                    run(SendLinksDocument, { s: data.id }, r =>
                                        notify('app.rooms.sent', {
                                            type: 'success',
                                            messageArgs: r.sendPracticeSessionLinks,
                                        }),
                                    )
                                }
                            />
                        </Box>
                    )}
                    <JoinLinksTable
                        links={data.joinLinks}
                        membersWithoutEmail={data.membersWithoutEmail}
                        run={run}
                        live={canWrite && new Date(data.endsAt) > new Date()}
                    />
                </Box>
            )}
        </Stack>
    );
};
