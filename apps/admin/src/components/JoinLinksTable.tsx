import { Alert, Box, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { graphql } from '../gql';
import type { RunDocument } from '../graphql';
import { intlLocale } from '../i18n';
import { MUNICIPAL_TIME_ZONE } from '@motesplats/rules/stockholm-time';

export interface JoinLinkRow {
    id: string;
    roomId?: string | null;
    member: { name: string; email: string | null };
    deliveryChannel: 'EMAIL' | 'SECRETARY' | null;
    deliveredAt: string | null;
    deliveryError: string | null;
    firstUsedAt: string | null;
    useCount: number;
    revokedAt: string | null;
}

// The selection the table needs, spread (`...JoinLinkRowFields`) into the query of whatever the links lead to.
graphql(`
    fragment JoinLinkRowFields on JoinLink {
        id
        member {
            name
            email
        }
        deliveryChannel
        deliveredAt
        deliveryError
        firstUsedAt
        useCount
        revokedAt
    }
`);

const ResendDocument = graphql(`
    mutation ResendJoinLink($id: ID!) {
        resendJoinLink(id: $id) {
            url
        }
    }
`);
const RevokeDocument = graphql(`
    mutation RevokeJoinLink($id: ID!) {
        revokeJoinLink(id: $id) {
            id
        }
    }
`);

/**
 * Invited members' personal links — delivered how, used or not — with resend and revoke, and
 * who has no e-mail (the secretary hands their link over; a resend shows it once).
 * `run` performs a mutation and reloads; `place` names what a link leads to, when there is a choice.
 */
export const JoinLinksTable = ({
    links,
    membersWithoutEmail,
    place,
    run,
}: {
    links: JoinLinkRow[];
    membersWithoutEmail: { id: string; name: string; phone: string | null }[];
    place?: (link: JoinLinkRow) => string;
    run: RunDocument;
}) => {
    const translate = useTranslate();
    const notify = useNotify();
    const [locale] = useLocaleState();
    const [handOver, setHandOver] = useState<{ name: string; url: string } | null>(null);
    const time = (iso: string | null) =>
        iso
            ? new Intl.DateTimeFormat(intlLocale(locale), {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                  timeZone: MUNICIPAL_TIME_ZONE,
              }).format(new Date(iso))
            : '–';
    return (
        <>
            {membersWithoutEmail.length > 0 && (
                <Alert severity="info">
                    <strong>{translate('app.rooms.without_email')}</strong>{' '}
                    {membersWithoutEmail.map(m => m.name + (m.phone ? ` (${m.phone})` : '')).join(', ')}
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
                <Typography variant="h6" component="h2">
                    {translate('app.rooms.links')}
                </Typography>
                <Table size="small" aria-label={translate('app.rooms.links')}>
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('app.rooms.member')}</TableCell>
                            {place && <TableCell>{translate('app.rooms.room')}</TableCell>}
                            <TableCell>{translate('app.rooms.delivery')}</TableCell>
                            <TableCell>{translate('app.rooms.used')}</TableCell>
                            <TableCell>{translate('app.rooms.actions')}</TableCell>
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {links.map(l => (
                            <TableRow key={l.id}>
                                <TableCell>{l.member.name}</TableCell>
                                {place && <TableCell>{place(l)}</TableCell>}
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
                                            run(ResendDocument, { id: l.id }, r => {
                                                if (r.resendJoinLink.url)
                                                    setHandOver({ name: l.member.name, url: r.resendJoinLink.url });
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
                                            onClick={() => run(RevokeDocument, { id: l.id })}
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
        </>
    );
};
