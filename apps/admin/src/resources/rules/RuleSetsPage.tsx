import { useCallback, useEffect, useState } from 'react';
import {
    Alert,
    Box,
    Button,
    Card,
    CardContent,
    Chip,
    MenuItem,
    Tab,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Tabs,
    TextField,
    Typography,
} from '@mui/material';
import { Title, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import { bodyKinds } from '../../choices';
import { DateTimeText } from '../../components/DateTimeText';
import type { BodyKind } from '../../gql/graphql';
import {
    BODY_TYPES,
    createDraft,
    deleteDraft,
    fetchRuleSets,
    publish,
    saveDraft,
    type BodyType,
    type Platform,
    type PublishInput,
    type RuleSetVersion,
} from './api';
import { BodyOverrideEditor, BodyRulesEditor, BodyTypeHeading } from './BodyRulesEditor';
import { RuleDiff } from './RuleDiff';
import { stockholmToday } from '@motesplats/rules/stockholm-time';

/**
 * The municipality's rules for remote participation: the version in force, the history, a
 * draft being edited per body type, publishing it with its decision, and how it differs from
 * the regional template.
 */
export const RuleSetsPage = () => {
    const translate = useTranslate();
    const notify = useNotify();
    const { identity } = useGetIdentity();
    const isAdmin = ((identity?.roles as string[] | undefined) ?? []).includes('tenant-admin');
    const [versions, setVersions] = useState<RuleSetVersion[]>([]);
    const [platforms, setPlatforms] = useState<Platform[]>([]);
    const [inForceId, setInForceId] = useState<string | null>(null);
    const [selectedId, setSelectedId] = useState<string | null>(null);
    const [error, setError] = useState<string | null>(null);

    const load = useCallback(async () => {
        const data = await fetchRuleSets();
        setVersions(data.ruleSetVersions);
        setPlatforms(data.platformCatalog);
        setInForceId(data.ruleSetInForce?.id ?? null);
        setSelectedId(
            current =>
                current ??
                data.ruleSetVersions.find(v => v.status === 'DRAFT')?.id ??
                data.ruleSetInForce?.id ??
                data.ruleSetVersions[0]?.id ??
                null,
        );
    }, []);
    useEffect(() => {
        load().catch(e => setError((e as Error).message));
    }, [load]);

    const run = async (action: () => Promise<unknown>, success: string) => {
        setError(null);
        try {
            await action();
            notify(success, { type: 'success' });
            await load();
        } catch (e) {
            setError((e as Error).message);
        }
    };

    const selected = versions.find(v => v.id === selectedId) ?? null;
    const hasDraft = versions.some(v => v.status === 'DRAFT');
    return (
        <Box sx={{ mt: 2, display: 'grid', gap: 2 }}>
            <Title title={translate('app.rules.title')} />
            <Typography component="h1" variant="h5">
                {translate('app.rules.title')}
            </Typography>
            <Typography variant="body2">{translate('app.rules.intro')}</Typography>
            {error && (
                <Alert severity="error" role="alert">
                    {error}
                </Alert>
            )}
            <Card>
                <CardContent>
                    <Typography component="h2" variant="h6">
                        {translate('app.rules.history')}
                    </Typography>
                    <Table size="small" aria-label={translate('app.rules.history')}>
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('app.rules.version')}</TableCell>
                                <TableCell>{translate('app.rules.status')}</TableCell>
                                <TableCell>{translate('app.rules.decision')}</TableCell>
                                <TableCell>{translate('app.rules.effective_from')}</TableCell>
                                <TableCell>{translate('app.rules.published')}</TableCell>
                                <TableCell />
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {versions.map(v => (
                                <TableRow key={v.id} selected={v.id === selectedId}>
                                    <TableCell>{v.version}</TableCell>
                                    <TableCell>
                                        {translate(`app.rules.status_${v.status}`)}
                                        {v.id === inForceId && (
                                            <Chip
                                                size="small"
                                                color="success"
                                                label={translate('app.rules.in_force')}
                                                sx={{ ml: 1 }}
                                            />
                                        )}
                                    </TableCell>
                                    <TableCell>{v.decisionReference || '–'}</TableCell>
                                    <TableCell>{v.effectiveFrom}</TableCell>
                                    <TableCell>
                                        {v.publishedAt ? <DateTimeText record={v} source="publishedAt" /> : '–'}{' '}
                                        {v.publishedBy ?? ''}
                                    </TableCell>
                                    <TableCell>
                                        <Button
                                            size="small"
                                            onClick={() => setSelectedId(v.id)}
                                            aria-label={translate('app.rules.open_version', { version: v.version })}
                                        >
                                            {translate('ra.action.open')}
                                        </Button>
                                    </TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                    {isAdmin && !hasDraft && (
                        <Box sx={{ display: 'flex', gap: 1, mt: 2, flexWrap: 'wrap' }}>
                            <Button
                                variant="contained"
                                onClick={() =>
                                    run(
                                        async () =>
                                            setSelectedId(
                                                (await createDraft('CURRENT_VERSION', stockholmToday(new Date()))).id,
                                            ),
                                        'app.rules.draft_created',
                                    )
                                }
                            >
                                {translate('app.rules.new_from_current')}
                            </Button>
                            <Button
                                variant="outlined"
                                onClick={() =>
                                    run(
                                        async () =>
                                            setSelectedId(
                                                (await createDraft('REGIONAL_TEMPLATE', stockholmToday(new Date()))).id,
                                            ),
                                        'app.rules.draft_created',
                                    )
                                }
                            >
                                {translate('app.rules.new_from_template')}
                            </Button>
                        </Box>
                    )}
                </CardContent>
            </Card>
            {selected && (
                <VersionEditor
                    key={selected.id}
                    version={selected}
                    platforms={platforms}
                    canEdit={isAdmin && selected.status === 'DRAFT'}
                    onSave={content => run(() => saveDraft(selected.id, content), 'app.rules.saved')}
                    onPublish={input => run(() => publish(selected.id, input), 'app.rules.published_ok')}
                    onDelete={() =>
                        run(async () => {
                            await deleteDraft(selected.id);
                            setSelectedId(null);
                        }, 'app.rules.deleted')
                    }
                />
            )}
        </Box>
    );
};

interface EditorProps {
    version: RuleSetVersion;
    platforms: Platform[];
    canEdit: boolean;
    onSave: (content: RuleSetVersion['content']) => void;
    onPublish: (input: PublishInput) => void;
    onDelete: () => void;
}

const VersionEditor = ({ version, platforms, canEdit, onSave, onPublish, onDelete }: EditorProps) => {
    const translate = useTranslate();
    const [bodyType, setBodyType] = useState<BodyType>('council');
    const [content, setContent] = useState(version.content);
    const [decision, setDecision] = useState<PublishInput>({
        decisionReference: version.decisionReference,
        decidedBy: version.decidedBy,
        decidedOn: version.decidedOn,
        effectiveFrom: version.effectiveFrom,
    });
    return (
        <Card>
            <CardContent sx={{ display: 'grid', gap: 2 }}>
                <Typography component="h2" variant="h6">
                    {translate('app.rules.version_heading', {
                        version: version.version,
                        status: translate(`app.rules.status_${version.status}`).toLowerCase(),
                    })}
                </Typography>
                {!canEdit && (
                    <Alert severity="info">
                        {translate(version.status === 'PUBLISHED' ? 'app.rules.immutable' : 'app.rules.read_only')}
                    </Alert>
                )}
                <Tabs
                    value={bodyType}
                    onChange={(_, v) => setBodyType(v)}
                    variant="scrollable"
                    aria-label={translate('app.rules.body_types')}
                >
                    {BODY_TYPES.map(t => (
                        <Tab key={t} value={t} label={translate(`resources.bodies.kind.${t.toUpperCase()}`)} />
                    ))}
                </Tabs>
                <BodyTypeHeading bodyType={bodyType} />
                <BodyRulesEditor
                    key={bodyType}
                    bodyType={bodyType}
                    rules={content.bodyTypes[bodyType]}
                    platforms={platforms}
                    readOnly={!canEdit}
                    onChange={rules =>
                        setContent({ ...content, bodyTypes: { ...content.bodyTypes, [bodyType]: rules } })
                    }
                />
                <BodyOverrideEditor content={content} platforms={platforms} readOnly={!canEdit} onChange={setContent} />
                {canEdit && (
                    <Box sx={{ display: 'flex', gap: 1 }}>
                        <Button variant="contained" onClick={() => onSave(content)}>
                            {translate('ra.action.save')}
                        </Button>
                        <Button color="error" onClick={onDelete}>
                            {translate('app.rules.delete_draft')}
                        </Button>
                    </Box>
                )}
                {canEdit && (
                    <Box
                        component="section"
                        aria-labelledby="publish-heading"
                        sx={{ display: 'grid', gap: 2, maxWidth: 720, mt: 2 }}
                    >
                        <Typography id="publish-heading" component="h3" variant="h6">
                            {translate('app.rules.publish_heading')}
                        </Typography>
                        <Typography variant="body2">{translate('app.rules.publish_help')}</Typography>
                        <TextField
                            label={translate('app.rules.decision')}
                            placeholder="KF 2020-04-20 § 45"
                            required
                            value={decision.decisionReference}
                            onChange={e => setDecision({ ...decision, decisionReference: e.target.value })}
                        />
                        <TextField
                            select
                            label={translate('app.rules.decided_by')}
                            value={decision.decidedBy}
                            onChange={e => setDecision({ ...decision, decidedBy: e.target.value as BodyKind })}
                        >
                            {bodyKinds.map(kind => (
                                <MenuItem key={kind} value={kind}>
                                    {translate(`resources.bodies.kind.${kind}`)}
                                </MenuItem>
                            ))}
                        </TextField>
                        <TextField
                            type="date"
                            label={translate('app.rules.decided_on')}
                            value={decision.decidedOn ?? ''}
                            slotProps={{ inputLabel: { shrink: true } }}
                            onChange={e => setDecision({ ...decision, decidedOn: e.target.value || null })}
                        />
                        <TextField
                            type="date"
                            required
                            label={translate('app.rules.effective_from')}
                            value={decision.effectiveFrom}
                            slotProps={{ inputLabel: { shrink: true } }}
                            onChange={e => setDecision({ ...decision, effectiveFrom: e.target.value })}
                        />
                        <Box>
                            <Button variant="contained" color="secondary" onClick={() => onPublish(decision)}>
                                {translate('app.rules.publish')}
                            </Button>
                        </Box>
                    </Box>
                )}
                <RuleDiff versionId={version.id} />
            </CardContent>
        </Card>
    );
};
