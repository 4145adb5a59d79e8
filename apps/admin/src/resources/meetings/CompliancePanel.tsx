import { useEffect, useState } from 'react';
import {
    Alert,
    Box,
    Chip,
    List,
    ListItem,
    ListItemText,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Tooltip,
    Typography,
} from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { graphql } from '../../gql';
import { graphqlRequest } from '../../graphql';

interface Text {
    sv: string;
    en: string;
}
interface Evaluation {
    compliant: boolean;
    meetingDate: string | null;
    ruleSet: { source: string; version: number | null; decisionReference: string | null };
    findings: {
        code: string;
        severity: string;
        message: Text;
        basis: { reference: string };
        memberId: string | null;
        itemId: string | null;
    }[];
    remoteEligibility: {
        memberId: string;
        itemId: string;
        mayTakePartRemotely: boolean;
        reasons: { code: string; message: Text }[];
    }[];
    quorum: { itemId: string; required: number | null; counted: number; countedRemote: number; hasQuorum: boolean }[];
    remoteParticipants: { planned: number; cap: number | null };
    members: { id: string; name: string; role: string; mode: string; voting: boolean }[];
    items: { id: string; number: number; title: string }[];
}

const ComplianceDocument = graphql(`
    query Compliance($m: ID!) {
        evaluateMeeting(meetingId: $m) {
            compliant
            meetingDate
            ruleSet {
                source
                version
                decisionReference
            }
            findings {
                code
                severity
                message {
                    sv
                    en
                }
                basis {
                    reference
                }
                memberId
                itemId
            }
            remoteEligibility {
                memberId
                itemId
                mayTakePartRemotely
                reasons {
                    code
                    message {
                        sv
                        en
                    }
                }
            }
            quorum {
                itemId
                required
                counted
                countedRemote
                hasQuorum
            }
            remoteParticipants {
                planned
                cap
            }
            members {
                id
                name
                role
                mode
                voting
            }
            items {
                id
                number
                title
            }
        }
    }
`);

/**
 * The meeting judged by the rules in force on its date: findings (blockers first) and, for
 * the members planned remote or voting, a member × item matrix of who may take part remotely.
 */
