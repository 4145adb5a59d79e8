import { Button, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { PageFrame } from './PageFrame';
import { fetchRegionalSharing } from './api';
import { useLoad } from './useLoad';

const PAGES = [
    { to: '/region/comparison', label: 'region.menu.comparison' },
    { to: '/region/rules', label: 'region.menu.rules' },
    { to: '/surveys', label: 'region.menu.surveys' },
    { to: '/region/experience', label: 'region.menu.experience' },
    { to: '/training', label: 'region.menu.training' },
];

/** The coordinator's start page: what each municipality shares, and the way to everything else. */
export const RegionOverview = () => {
    const translate = useTranslate();
    const { data, loading, error } = useLoad(fetchRegionalSharing, []);
    const yes = (v: boolean) => translate(v ? 'region.yes' : 'region.no');
    return (
        <PageFrame title="region.overview.title" intro="region.overview.intro" loading={loading} error={error}>
            <Card>
                <CardContent sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                    {PAGES.map(p => (
                        <Button key={p.to} component={Link} to={p.to} variant="outlined">
                            {translate(p.label)}
                        </Button>
                    ))}
                </CardContent>
            </Card>
            {data && (
                <Card>
                    <CardContent>
                        <Typography component="h2" variant="h6">
                            {translate('region.overview.sharing')}
                        </Typography>
                        <Table size="small" aria-label={translate('region.overview.sharing')}>
                            <TableHead>
                                <TableRow>
                                    <TableCell>{translate('region.municipality')}</TableCell>
                                    <TableCell>{translate('region.sharing.rules')}</TableCell>
                                    <TableCell>{translate('region.sharing.aggregates')}</TableCell>
                                    <TableCell>{translate('region.sharing.reports')}</TableCell>
                                </TableRow>
                            </TableHead>
                            <TableBody>
                                {data.map(s => (
                                    <TableRow key={s.municipalityId}>
                                        <TableCell component="th" scope="row">
                                            {s.municipalityName}
                                        </TableCell>
                                        <TableCell>{yes(s.sharesRules)}</TableCell>
                                        <TableCell>{yes(s.sharesAggregates)}</TableCell>
                                        <TableCell>{yes(s.sharesReports)}</TableCell>
                                    </TableRow>
                                ))}
                            </TableBody>
                        </Table>
                    </CardContent>
                </Card>
            )}
        </PageFrame>
    );
};
