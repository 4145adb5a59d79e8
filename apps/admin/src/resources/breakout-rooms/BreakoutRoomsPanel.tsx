import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useLocaleState, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { MUNICIPAL_TIME_ZONE } from '../../components/stockholmTime';
import { graphqlRequest } from '../../graphql';
import { intlLocale } from '../../i18n';

interface Link {
    id: string;
    roomId: string | null;
    member: { name: string; email: string | null };
    deliveryChannel: 'EMAIL' | 'SECRETARY' | null;
    deliveredAt: string | null;
    deliveryError: string | null;
    firstUsedAt: string | null;
    useCount: number;
    revokedAt: string | null;
}
interface Rooms {
    breakoutRooms: { id: string; name: string; status: string; invitees: { id: string }[] }[];
    breakoutWindows: { opensAt: string; closesAt: string }[];
    recesses: { startedAt: string; endedAt: string | null }[];
    joinLinks: Link[];
    membersWithoutEmail: { id: string; name: string; phone: string | null }[];
}

const QUERY = `query Rooms($id: ID!) { meeting(id: $id) {
  breakoutRooms { id name status invitees { id } }
  breakoutWindows { opensAt closesAt }
  recesses { startedAt endedAt }
  joinLinks { id roomId member { name email } deliveryChannel deliveredAt deliveryError firstUsedAt useCount revokedAt }
  membersWithoutEmail { id name phone } } }`;

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
    const [handOver, setHandOver] = useState<{ name: string; url: string } | null>(null);
    const time = (iso: string | null) =>
        iso ? new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: MUNICIPAL_TIME_ZONE }).format(new Date(iso)) : '–';

    const load = useCallback(async () => {
        if (!meeting) return;
        const res = await graphqlRequest<{ meeting: Rooms }>(QUERY, { id: meeting.id });
        setData(res.meeting);
    }, [meeting]);
    useEffect(() => {
        load().catch(error => notify((error as Error).message, { type: 'error' }));
    }, [load, notify]);

    const run = async (query: string, variables: Record<string, unknown>, done?: (result: any) => void) => {
        try {
            const result = await graphqlRequest<any>(query, variables);
            done?.(result);
            await load();
        } catch (error) {
            notify((error as Error).message, { type: 'error' });
        }
    };
    if (!meeting || !data) return null;
    const roomName = (id: string | null) => (id ? data.breakoutRooms.find(r => r.id === id)?.name ?? '' : translate('app.rooms.meeting_link'));

    return (
        <Stack spacing={3} sx={{ py: 2 }}>
            <Box>
                <Typography variant="h6" component="h2">{translate('app.rooms.rooms')}</Typography>
                <Typography variant="body2">{translate('app.rooms.rule')}</Typography>
                <Stack direction="row" spacing={1} sx={{ my: 1 }}>
                    <Button variant="outlined" onClick={() => run('mutation($m: ID!) { setUpBreakoutRooms(meetingId: $m) { id } }', { m: meeting.id })}>
                        {translate('app.rooms.set_up')}
                    </Button>
                    <Button
                        variant="contained"
                        onClick={() =>
                            run('mutation($m: ID!) { sendJoinLinks(meetingId: $m) { sent forSecretary } }', { m: meeting.id }, r =>
                                notify('app.rooms.sent', { type: 'success', messageArgs: r.sendJoinLinks }),
                            )
                        }
                    >
                        {translate('app.rooms.send_now')}
                    </Button>
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
                <Typography variant="h6" component="h2">{translate('app.rooms.windows')}</Typography>
                <ul>
                    {data.breakoutWindows.map(w => (
                        <li key={w.opensAt}>{time(w.opensAt)} – {time(w.closesAt)}</li>
                    ))}
                </ul>
                <Typography variant="subtitle1" component="h3">{translate('app.rooms.recesses')}</Typography>
                <Typography variant="body2">{translate('app.rooms.recess_help')}</Typography>
                <ul>
                    {data.recesses.map(r => (
                        <li key={r.startedAt}>{time(r.startedAt)} – {r.endedAt ? time(r.endedAt) : translate('app.rooms.ongoing')}</li>
                    ))}
                </ul>
            </Box>
            {data.membersWithoutEmail.length > 0 && (
                <Alert severity="info">
                    <strong>{translate('app.rooms.without_email')}</strong>{' '}
                    {data.membersWithoutEmail.map(m => m.name + (m.phone ? ` (${m.phone})` : '')).join(', ')}
                </Alert>
            )}
            <div role="status" aria-live="polite">
                {handOver && (
                    <Alert severity="warning" onClose={() => setHandOver(null)}>
                        {translate('app.rooms.hand_over', { name: handOver.name })} <code>{handOver.url}</code>
                    </Alert>
                )}
            </div>
            <Box>
                <Typography variant="h6" component="h2">{translate('app.rooms.links')}</Typography>
                <Table size="small" aria-label={translate('app.rooms.links')}>
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('app.rooms.member')}</TableCell>
                            <TableCell>{translate('app.rooms.room')}</TableCell>
                            <TableCell>{translate('app.rooms.delivery')}</TableCell>
                            <TableCell>{translate('app.rooms.used')}</TableCell>
                            <TableCell>{translate('app.rooms.actions')}</TableCell>
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {data.joinLinks.map(l => (
                            <TableRow key={l.id}>
                                <TableCell>{l.member.name}</TableCell>
                                <TableCell>{roomName(l.roomId)}</TableCell>
                                <TableCell>
                                    {l.revokedAt
                                        ? translate('app.rooms.revoked', { at: time(l.revokedAt) })
                                        : l.deliveryError
                                          ? translate('app.rooms.failed')
                                          : l.deliveryChannel
                                            ? `${translate(`app.rooms.channel.${l.deliveryChannel}`)} ${time(l.deliveredAt)}`
                                            : translate('app.rooms.not_sent')}
                                </TableCell>
                                <TableCell>{l.firstUsedAt ? `${time(l.firstUsedAt)} (${l.useCount})` : '–'}</TableCell>
                                <TableCell>
                                    <Button
                                        size="small"
                                        aria-label={`${translate('app.rooms.resend')}: ${l.member.name}`}
                                        onClick={() =>
                                            run('mutation($id: ID!) { resendJoinLink(id: $id) { url } }', { id: l.id }, r => {
                                                if (r.resendJoinLink.url) setHandOver({ name: l.member.name, url: r.resendJoinLink.url });
                                                else notify('app.rooms.resent', { type: 'success' });
                                            })
                                        }
                                    >
                                        {translate('app.rooms.resend')}
                                    </Button>
                                    {!l.revokedAt && (
                                        <Button
                                            size="small"
                                            color="error"
                                            aria-label={`${translate('app.rooms.revoke')}: ${l.member.name}`}
                                            onClick={() => run('mutation($id: ID!) { revokeJoinLink(id: $id) { id } }', { id: l.id })}
                                        >
                                            {translate('app.rooms.revoke')}
                                        </Button>
                                    )}
                                </TableCell>
                            </TableRow>
                        ))}
                    </TableBody>
                </Table>
            </Box>
        </Stack>
    );
};
