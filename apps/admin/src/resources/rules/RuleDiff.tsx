import { useEffect, useState } from 'react';
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetMany, useTranslate } from 'react-admin';
import { fetchDiff, type RuleDifference } from './api';

const show = (value: unknown) =>
    value === null || value === undefined ? '–' : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** Where the municipality's rules differ from the regional template, field by field. */
export const RuleDiff = ({ versionId }: { versionId: string }) => {
    const translate = useTranslate();
    const [diff, setDiff] = useState<RuleDifference[] | null>(null);
    useEffect(() => {
        fetchDiff(versionId).then(setDiff, () => setDiff([]));
    }, [versionId]);
    // Per-body overrides are keyed by body id in the rules; people know the body by its name.
    const bodyIds = [
        ...new Set((diff ?? []).filter(d => d.path.startsWith('bodies.')).map(d => d.path.split('.')[1]!)),
    ];
    const { data: bodies } = useGetMany('bodies', { ids: bodyIds }, { enabled: bodyIds.length > 0 });
    const bodyName = new Map((bodies ?? []).map(b => [String(b.id), b.name as string]));
    const label = (path: string) => {
        const [scope, type, ...field] = path.split('.');
        const where =
            scope === 'bodyTypes'
                ? translate(`resources.bodies.kind.${type!.toUpperCase()}`)
                : translate('app.rules.body_override', { name: bodyName.get(type!) ?? type });
        return `${where}: ${translate(`app.rules.path.${field.join('.')}`, { _: field.join('.') })}`;
    };
    return (
        <Box component="section" aria-labelledby="diff-heading" sx={{ mt: 2 }}>
            <Typography id="diff-heading" component="h3" variant="h6">
                {translate('app.rules.diff_heading')}
            </Typography>
            {diff && diff.length === 0 && <Typography variant="body2">{translate('app.rules.diff_none')}</Typography>}
            {diff && diff.length > 0 && (
                <Table size="small" aria-labelledby="diff-heading">
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('app.rules.diff_field')}</TableCell>
                            <TableCell>{translate('app.rules.diff_template')}</TableCell>
                            <TableCell>{translate('app.rules.diff_municipal')}</TableCell>
                            <TableCell>{translate('app.rules.diff_change')}</TableCell>
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {diff.map(d => (
                            <TableRow key={d.path}>
                                <TableCell>{label(d.path)}</TableCell>
                                <TableCell>{show(d.templateValue)}</TableCell>
                                <TableCell>{show(d.municipalValue)}</TableCell>
                                <TableCell>
                                    <Chip
                                        size="small"
                                        variant="outlined"
                                        color={
                                            d.change === 'looser'
                                                ? 'warning'
                                                : d.change === 'tighter'
                                                  ? 'info'
                                                  : 'default'
                                        }
                                        label={translate(`app.rules.change_${d.change}`)}
                                    />
                                </TableCell>
                            </TableRow>
                        ))}
                    </TableBody>
                </Table>
            )}
        </Box>
    );
};