export const CompliancePanel = () => {
    const meeting = useRecordContext();
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const [evaluation, setEvaluation] = useState<Evaluation | null>(null);
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
        if (!meeting) return;
        graphqlRequest(ComplianceDocument, { m: String(meeting.id) }).then(
            r => setEvaluation(r.evaluateMeeting satisfies Evaluation),
            e => setError((e as Error).message),
        );
    }, [meeting]);
    if (error) return <Alert severity="error">{error}</Alert>;
    if (!evaluation) return null;
    const text = (t: Text) => (locale === 'en' ? t.en : t.sv);
    const name = new Map(evaluation.members.map(m => [m.id, m.name]));
    const itemLabel = new Map(evaluation.items.map(i => [i.id, `${i.number}. ${i.title}`]));
    const cell = new Map(evaluation.remoteEligibility.map(e => [`${e.memberId}:${e.itemId}`, e]));
    const quorum = new Map(evaluation.quorum.map(q => [q.itemId, q]));
    // Everyone voting or planned remote; absent deputies say nothing about the meeting.
    const rows = evaluation.members.filter(m => m.mode === 'remote' || m.voting);
    return (
        <Box sx={{ display: 'grid', gap: 2 }}>
            <Alert severity={evaluation.compliant ? 'success' : 'error'}>
                {translate(evaluation.compliant ? 'app.compliance.compliant' : 'app.compliance.not_compliant')}{' '}
                {evaluation.ruleSet.source === 'municipal'
                    ? translate('app.compliance.rule_set', {
                          version: evaluation.ruleSet.version,
                          decision: evaluation.ruleSet.decisionReference,
                      })
                    : translate('app.compliance.law_baseline')}{' '}
                {translate('app.compliance.remote_count', {
                    planned: evaluation.remoteParticipants.planned,
                    cap: evaluation.remoteParticipants.cap ?? '–',
                })}
            </Alert>
            <Box component="section" aria-labelledby="findings-heading">
                <Typography id="findings-heading" component="h2" variant="h6">
                    {translate('app.compliance.findings')}
                </Typography>
                {evaluation.findings.length === 0 ? (
                    <Typography variant="body2">{translate('app.compliance.no_findings')}</Typography>
                ) : (
                    <List dense>
                        {evaluation.findings.map((f, i) => (
                            <ListItem key={i} disableGutters>
                                <Chip
                                    size="small"
                                    color={f.severity === 'blocker' ? 'error' : 'warning'}
                                    label={translate(`app.compliance.severity_${f.severity}`)}
                                    sx={{ mr: 1, minWidth: 72 }}
                                />
                                <ListItemText
                                    primary={`${text(f.message)}${f.memberId ? ` – ${name.get(f.memberId) ?? ''}` : ''}${f.itemId ? ` – ${itemLabel.get(f.itemId) ?? ''}` : ''}`}
                                    secondary={
                                        <>
                                            <span data-code="">{f.code}</span> ·{' '}
                                            {translate('app.rules.basis', { basis: f.basis.reference })}
                                        </>
                                    }
                                />
                            </ListItem>
                        ))}
                    </List>
                )}
            </Box>
            <Box component="section" aria-labelledby="matrix-heading" sx={{ overflowX: 'auto' }}>
                <Typography id="matrix-heading" component="h2" variant="h6">
                    {translate('app.compliance.matrix')}
                </Typography>
                <Typography variant="body2" sx={{ mb: 1 }}>
                    {translate('app.compliance.matrix_help')}
                </Typography>
                <Table size="small" aria-labelledby="matrix-heading" data-testid="compliance-matrix">
                    <TableHead>
                        <TableRow>
                            <TableCell component="th" scope="col">
                                {translate('resources.attendances.fields.memberId')}
                            </TableCell>
                            <TableCell component="th" scope="col">
                                {translate('resources.attendances.fields.mode')}
                            </TableCell>
                            {evaluation.items.map(item => (
                                <TableCell key={item.id} component="th" scope="col" title={item.title}>
                                    {item.number}
                                </TableCell>
                            ))}
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {rows.map(member => (
                            <TableRow key={member.id}>
                                <TableCell component="th" scope="row">
                                    {member.name}
                                </TableCell>
                                <TableCell>
                                    {translate(`resources.attendances.mode.${member.mode.toUpperCase()}`)}
                                </TableCell>
                                {evaluation.items.map(item => {
                                    const e = cell.get(`${member.id}:${item.id}`);
                                    const reasons = e?.reasons.map(r => text(r.message)).join(' ') ?? '';
                                    return (
                                        <TableCell key={item.id}>
                                            <Tooltip title={reasons}>
                                                <span
                                                    aria-label={`${e?.mayTakePartRemotely ? translate('ra.boolean.true') : translate('ra.boolean.false')}: ${reasons}`}
                                                >
                                                    {e?.mayTakePartRemotely ? '✓' : '✗'}
                                                </span>
                                            </Tooltip>
                                        </TableCell>
                                    );
                                })}
                            </TableRow>
                        ))}
                        <TableRow>
                            <TableCell component="th" scope="row" colSpan={2}>
                                {translate('app.compliance.quorum')}
                            </TableCell>
                            {evaluation.items.map(item => {
                                const q = quorum.get(item.id);
                                return (
                                    <TableCell
                                        key={item.id}
                                        sx={{
                                            color: q?.hasQuorum ? undefined : 'error.main',
                                            fontWeight: q?.hasQuorum ? undefined : 700,
                                        }}
                                    >
                                        {q ? `${q.counted}/${q.required ?? '–'}` : '–'}
                                    </TableCell>
                                );
                            })}
                        </TableRow>
                    </TableBody>
                </Table>
            </Box>
        </Box>
    );
};
