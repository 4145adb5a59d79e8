import { useState } from 'react';
import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { fetchPoolMunicipalities } from '../support/api';
import { StaffRegister } from '../support/StaffRegister';
import type { Run } from '../support/SupportPage';
import { PageFrame } from './PageFrame';
import { useLoad } from './useLoad';

/**
 * The coordinator's support pool: the pool's people (the support register in its regional
 * mode, with availability and absences) and which municipalities of the region use the pool.
 */
export const SupportPoolPage = () => {
    const translate = useTranslate();
    const notify = useNotify();
    const [version, setVersion] = useState(0);
    const [runError, setRunError] = useState<string | null>(null);
    const optins = useLoad(fetchPoolMunicipalities, []);

    const run: Run = async (action, success) => {
        setRunError(null);
        try {
            await action();
            if (success) notify(success, { type: 'success' });
            setVersion(v => v + 1);
            return true;
        } catch (e) {
            setRunError((e as Error).message);
            return false;
        }
    };

    return (
        <PageFrame
            title="region.menu.supportPool"
            intro="region.supportPool.intro"
            loading={optins.loading}
            error={optins.error ?? runError}
        >
            <Card component="section" aria-labelledby="pool-staff">
                <CardContent sx={{ display: 'grid', gap: 2 }}>
                    <Typography id="pool-staff" component="h2" variant="h6">
                        {translate('region.supportPool.staff')}
                    </Typography>
                    <StaffRegister canWrite run={run} version={version} regionWide />
                </CardContent>
            </Card>
            <Card component="section" aria-labelledby="pool-municipalities">
                <CardContent sx={{ display: 'grid', gap: 2 }}>
                    <Typography id="pool-municipalities" component="h2" variant="h6">
                        {translate('region.supportPool.municipalities')}
                    </Typography>
                    <Table size="small" aria-labelledby="pool-municipalities">
                        <TableHead>
                            <TableRow>
                                <TableCell component="th" scope="col">
                                    {translate('region.municipality')}
                                </TableCell>
                                <TableCell component="th" scope="col">
                                    {translate('region.supportPool.usesPool')}
                                </TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {(optins.data ?? []).map(m => (
                                <TableRow key={m.municipalityId}>
                                    <TableCell component="th" scope="row">
                                        {m.name}
                                    </TableCell>
                                    <TableCell>{translate(m.usesRegionalPool ? 'region.yes' : 'region.no')}</TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                </CardContent>
            </Card>
        </PageFrame>
    );
};
