import {
    Alert,
    Box,
    Card,
    CardContent,
    Chip,
    Link,
    List,
    ListItem,
    ListItemText,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { Title, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import { Link as RouterLink, Navigate } from 'react-router-dom';
import { useStockholmTime } from '../../components/JoinLinksTable';
import { graphql } from '../../gql';
import { graphqlRequest } from '../../graphql';
import { MyShifts } from '../support/MyShifts';
import { meetingTodos, membersToReach, trainingByMeeting, type StartMeeting } from './startPage';

const WITHIN_DAYS = 60;
/** Names shown per meeting before "and N more": the rest are on the meeting's compliance tab. */
const SHOWN = 8;

const StartDocument = graphql(`
    query SecretaryStart($from: DateTime!, $to: DateTime!, $withinDays: Int!) {
        meetings(
            filter: { startsAfter: $from, startsBefore: $to }
            sortField: "startsAt"
            sortOrder: ASC
            perPage: 50
        ) {
            items {
                id
                title
                startsAt
                status
                body {
                    name
                }
                compliance {
                    findings {
                        severity
                    }
                }
                breakoutRooms {
                    id
                }
                joinLinks {
                    deliveredAt
                    deliveryError
                    revokedAt
                }
                membersWithoutEmail {
                    id
                    name
                    phone
                }
            }
        }
        meetingTrainingGaps(withinDays: $withinDays) {
            meeting {
                id
                title
                startsAt
            }
            blocked {
                memberId
                member {
                    name
                }
                missingModuleKeys
            }
        }
        supportGaps(window: { from: $from, to: $to }) {
            meetingId
            missing
        }
    }
`);

type StartData = {
    meetings: StartMeeting[];
    training: ReturnType<typeof trainingByMeeting>;
    gaps: { meetingId: string; missing: number }[];
};

/** The start page follows the role: coordinators go to the region, support staff see their shifts. */
export const StartPage = () => {
    const { identity, isPending } = useGetIdentity();
    const translate = useTranslate();
    if (isPending || !identity) return null;
    const roles = (identity.roles as string[] | undefined) ?? [];
    if (!identity.municipality) return <Navigate to="/region" replace />;
    const plans = roles.includes('secretary') || roles.includes('tenant-admin');
    return (
        <Box sx={{ mt: 2, display: 'grid', gap: 2 }}>
            <Title title={translate('secretary.start.title')} />
            <Typography component="h1" variant="h5">
                {translate('secretary.start.title')}
            </Typography>
            {plans && <SecretaryStart admin={roles.includes('tenant-admin')} />}
            {roles.includes('support') && <SupportStart />}
        </Box>
    );
};

const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
    <Card component="section" aria-labelledby={id}>
        <CardContent>
            <Typography id={id} component="h2" variant="h6" sx={{ mb: 1 }}>
                {title}
            </Typography>
            {children}
        </CardContent>
    </Card>
);

const SupportStart = () => {
    const translate = useTranslate();
    const notify = useNotify();
    const [version, setVersion] = useState(0);
    return (
        <Section id="start-shifts" title={translate('secretary.start.support_title')}>
            <Typography variant="body2" sx={{ mb: 1 }}>
                {translate('secretary.start.support_intro')}{' '}
                <Link component={RouterLink} to="/support">
                    {translate('secretary.start.support_link')}
                </Link>
            </Typography>
            <MyShifts
                version={version}
                run={async (action, success) => {
                    try {
                        await action();
                        if (success) notify(success, { type: 'success' });
                        setVersion(v => v + 1);
                        return true;
                    } catch (e) {
                        notify((e as Error).message, { type: 'error' });
                        return false;
                    }
                }}
            />
        </Section>
    );
};

const SecretaryStart = ({ admin }: { admin: boolean }) => {
    const translate = useTranslate();
    const time = useStockholmTime();
    const [data, setData] = useState<StartData | null>(null);
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
        const from = new Date();
        const to = new Date(from.getTime() + WITHIN_DAYS * 24 * 3600_000);
        graphqlRequest(StartDocument, { from: from.toISOString(), to: to.toISOString(), withinDays: WITHIN_DAYS }).then(
            r =>
                setData({
                    meetings: r.meetings.items satisfies StartMeeting[],
                    training: trainingByMeeting(r.meetingTrainingGaps),
                    gaps: r.supportGaps,
                }),
            e => setError((e as Error).message),
        );
    }, []);
    if (error) return <Alert severity="error">{error}</Alert>;
    if (!data) return null;
    const todos = meetingTodos(data.meetings, data.gaps);
    const reach = membersToReach(data.meetings);
    const status = (s: string) => translate(`resources.meetings.status.${s}`);
    return (
        <>
            <Typography variant="body1">
                {translate('secretary.start.secretary_intro')}
                {admin && ` ${translate('secretary.start.admin_intro')}`}
            </Typography>
            <Section id="start-meetings" title={translate('secretary.start.coming')}>
                {todos.length === 0 ? (
                    <Typography variant="body2">{translate('secretary.start.none_coming')}</Typography>
                ) : (
                    <Table size="small" aria-labelledby="start-meetings" data-testid="start-meetings">
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('resources.meetings.fields.title')}</TableCell>
                                <TableCell>{translate('resources.meetings.fields.startsAt')}</TableCell>
                                <TableCell>{translate('resources.meetings.fields.status')}</TableCell>
                                <TableCell>{translate('app.rooms.actions')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {todos.map(m => (
                                <TableRow key={m.id}>
                                    <TableCell>
                                        <Link component={RouterLink} to={`/meetings/${m.id}/show`}>
                                            {m.title}
                                        </Link>
                                        <Typography variant="caption" component="div">
                                            {m.body}
                                        </Typography>
                                    </TableCell>
                                    <TableCell>{time(m.startsAt)}</TableCell>
                                    <TableCell>{status(m.status)}</TableCell>
                                    <TableCell>
                                        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                                            <Todo
                                                to={`/meetings/${m.id}/show/compliance`}
                                                bad={m.blockers > 0}
                                                label={
                                                    m.blockers > 0
                                                        ? translate('secretary.start.blockers', {
                                                              smart_count: m.blockers,
                                                          })
                                                        : translate('secretary.start.no_blockers')
                                                }
                                            />
                                            {m.status !== 'PLANNED' && (
                                                <Todo
                                                    to={`/meetings/${m.id}/show/rooms`}
                                                    bad={m.rooms === 0}
                                                    label={
                                                        m.rooms > 0
                                                            ? translate('secretary.start.rooms', {
                                                                  smart_count: m.rooms,
                                                              })
                                                            : translate('secretary.start.no_rooms')
                                                    }
                                                />
                                            )}
                                            {m.linksNotDelivered > 0 && (
                                                <Todo
                                                    to={`/meetings/${m.id}/show/rooms`}
                                                    bad
                                                    label={translate('secretary.start.links_not_delivered', {
                                                        smart_count: m.linksNotDelivered,
                                                    })}
                                                />
                                            )}
                                            {m.supportGaps > 0 && (
                                                <Todo
                                                    to="/support"
                                                    bad
                                                    label={translate('secretary.start.support_gaps', {
                                                        smart_count: m.supportGaps,
                                                    })}
                                                />
                                            )}
                                        </Stack>
                                    </TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                )}
            </Section>
            <Section id="start-training" title={translate('secretary.start.training')}>
                {data.training.length === 0 ? (
                    <Typography variant="body2">{translate('secretary.start.training_none')}</Typography>
                ) : (
                    <List dense data-testid="start-training">
                        {data.training.map(t => (
                            <ListItem key={t.meetingId} disableGutters>
                                <ListItemText
                                    primary={
                                        <>
                                            <Link
                                                component={RouterLink}
                                                to={`/meetings/${t.meetingId}/show/compliance`}
                                            >
                                                {`${t.meeting} ${time(t.startsAt)}`}
                                            </Link>
                                            {': '}
                                            {translate('secretary.start.training_count', {
                                                smart_count: t.members.length,
                                            })}
                                        </>
                                    }
                                    secondary={
                                        <>
                                            {t.members.slice(0, SHOWN).map((m, i) => (
                                                <span key={m.id}>
                                                    {i > 0 && ', '}
                                                    <Link
                                                        component={RouterLink}
                                                        to={`/members/${m.id}`}
                                                        aria-label={`${translate('secretary.compliance.fix.training')}: ${m.name}`}
                                                    >
                                                        {m.name}
                                                    </Link>
                                                </span>
                                            ))}
                                            {t.members.length > SHOWN &&
                                                ` ${translate('secretary.start.and_more', {
                                                    smart_count: t.members.length - SHOWN,
                                                })}`}
                                        </>
                                    }
                                />
                            </ListItem>
                        ))}
                    </List>
                )}
            </Section>
            <Section id="start-reach" title={translate('secretary.start.no_email')}>
                {reach.length === 0 ? (
                    <Typography variant="body2">{translate('secretary.start.no_email_none')}</Typography>
                ) : (
                    <List dense data-testid="start-reach">
                        {reach.map(r => (
                            <ListItem key={r.id} disableGutters>
                                <ListItemText
                                    primary={
                                        <>
                                            {r.name} ({r.phone ?? translate('secretary.start.no_phone')}) –{' '}
                                            <Link component={RouterLink} to={`/meetings/${r.meetingId}/show/rooms`}>
                                                {r.meeting}
                                            </Link>
                                        </>
                                    }
                                />
                            </ListItem>
                        ))}
                    </List>
                )}
            </Section>
        </>
    );
};

/** One thing to do about a meeting, as a link to where it is done. */
const Todo = ({ to, label, bad }: { to: string; label: string; bad: boolean }) => (
    <Chip
        component={RouterLink}
        to={to}
        clickable
        size="small"
        color={bad ? 'warning' : 'success'}
        variant={bad ? 'filled' : 'outlined'}
        label={label}
    />
);
