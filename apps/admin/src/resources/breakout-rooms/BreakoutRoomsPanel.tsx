import { formatDateTime } from '../../components/formatDateTime';
import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useLocaleState, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { JoinLinksTable, SendAllLinksButton, type JoinLinkRow } from '../../components/JoinLinksTable';
import { graphql } from '../../gql';
import { graphqlRequest, type RunDocument } from '../../graphql';

const LIVE_STATUSES = ['CONVENED', 'IN_PROGRESS', 'RECESS'];

interface Rooms {
    breakoutRooms: { id: string; name: string; status: string; invitees: { id: string }[] }[];
    breakoutWindows: { opensAt: string; closesAt: string }[];
    recesses: { startedAt: string; endedAt: string | null }[];
    joinLinks: JoinLinkRow[];
    membersWithoutEmail: { id: string; name: string; phone: string | null }[];
    membersBlockedFromRemote: {
        member: { id: string; name: string; phone: string | null };
        reasons: { sv: string; en: string }[];
    }[];
}

const RoomsDocument = graphql(`
    query Rooms($id: ID!) {
        meeting(id: $id) {
            breakoutRooms {
                id
                name
                status
                invitees {
                    id
                }
            }
            breakoutWindows {
                opensAt
                closesAt
            }
            recesses {
                startedAt
                endedAt
            }
            joinLinks {
                roomId
                ...JoinLinkRowFields
            }
            membersWithoutEmail {
                id
                name
                phone
            }
            membersBlockedFromRemote {
                member {
                    id
                    name
                    phone
                }
                reasons {
                    sv
                    en
                }
            }
        }
    }
`);
const SetUpRoomsDocument = graphql(`
    mutation SetUpBreakoutRooms($m: ID!) {
        setUpBreakoutRooms(meetingId: $m) {
            id
        }
    }
`);
const SendLinksDocument = graphql(`
    mutation SendJoinLinks($m: ID!) {
        sendJoinLinks(meetingId: $m) {
            sent
            forSecretary
            blocked
        }
    }
`);

/**
 * A meeting's party-group rooms (the Timrå rule): their windows, the recesses the secretary
 * started (with the status buttons), every invited member's link — delivered how, used or
 * not — and resend and revoke.
 */
export const BreakoutRoomsPanel = () => {
    const meeting = useRecordContext();
    const translate = useTranslate();
    const notify = useNotify();
    const [locale] = useLocaleState();
    const [data, setData] = useState<Rooms | null>(null);
    const time = (iso: string | null) => formatDateTime(iso, locale);

    const load = useCallback(async () => {
        if (!meeting) return;
        const res = await graphqlRequest(RoomsDocument, { id: String(meeting.id) });
        setData(res.meeting satisfies Rooms | null);
    }, [meeting]);
    useEffect(() => {
        load().catch(error => notify((error as Error).message, { type: 'error' }));
    }, [load, notify]);

    const run: RunDocument = async (document, variables, done) => {
        try {
            const result = await graphqlRequest(document, ...([variables] as never));
            done?.(result);
            await load();
        } catch (error) {
            notify((error as Error).message, { type: 'error' });
        }
    };
    if (!meeting || !data) return null;
    // Links and rooms exist only for a convened meeting that is not over: offer nothing the API refuses.
    const live = LIVE_STATUSES.includes(String(meeting.status));
    const roomName = (id: string | null) =>
        id ? (data.breakoutRooms.find(r => r.id === id)?.name ?? '') : translate('app.rooms.meeting_link');

    return (
        <Stack spacing={3} sx={{ py: 2 }}>
            <Box>
                <Typography variant="h6" component="h2">
                    {translate('app.rooms.rooms')}
                </Typography>
                <Typography variant="body2">{translate('app.rooms.rule')}</Typography>
                <Stack direction="row" spacing={1} sx={{ my: 1 }}>
                    <Button
                        variant="outlined"
                        disabled={!live}
                        onClick={() => run(SetUpRoomsDocument, { m: String(meeting.id) })}
                    >
                        {translate('app.rooms.set_up')}
                    </Button>
                    <SendAllLinksButton
                        links={data.joinLinks}
                        membersWithoutEmail={data.membersWithoutEmail}
                        disabled={!live}
                        onConfirm={() =>
                            run(SendLinksDocument, { m: String(meeting.id) }, r =>
                                notify('app.rooms.sent', { type: 'success', messageArgs: r.sendJoinLinks }),
                            )
                        }
                    />
                </Stack>
                <Table size="small" aria-label={translate('app.rooms.rooms')}>
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('app.rooms.room')}</TableCell>
                            <TableCell>{translate('app.rooms.status')}</TableCell>
                            <TableCell>{translate('app.rooms.invitees')}</TableCell>
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {data.breakoutRooms.map(r => (
                            <TableRow key={r.id}>
                                <TableCell>{r.name}</TableCell>
                                <TableCell>{translate(`app.rooms.room_status.${r.status}`)}</TableCell>
                                <TableCell>{r.invitees.length}</TableCell>
                            </TableRow>
                        ))}
                    </TableBody>
                </Table>
            </Box>
            <Box>
                <Typography variant="h6" component="h2">
                    {translate('app.rooms.windows')}
                </Typography>
                <ul>
                    {data.breakoutWindows.map(w => (
                        <li key={w.opensAt}>
                            {time(w.opensAt)} – {time(w.closesAt)}
                        </li>
                    ))}
                </ul>
                <Typography variant="subtitle1" component="h3">
                    {translate('app.rooms.recesses')}
                </Typography>
                <Typography variant="body2">{translate('app.rooms.recess_help')}</Typography>
                <ul>
                    {data.recesses.map(r => (
                        <li key={r.startedAt}>
                            {time(r.startedAt)} – {r.endedAt ? time(r.endedAt) : translate('app.rooms.ongoing')}
                        </li>
                    ))}
                </ul>
            </Box>
            {data.membersBlockedFromRemote.length > 0 && (
                <Alert severity="warning" data-testid="blocked-from-remote">
                    <strong>{translate('app.rooms.blocked_from_remote')}</strong>
                    <ul>
                        {data.membersBlockedFromRemote.map(b => (
                            <li key={b.member.id}>
                                {b.member.name}
                                {b.member.phone ? ` (${b.member.phone})` : ''}:{' '}
                                {b.reasons.map(r => (locale === 'en' ? r.en : r.sv)).join(' ')}
                            </li>
                        ))}
                    </ul>
                </Alert>
            )}
            <JoinLinksTable
                links={data.joinLinks}
                membersWithoutEmail={data.membersWithoutEmail}
                place={l => roomName(l.roomId ?? null)}
                run={run}
                live={live}
            />
        </Stack>
    );
};
