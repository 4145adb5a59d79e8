import {
    Alert,
    Box,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogContentText,
    DialogTitle,
    MenuItem,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TablePagination,
    TableRow,
    TableSortLabel,
    TextField,
    Typography,
} from '@mui/material';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { graphql } from '../gql';
import type { RunDocument } from '../graphql';
import { intlLocale } from '../i18n';
import {
    compareLinks,
    deliveryState,
    filterLinks,
    linkActions,
    replacesOldLink,
    type DeliveryState,
    type LinkAction,
    type SortKey,
} from './joinLinkActions';
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

const STATES: (DeliveryState | 'all')[] = ['all', 'not_sent', 'sent', 'failed', 'revoked'];

export const useStockholmTime = () => {
    const [locale] = useLocaleState();
    return (iso: string | null) =>
        iso
            ? new Intl.DateTimeFormat(intlLocale(locale), {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                  timeZone: MUNICIPAL_TIME_ZONE,
              }).format(new Date(iso))
            : '–';
};

/**
 * Invited members' personal links — delivered how, used or not — sorted, filtered and paged,
 * with the one delivery action each link allows and revoke, every one confirmed first.
 * A member without e-mail gets a hand-over view in the row itself (copy, print); the link is
 * kept while the page is open, so showing it again does not replace it.
 * `run` performs a mutation and reloads; `place` names what a link leads to, when there is a choice;
 * `live` is false once the meeting is over or before it is convened (then nothing is offered).
 */
