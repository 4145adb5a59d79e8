import { useEffect, useState } from 'react';
import { Alert, Box, List, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { graphql } from '../../gql';
import { graphqlRequest } from '../../graphql';
import { AdviceItem } from './AdviceItem';
import { capSummary, groupFindings, phaseOf, quorumSummary } from './complianceAdvice';

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
    quorum: {
        itemId: string;
        required: number | null;
        counted: number;
        countedRemote: number;
        seats: number;
        hasQuorum: boolean;
    }[];
    remoteParticipants: { planned: number; cap: number | null };
    members: { id: string; name: string; role: string; mode: string; voting: boolean }[];
    items: { id: string; number: number; title: string; kinds: string[] }[];
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
                seats
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
                kinds
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
    const cell = new Map(evaluation.remoteEligibility.map(e => [`${e.memberId}:${e.itemId}`, e]));
    const quorum = new Map(evaluation.quorum.map(q => [q.itemId, q]));
    // Everyone voting or planned remote; absent deputies say nothing about the meeting.
    const rows = evaluation.members.filter(m => m.mode === 'remote' || m.voting);
    const lines = groupFindings({ meetingId: String(meeting?.id), ...evaluation });
    const blockerCount = lines.filter(l => l.severity === 'blocker').length;
    const phase = phaseOf(String(meeting?.status ?? 'PLANNED'));
    const cap = capSummary(evaluation.remoteParticipants);
    const quorumLine = quorumSummary(evaluation.quorum);
    return (
        <Box sx={{ display: 'grid', gap: 2 }}>
            <Alert severity={evaluation.compliant ? 'success' : phase === 'over' ? 'info' : 'error'} role="status">
                <strong>
                    {evaluation.compliant
                        ? translate('secretary.compliance.ok')
                        : phase === 'over'
                          ? translate('secretary.compliance.over_blocked')
                          : translate(`secretary.compliance.${phase}_blocked`, { smart_count: blockerCount })}
                </strong>{' '}
                {evaluation.ruleSet.source === 'municipal'
                    ? translate('app.compliance.rule_set', {
                          version: evaluation.ruleSet.version,
                          decision: evaluation.ruleSet.decisionReference,
                      })
                    : translate('app.compliance.law_baseline')}
                <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="compliance-summary">
                    <li>{translate(`secretary.compliance.${cap.key}`, cap.args)}</li>
                    <li>{translate(`secretary.compliance.${quorumLine.key}`, quorumLine.args)}</li>
                </Box>
            </Alert>
            <Box component="section" aria-labelledby="findings-heading">
                <Typography id="findings-heading" component="h2" variant="h6">
                    {translate('app.compliance.findings')}
                </Typography>
                {lines.length === 0 ? (
                    <Typography variant="body2">{translate('app.compliance.no_findings')}</Typography>
                ) : (
                    <List dense data-testid="compliance-findings">
                        {lines.map(line => (
                            <AdviceItem key={line.key} line={line} />
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
