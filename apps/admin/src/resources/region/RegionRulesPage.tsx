import { useState } from 'react';
import {
    Card,
    CardContent,
    Chip,
    MenuItem,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    TextField,
    Tooltip,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { hasLabel, useLabel } from '../../labels';
import { PageFrame } from './PageFrame';
import { BODY_KINDS, fetchRulesMatrix, type RulesCell } from './api';
import { useLoad } from './useLoad';

type Translate = (key: string, options?: object) => string;
type Label = ReturnType<typeof useLabel>;
type Show = (c: RulesCell, t: Translate, label: Label) => string;

const list = (values: string[], t: Translate) => values.join(', ') || t('region.rules.none');

const FIELDS: { key: string; deviation: string[]; show: Show }[] = [
    {
        key: 'remoteAllowed',
        deviation: ['remoteParticipation.allowed'],
        show: (c, t) => t(c.remoteAllowed ? 'ra.boolean.true' : 'ra.boolean.false'),
    },
    {
        key: 'excludedItemKinds',
        deviation: ['excludedItemKinds'],
        show: (c, t, label) =>
            list(
                c.excludedItemKinds.map(k => label('ItemKind', k)),
                t,
            ),
    },
    { key: 'equalTerms', deviation: ['equalTerms'], show: (c, _t, label) => label('EqualTermsReading', c.equalTerms) },
    {
        key: 'maxRemoteParticipants',
        deviation: ['maxRemoteParticipants'],
        show: c => (c.maxRemoteParticipants === null ? '–' : String(c.maxRemoteParticipants)),
    },
    {
        key: 'approvedPlatforms',
        deviation: ['approvedPlatforms'],
        show: (c, t, label) =>
            c.approvedPlatforms
                ? list(
                      c.approvedPlatforms.map(p => label('PlatformKey', p)),
                      t,
                  )
                : t('region.rules.allPlatforms'),
    },
    {
        key: 'breakoutPolicy',
        deviation: [
            'breakoutRooms.enabled',
            'breakoutRooms.minutesBefore',
            'breakoutRooms.minutesAfter',
            'breakoutRooms.duringRecesses',
        ],
        // The API sends "15/15 min, ajournering" or "off".
        show: (c, t) => (c.breakoutPolicy === 'off' ? t('region.rules.breakoutOff') : c.breakoutPolicy),
    },
];

/** The template's value (JSON from the API) in words: labels for known codes, "Ja"/"Nej", numbers as they are. */
const templateText = (json: string, t: Translate, label: Label): string => {
    const word = (v: unknown): string => {
        if (v === null || v === undefined) return '–';
        if (typeof v === 'boolean') return t(v ? 'ra.boolean.true' : 'ra.boolean.false');
        if (typeof v === 'number') return String(v);
        if (typeof v === 'string') {
            for (const vocabulary of [
                'ItemKind',
                'PlatformKey',
                'EqualTermsReading',
                'IdentityCheck',
                'PresidiumOnSite',
                'DataResidency',
            ] as const) {
                if (hasLabel(vocabulary, v)) return label(vocabulary, v);
            }
            return v;
        }
        if (Array.isArray(v)) return v.map(word).join(', ') || t('region.rules.none');
        return t('region.rules.otherRule');
    };
    try {
        return word(JSON.parse(json));
    } catch {
        return json;
    }
};

/** A deviation's field path as the rules editor names it ("presidiumOnSite" → "På plats"). */
const fieldName = (path: string, t: Translate) => t(`app.rules.path.${path}`, { _: t('region.rules.otherRule') });

/** The rules matrix across municipalities for one body type, every deviation from the regional template marked. */
export const RegionRulesPage = () => {
    const translate = useTranslate();
    const label = useLabel();
    const [kind, setKind] = useState<string>('council');
    const today = new Date().toISOString().slice(0, 10);
    const { data, loading, error } = useLoad(() => fetchRulesMatrix(today, today, kind), [kind]);
    return (
        <PageFrame title="region.rules.title" intro="region.rules.intro" loading={loading} error={error}>
            <Card>
                <CardContent>
                    <TextField
                        select
                        label={translate('region.bodyKind')}
                        value={kind}
                        onChange={e => setKind(e.target.value)}
                        size="small"
                        sx={{ minWidth: 220 }}
                    >
                        {BODY_KINDS.map(k => (
                            <MenuItem key={k} value={k}>
                                {translate(`region.kind.${k}`)}
                            </MenuItem>
                        ))}
                    </TextField>
                </CardContent>
            </Card>
            {data && (
                <Card>
                    <CardContent sx={{ overflowX: 'auto' }} tabIndex={0}>
                        <Table size="small" aria-label={translate('region.rules.title')}>
                            <TableHead>
                                <TableRow>
                                    <TableCell>{translate('region.municipality')}</TableCell>
                                    <TableCell>{translate('region.rules.decision')}</TableCell>
                                    {FIELDS.map(f => (
                                        <TableCell key={f.key}>{translate(`region.rules.fields.${f.key}`)}</TableCell>
                                    ))}
                                    <TableCell>{translate('region.rules.otherDeviations')}</TableCell>
                                </TableRow>
                            </TableHead>
                            <TableBody>
                                {data.rules.map(c => {
                                    const shown = new Set(FIELDS.flatMap(f => f.deviation));
                                    const others = c.deviations.filter(d => !shown.has(d.field));
                                    return (
                                        <TableRow key={c.municipalityId}>
                                            <TableCell component="th" scope="row">
                                                {c.municipalityName}
                                            </TableCell>
                                            <TableCell>{c.decisionReference}</TableCell>
                                            {FIELDS.map(f => {
                                                const dev = c.deviations.filter(d => f.deviation.includes(d.field));
                                                return (
                                                    <TableCell
                                                        key={f.key}
                                                        sx={dev.length ? { bgcolor: '#fff4e5' } : undefined}
                                                    >
                                                        {f.show(c, translate, label)}
                                                        {dev.length > 0 && (
                                                            <Tooltip
                                                                title={dev
                                                                    .map(
                                                                        d =>
                                                                            `${translate('region.rules.template')}: ${templateText(d.templateValue, translate, label)}`,
                                                                    )
                                                                    .join('; ')}
                                                            >
                                                                <Chip
                                                                    size="small"
                                                                    sx={{ ml: 1 }}
                                                                    label={translate(
                                                                        `region.rules.change.${dev[0]!.change}`,
                                                                    )}
                                                                />
                                                            </Tooltip>
                                                        )}
                                                    </TableCell>
                                                );
                                            })}
                                            <TableCell>
                                                {others
                                                    .map(
                                                        d =>
                                                            `${fieldName(d.field, translate)} (${translate(`region.rules.change.${d.change}`)})`,
                                                    )
                                                    .join(', ') || '–'}
                                            </TableCell>
                                        </TableRow>
                                    );
                                })}
                            </TableBody>
                        </Table>
                    </CardContent>
                </Card>
            )}
        </PageFrame>
    );
};