export const JoinLinksTable = ({
    links,
    membersWithoutEmail,
    place,
    run,
    live = true,
    emptyText = 'secretary.links.empty_none',
}: {
    links: JoinLinkRow[];
    membersWithoutEmail: { id: string; name: string; phone: string | null }[];
    place?: (link: JoinLinkRow) => string;
    run: RunDocument;
    live?: boolean;
    emptyText?: string;
}) => {
    const translate = useTranslate();
    const notify = useNotify();
    const time = useStockholmTime();
    const [query, setQuery] = useState('');
    const [state, setState] = useState<DeliveryState | 'all'>('all');
    const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'member', desc: false });
    const [page, setPage] = useState(0);
    const [perPage, setPerPage] = useState(25);
    const [confirm, setConfirm] = useState<{ link: JoinLinkRow; action: LinkAction } | null>(null);
    // Hand-over links obtained while this page is open, by link id: shown again without a new token.
    const [handOvers, setHandOvers] = useState<Record<string, string>>({});
    const [shown, setShown] = useState<string | null>(null);

    const rows = useMemo(() => {
        const sorted = [...filterLinks(links, query, state)].sort(compareLinks(sort.key, place as never));
        return sort.desc ? sorted.reverse() : sorted;
    }, [links, query, state, sort, place]);
    const pageRows = rows.slice(page * perPage, page * perPage + perPage);
    useEffect(() => setPage(0), [query, state]);

    const phone = new Map(membersWithoutEmail.map(m => [m.name, m.phone]));
    const columns = place ? 5 : 4;

    const act = (link: JoinLinkRow, action: LinkAction) => {
        if (action === 'hand_over' && handOvers[link.id]) return setShown(link.id);
        setConfirm({ link, action });
    };
    const perform = async () => {
        if (!confirm) return;
        const { link, action } = confirm;
        setConfirm(null);
        if (action === 'revoke') return run(RevokeDocument, { id: link.id });
        await run(ResendDocument, { id: link.id }, r => {
            if (r.resendJoinLink.url) {
                setHandOvers(h => ({ ...h, [link.id]: r.resendJoinLink.url! }));
                setShown(link.id);
            } else notify('secretary.links.sent', { type: 'success' });
        });
    };

    const header = (key: SortKey, label: string) => (
        <TableCell sortDirection={sort.key === key ? (sort.desc ? 'desc' : 'asc') : false}>
            <TableSortLabel
                active={sort.key === key}
                direction={sort.key === key && sort.desc ? 'desc' : 'asc'}
                onClick={() => setSort(s => ({ key, desc: s.key === key ? !s.desc : false }))}
            >
                {label}
            </TableSortLabel>
        </TableCell>
    );

    const confirmText = (c: { link: JoinLinkRow; action: LinkAction }) => {
        const name = c.link.member.name;
        switch (c.action) {
            case 'send':
                return { title: translate('secretary.links.send_confirm_title', { name }), body: null };
            case 'resend':
                return {
                    title: translate('secretary.links.resend_confirm_title', { name }),
                    body: translate('secretary.links.resend_warning'),
                };
            case 'hand_over':
                return {
                    title: translate('secretary.links.hand_over_confirm_title', { name }),
                    body: replacesOldLink(c.link) ? translate('secretary.links.hand_over_warning') : null,
                };
            case 'revoke':
                return {
                    title: translate('secretary.links.revoke_confirm_title', { name }),
                    body: translate('secretary.links.revoke_warning'),
                };
        }
    };

    return (
        <Box component="section" aria-labelledby="join-links-heading" data-testid="join-links">
            <Typography variant="h6" component="h2" id="join-links-heading">
                {translate('secretary.links.heading')}
            </Typography>
            {links.length === 0 ? (
                <Typography variant="body2" data-testid="join-links-empty">
                    {translate(emptyText)}
                </Typography>
            ) : (
                <>
                    <Stack direction="row" spacing={2} sx={{ my: 1 }}>
                        <TextField
                            size="small"
                            label={translate('secretary.links.filter')}
                            value={query}
                            onChange={e => setQuery(e.target.value)}
                        />
                        <TextField
                            size="small"
                            select
                            label={translate('secretary.links.filter_state')}
                            value={state}
                            onChange={e => setState(e.target.value as DeliveryState | 'all')}
                            sx={{ minWidth: 180 }}
                        >
                            {STATES.map(s => (
                                <MenuItem key={s} value={s}>
                                    {translate(`secretary.links.state.${s}`)}
                                </MenuItem>
                            ))}
                        </TextField>
                    </Stack>
                    <Table size="small" aria-labelledby="join-links-heading">
                        <TableHead>
                            <TableRow>
                                {header('member', translate('app.rooms.member'))}
                                {place && header('place', translate('app.rooms.room'))}
                                {header('delivery', translate('app.rooms.delivery'))}
                                {header('used', translate('app.rooms.used'))}
                                <TableCell>{translate('app.rooms.actions')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {pageRows.length === 0 && (
                                <TableRow>
                                    <TableCell colSpan={columns}>
                                        {translate('secretary.links.empty_filtered')}
                                    </TableCell>
                                </TableRow>
                            )}
                            {pageRows.map(l => (
                                <LinkRows
                                    key={l.id}
                                    link={l}
                                    place={place?.(l)}
                                    columns={columns}
                                    time={time}
                                    actions={linkActions(l, live)}
                                    phone={phone.get(l.member.name) ?? null}
                                    handOver={shown === l.id ? (handOvers[l.id] ?? null) : null}
                                    onAct={action => act(l, action)}
                                    onCloseHandOver={() => setShown(null)}
                                />
                            ))}
                        </TableBody>
                    </Table>
                    <TablePagination
                        component="div"
                        count={rows.length}
                        page={Math.min(page, Math.max(0, Math.ceil(rows.length / perPage) - 1))}
                        onPageChange={(_e, p) => setPage(p)}
                        rowsPerPage={perPage}
                        onRowsPerPageChange={e => {
                            setPerPage(Number(e.target.value));
                            setPage(0);
                        }}
                        rowsPerPageOptions={[10, 25, 50, 100]}
                        labelRowsPerPage={translate('secretary.links.rows_per_page')}
                        labelDisplayedRows={({ from, to, count }) =>
                            translate('secretary.links.displayed_rows', { from, to, count })
                        }
                    />
                </>
            )}
            <Dialog open={confirm !== null} onClose={() => setConfirm(null)} aria-labelledby="link-confirm-title">
                {confirm && (
                    <>
                        <DialogTitle id="link-confirm-title">{confirmText(confirm).title}</DialogTitle>
                        {confirmText(confirm).body && (
                            <DialogContent>
                                <DialogContentText>{confirmText(confirm).body}</DialogContentText>
                            </DialogContent>
                        )}
                        <DialogActions>
                            <Button onClick={() => setConfirm(null)}>{translate('ra.action.cancel')}</Button>
                            <Button
                                variant="contained"
                                color={confirm.action === 'revoke' ? 'error' : 'primary'}
                                onClick={perform}
                                autoFocus
                            >
                                {translate(`secretary.links.${confirm.action}`)}
                            </Button>
                        </DialogActions>
                    </>
                )}
            </Dialog>
        </Box>
    );
};

