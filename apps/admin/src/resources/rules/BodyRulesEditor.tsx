import {
    Box,
    Button,
    Checkbox,
    FormControl,
    FormControlLabel,
    FormGroup,
    FormHelperText,
    FormLabel,
    MenuItem,
    Switch,
    TextField,
    Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { graphql } from '../../gql';
import { graphqlRequest } from '../../graphql';
import { getLimits } from '../../limits';
import type { BodyRules, BodyType, Platform, RuleContent } from './api';
import { rulesOfBody, withBodyRules } from './bodyOverride';
import { getPath, RULE_FIELDS, setPath, type RuleField } from './ruleFields';
import { ItemKindChooser, TrainingModuleChooser } from '../../components/CodeChooser';

interface Props {
    bodyType: BodyType;
    rules: BodyRules;
    platforms: Platform[];
    readOnly: boolean;
    onChange: (rules: BodyRules) => void;
}

/** One body type's rules, each field with its label, help and basis; the API judges lawfulness on save. */
export const BodyRulesEditor = ({ bodyType, rules, platforms, readOnly, onChange }: Props) => {
    const translate = useTranslate();
    const set = (path: string, value: unknown) => onChange(setPath(rules, path, value));
    const fields = RULE_FIELDS.filter(f => !f.only || f.only.includes(bodyType));
    return (
        <Box sx={{ display: 'grid', gap: 2.5, maxWidth: 720 }}>
            {fields.map(field => (
                <FieldEditor
                    key={field.key}
                    field={field}
                    value={getPath(rules, field.path)}
                    platforms={platforms}
                    readOnly={readOnly}
                    onChange={value => set(field.path, value)}
                    label={translate(`app.rules.field.${field.key}.label`)}
                    help={translate(`app.rules.field.${field.key}.help`)}
                    basis={translate('app.rules.basis', { basis: field.basis })}
                />
            ))}
        </Box>
    );
};

interface FieldProps {
    field: RuleField;
    value: any;
    platforms: Platform[];
    readOnly: boolean;
    onChange: (value: unknown) => void;
    label: string;
    help: string;
    basis: string;
}

const FieldEditor = ({ field, value, platforms, readOnly, onChange, label, help, basis }: FieldProps) => {
    const translate = useTranslate();
    const id = `rule-${field.key}`;
    const helper = (
        <>
            {help}
            <Box component="span" sx={{ display: 'block', fontStyle: 'italic' }}>
                {basis}
            </Box>
        </>
    );
    switch (field.kind) {
        case 'boolean':
            return (
                <FormControl>
                    <FormControlLabel
                        control={
                            <Switch checked={!!value} disabled={readOnly} onChange={e => onChange(e.target.checked)} />
                        }
                        label={label}
                    />
                    <FormHelperText>{helper}</FormHelperText>
                </FormControl>
            );
        case 'select':
            return (
                <TextField
                    id={id}
                    select
                    label={label}
                    value={value ?? ''}
                    disabled={readOnly}
                    onChange={e => onChange(e.target.value)}
                    helperText={helper}
                >
                    {field.options!.map(option => (
                        <MenuItem key={option} value={option}>
                            {translate(`app.rules.option.${option}`)}
                        </MenuItem>
                    ))}
                </TextField>
            );
        case 'number':
        case 'share':
            return (
                <TextField
                    id={id}
                    type="number"
                    label={label}
                    value={value ?? ''}
                    disabled={readOnly}
                    slotProps={{
                        htmlInput: {
                            min: field.kind === 'share' ? 0.5 : 0,
                            max: field.kind === 'share' ? 1 : undefined,
                            step: field.kind === 'share' ? 0.05 : 1,
                        },
                    }}
                    onChange={e =>
                        onChange(
                            e.target.value === ''
                                ? field.kind === 'number' && field.key === 'maxRemoteParticipants'
                                    ? null
                                    : 0
                                : Number(e.target.value),
                        )
                    }
                    helperText={helper}
                />
            );
        case 'list':
            return (
                <ItemKindChooser
                    id={id}
                    label={label}
                    value={value ?? []}
                    disabled={readOnly}
                    onChange={onChange}
                    helperText={helper}
                />
            );
        case 'training': {
            const required: { moduleKey: string; roles: string[] | null }[] = value ?? [];
            return (
                <TrainingModuleChooser
                    id={id}
                    label={label}
                    value={required.map(t => t.moduleKey)}
                    disabled={readOnly}
                    // A module kept keeps the roles it was required of; a new one applies to every remote participant.
                    onChange={keys =>
                        onChange(
                            keys.map(
                                moduleKey =>
                                    required.find(t => t.moduleKey === moduleKey) ?? { moduleKey, roles: null },
                            ),
                        )
                    }
                    helperText={helper}
                />
            );
        }
        case 'platforms': {
            const approved: string[] | null = value ?? null;
            const toggle = (key: string, on: boolean) => {
                const current = approved ?? platforms.map(p => p.key);
                onChange(on ? [...current, key] : current.filter(k => k !== key));
            };
            return (
                <FormControl component="fieldset">
                    <FormLabel component="legend">{label}</FormLabel>
                    <FormGroup row>
                        {platforms.map(p => (
                            <FormControlLabel
                                key={p.key}
                                control={
                                    <Checkbox
                                        checked={approved === null || approved.includes(p.key)}
                                        disabled={readOnly}
                                        onChange={e => toggle(p.key, e.target.checked)}
                                    />
                                }
                                label={`${p.name}${p.dataResidency ? ` (${p.dataResidency})` : ''}`}
                            />
                        ))}
                    </FormGroup>
                    <FormHelperText>{helper}</FormHelperText>
                </FormControl>
            );
        }
        case 'support': {
            const list: { role: string; count: number }[] = value ?? [];
            const count = (role: string) => list.find(s => s.role === role)?.count ?? 0;
            const setCount = (role: string, n: number) =>
                onChange([...list.filter(s => s.role !== role), ...(n > 0 ? [{ role, count: n }] : [])]);
            return (
                <FormControl component="fieldset">
                    <FormLabel component="legend">{label}</FormLabel>
                    <Box sx={{ display: 'flex', gap: 2, mt: 1 }}>
                        {['meeting_support', 'it_support'].map(role => (
                            <TextField
                                key={role}
                                type="number"
                                label={translate(`app.rules.option.${role}`)}
                                value={count(role)}
                                disabled={readOnly}
                                slotProps={{ htmlInput: { min: 0, step: 1 } }}
                                onChange={e => setCount(role, Number(e.target.value))}
                            />
                        ))}
                    </Box>
                    <FormHelperText>{helper}</FormHelperText>
                </FormControl>
            );
        }
    }
};

export const BodyTypeHeading = ({ bodyType }: { bodyType: BodyType }) => {
    const translate = useTranslate();
    return (
        <Typography component="h3" variant="h6" sx={{ mb: 2 }}>
            {translate(`resources.bodies.kind.${bodyType.toUpperCase()}`)}
        </Typography>
    );
};

const BodiesDocument = graphql(`
    query RuleBodies($perPage: Int!) {
        bodies(perPage: $perPage, sortField: "name") {
            items {
                id
                name
                kind
            }
        }
    }
`);

/**
 * One body's own rules (e.g. a committee that requires e-ID): edited in full, stored as what
 * differs from its type's rules, and removed when nothing does.
 */
export const BodyOverrideEditor = ({
    content,
    platforms,
    readOnly,
    onChange,
}: {
    content: RuleContent;
    platforms: Platform[];
    readOnly: boolean;
    onChange: (content: RuleContent) => void;
}) => {
    const translate = useTranslate();
    const [bodies, setBodies] = useState<{ id: string; name: string; bodyType: BodyType }[]>([]);
    const [bodyId, setBodyId] = useState('');
    useEffect(() => {
        getLimits()
            .then(({ maxPerPage }) => graphqlRequest(BodiesDocument, { perPage: maxPerPage }))
            .then(
                r =>
                    setBodies(
                        r.bodies.items.map(b => ({
                            id: b.id,
                            name: b.name,
                            bodyType: b.kind.toLowerCase() as BodyType,
                        })),
                    ),
                () => setBodies([]),
            );
    }, []);
    const body = bodies.find(b => b.id === bodyId);
    const own = new Set(Object.keys(content.bodies));
    return (
        <Box component="section" aria-labelledby="body-override-heading" sx={{ display: 'grid', gap: 2, mt: 2 }}>
            <Typography id="body-override-heading" component="h3" variant="h6">
                {translate('secretary.body_rules.heading')}
            </Typography>
            <Typography variant="body2">{translate('secretary.body_rules.intro')}</Typography>
            <TextField
                select
                size="small"
                label={translate('resources.meetings.fields.bodyId')}
                value={bodyId}
                onChange={e => setBodyId(e.target.value)}
                sx={{ maxWidth: 480 }}
            >
                {bodies.map(b => (
                    <MenuItem key={b.id} value={b.id}>
                        {b.name}
                        {own.has(b.id) ? ` – ${translate('secretary.body_rules.has_own')}` : ''}
                    </MenuItem>
                ))}
            </TextField>
            {body && (
                <>
                    {own.has(body.id) && !readOnly && (
                        <Box>
                            <Button
                                size="small"
                                onClick={() => onChange(withBodyRules(content, body, content.bodyTypes[body.bodyType]))}
                            >
                                {translate('secretary.body_rules.reset')}
                            </Button>
                        </Box>
                    )}
                    <BodyRulesEditor
                        key={body.id}
                        bodyType={body.bodyType}
                        rules={rulesOfBody(content, body.id, body.bodyType)}
                        platforms={platforms}
                        readOnly={readOnly}
                        onChange={rules => onChange(withBodyRules(content, body, rules))}
                    />
                </>
            )}
        </Box>
    );
};