const LinkRows = ({
    link,
    place,
    columns,
    time,
    actions,
    phone,
    handOver,
    onAct,
    onCloseHandOver,
}: {
    link: JoinLinkRow;
    place: string | undefined;
    columns: number;
    time: (iso: string | null) => string;
    actions: LinkAction[];
    phone: string | null;
    handOver: string | null;
    onAct: (action: LinkAction) => void;
    onCloseHandOver: () => void;
}) => {
    const translate = useTranslate();
    const state = deliveryState(link);
    return (
        <>
            <TableRow data-testid="join-link-row">
                <TableCell>
                    {link.member.name}
                    {!link.member.email && (
                        <Typography variant="caption" component="div">
                            {translate('secretary.links.without_email')}
                            {phone ? ` · ${phone}` : ''}
                        </Typography>
                    )}
                </TableCell>
                {place !== undefined && <TableCell>{place}</TableCell>}
                <TableCell>
                    {state === 'revoked'
                        ? translate('app.rooms.revoked', { at: time(link.revokedAt) })
                        : state === 'failed'
                          ? translate('app.rooms.failed')
                          : link.deliveryChannel
                            ? `${translate(`app.rooms.channel.${link.deliveryChannel}`)} ${time(link.deliveredAt)}`
                            : translate('app.rooms.not_sent')}
                </TableCell>
                <TableCell>{link.firstUsedAt ? `${time(link.firstUsedAt)} (${link.useCount})` : '–'}</TableCell>
                <TableCell>
                    {actions.map(action => (
                        <Button
                            key={action}
                            size="small"
                            color={action === 'revoke' ? 'error' : 'primary'}
                            aria-label={`${translate(`secretary.links.${action}`)}: ${link.member.name}`}
                            onClick={() => onAct(action)}
                        >
                            {translate(`secretary.links.${action}`)}
                        </Button>
                    ))}
                </TableCell>
            </TableRow>
            {handOver && (
                <TableRow>
                    <TableCell colSpan={columns}>
                        <HandOver name={link.member.name} phone={phone} url={handOver} onClose={onCloseHandOver} />
                    </TableCell>
                </TableRow>
            )}
        </>
    );
};

/** The link to hand over, right where the secretary asked for it: copy it, print it, close it. */
const HandOver = ({
    name,
    phone,
    url,
    onClose,
}: {
    name: string;
    phone: string | null;
    url: string;
    onClose: () => void;
}) => {
    const translate = useTranslate();
    const notify = useNotify();
    const ref = useRef<HTMLDivElement>(null);
    useEffect(() => {
        ref.current?.scrollIntoView?.({ block: 'nearest' });
        ref.current?.focus();
    }, [url]);
    const print = () => {
        const w = window.open('', '_blank', 'width=600,height=400');
        if (!w) return window.print();
        const p = w.document.createElement('p');
        p.textContent = `${name}${phone ? ` (${phone})` : ''}: ${url}`;
        w.document.body.appendChild(p);
        w.print();
    };
    return (
        <Alert
            severity="info"
            ref={ref}
            tabIndex={-1}
            role="region"
            aria-label={translate('secretary.links.handover_heading', { name })}
            data-testid="hand-over"
        >
            <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
                {translate('secretary.links.handover_heading', { name })}
            </Typography>
            <Typography variant="body2">{translate('secretary.links.handover_help')}</Typography>
            <TextField
                value={url}
                size="small"
                fullWidth
                label={translate('secretary.links.handover_heading', { name })}
                slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'hand-over-url' } }}
                onFocus={e => e.target.select()}
                sx={{ my: 1 }}
            />
            <Stack direction="row" spacing={1}>
                <Button
                    size="small"
                    variant="outlined"
                    onClick={() =>
                        navigator.clipboard?.writeText(url).then(
                            () => notify('secretary.links.copied'),
                            () => undefined,
                        )
                    }
                >
                    {translate('secretary.links.copy')}
                </Button>
                <Button size="small" variant="outlined" onClick={print}>
                    {translate('secretary.links.print')}
                </Button>
                <Button size="small" onClick={onClose}>
                    {translate('secretary.links.close')}
                </Button>
            </Stack>
        </Alert>
    );
};

/**
 * "Send links now", confirmed with what will happen: how many links go out by e-mail and how
 * many the secretary hands over.
 */
export const SendAllLinksButton = ({
    links,
    membersWithoutEmail,
    disabled,
    onConfirm,
}: {
    links: JoinLinkRow[];
    membersWithoutEmail: { id: string }[];
    disabled?: boolean;
    onConfirm: () => void;
}) => {
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const unsent = links.filter(l => deliveryState(l) === 'not_sent').length;
    return (
        <>
            <Button variant="contained" disabled={disabled} onClick={() => setOpen(true)}>
                {translate('secretary.links.send_all')}
            </Button>
            <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="send-all-title">
                <DialogTitle id="send-all-title">{translate('secretary.links.send_all_title')}</DialogTitle>
                <DialogContent>
                    <DialogContentText>
                        {unsent === 0
                            ? translate('secretary.links.send_all_none')
                            : translate('secretary.links.send_all_body', {
                                  smart_count: unsent,
                                  withoutEmail: membersWithoutEmail.length,
                              })}
                    </DialogContentText>
                </DialogContent>
                <DialogActions>
                    <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
                    <Button
                        variant="contained"
                        autoFocus
                        disabled={unsent === 0}
                        onClick={() => {
                            setOpen(false);
                            onConfirm();
                        }}
                    >
                        {translate('secretary.links.send_all')}
                    </Button>
                </DialogActions>
            </Dialog>
        </>
    );
};
